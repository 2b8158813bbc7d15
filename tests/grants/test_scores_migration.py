"""The three fixed scores move into a rubric, both ways.

It migrates the database back and forth, so it runs (marked ``flushes_db``) after the others."""

import pytest
from django.contrib.auth.models import Group, User
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from grants.models import Assignment, GrantCallPage

from .competition import make_applications
from .factories import make_call

BEFORE = ("grants", "0009_review_rubric_awards_history")
AFTER = ("grants", "0011_fixed_scores_removed_and_roles")


def migrate(target):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate([target])
    return executor.loader.project_state([target]).apps


@pytest.mark.flushes_db
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_fixed_scores_become_rubric_scores_of_the_call():
    """Protects existing reviews: relevance, feasibility and budget (1–5) become scores under the keys of a
    three-criterion rubric the call gets (page and latest revision), with the same total."""
    call = make_call()
    application = make_applications(call, 1, status="under_review")[0]
    expert = User.objects.create_user("expert1")
    expert.groups.add(Group.objects.get(name="Experts"))
    try:
        old_apps = migrate(BEFORE)
        OldAssignment = old_apps.get_model("grants", "Assignment")
        OldAssignment.objects.create(
            application_id=application.pk, expert_id=expert.pk, relevance=5, feasibility=4, budget=2, comment="Ок"
        )
    finally:
        migrate(AFTER)
        # then up to the newest: the models below read columns added after AFTER
        migrate(MigrationExecutor(connection).loader.graph.leaf_nodes("grants")[0])
    call = GrantCallPage.objects.get(pk=call.pk)
    keys = [criterion["key"] for criterion in call.criteria()]
    assert keys == ["r_a1000001", "r_a1000002", "r_a1000003"]
    assert [c["key"] for c in call.get_latest_revision_as_object().criteria()] == keys
    assignment = Assignment.objects.get()
    assert [assignment.scores[key]["score"] for key in keys] == [5, 4, 2]
    assert assignment.total == 11 and assignment.comment == "Ок" and assignment.conflict is False
