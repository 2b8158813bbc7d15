"""The three fixed scores (relevance, feasibility, budget, 1–5) become scores against a rubric.

A call that has scored reviews and no rubric gets the rubric those scores were given
against — the same three criteria, maximum 5, weight 1, with fixed block ids (so their
keys are fixed too, and the demo's past call uses the same ones) — on the page row of
every translation and in its latest revision (what the editor opens next). Each score
moves into the assignment's ``scores`` under its criterion's key and the total is kept.
"""

import json
import uuid

from django.db import migrations

CRITERIA = [
    ("relevance", "a1000001-0000-4000-8000-000000000001", "Relevance for the village"),
    ("feasibility", "a1000002-0000-4000-8000-000000000002", "Feasibility"),
    ("budget", "a1000003-0000-4000-8000-000000000003", "The budget is sound"),
]


def key_for(block_id):
    return "r_" + uuid.UUID(block_id).hex[:8]  # as cms_plugins.multistep.keys.key_for_id


def rubric_value():
    return [
        {
            "type": "criterion",
            "id": block_id,
            "value": {"label": label, "guidance": "", "max_score": 5, "weight": 1, "key": key_for(block_id)},
        }
        for _field, block_id, label in CRITERIA
    ]


def forwards(apps, schema_editor):
    Assignment = apps.get_model("grants", "Assignment")
    GrantCallPage = apps.get_model("grants", "GrantCallPage")
    Revision = apps.get_model("wagtailcore", "Revision")
    scored = Assignment.objects.filter(relevance__isnull=False, feasibility__isnull=False, budget__isnull=False)
    call_keys = set(scored.values_list("application__call_key", flat=True))
    for page in GrantCallPage.objects.filter(translation_key__in=call_keys):
        if len(page.rubric or []):
            continue  # an editor already wrote one: leave it as it is
        page.rubric = rubric_value()
        page.save(update_fields=["rubric"])
        if page.latest_revision_id:
            revision = Revision.objects.get(pk=page.latest_revision_id)
            revision.content["rubric"] = json.dumps(rubric_value())
            revision.save(update_fields=["content"])
    for assignment in scored:
        assignment.scores = {
            key_for(block_id): {"score": getattr(assignment, field), "comment": ""} for field, block_id, _l in CRITERIA
        }
        assignment.total = sum(getattr(assignment, field) for field, _id, _l in CRITERIA)
        assignment.conflict = False  # they scored, so they saw it: no conflict was declared
        assignment.save(update_fields=["scores", "total", "conflict"])


def backwards(apps, schema_editor):
    Assignment = apps.get_model("grants", "Assignment")
    for assignment in Assignment.objects.exclude(scores={}):
        values = [assignment.scores.get(key_for(block_id), {}).get("score") for _f, block_id, _l in CRITERIA]
        if all(isinstance(v, int) and 1 <= v <= 5 for v in values):
            assignment.relevance, assignment.feasibility, assignment.budget = values
            assignment.save(update_fields=["relevance", "feasibility", "budget"])


class Migration(migrations.Migration):
    dependencies = [
        ("grants", "0009_review_rubric_awards_history"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
