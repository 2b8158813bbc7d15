"""Build a competition quickly for tests: a call with a rubric, applications made directly
(the applicant's side is tested elsewhere), experts and coordinators."""

from datetime import timedelta

from django.contrib.auth.models import Group, User
from django.utils import timezone

from cms_plugins.multistep.models import Draft
from grants.models import Application

from .factories import make_call

RUBRIC = [
    {
        "type": "criterion",
        "id": "b0000001-0000-4000-8000-000000000001",
        "value": {"label": "Relevance", "guidance": "0: none, 10: essential", "max_score": 10, "weight": 2, "key": ""},
    },
    {
        "type": "criterion",
        "id": "b0000002-0000-4000-8000-000000000002",
        "value": {"label": "Feasibility", "guidance": "", "max_score": 5, "weight": 1, "key": ""},
    },
]
RELEVANCE, FEASIBILITY = "r_b0000001", "r_b0000002"


def call_with_rubric(**kwargs):
    call = make_call(**kwargs)
    call.rubric = RUBRIC
    call.save_revision().publish()
    call.refresh_from_db()
    return call


def member(username, group):
    user = User.objects.create_user(username, f"{username}@example.org", "pw-123456789")
    user.groups.add(Group.objects.get(name=group))
    return user


def make_applications(call, count, status="shortlisted", requested=570000, start=0):
    now = timezone.now()
    drafts = Draft.objects.bulk_create(
        Draft(form_key=call.translation_key, email=f"a{start + n}@example.kz", language="ru", submitted_at=now)
        for n in range(count)
    )
    return Application.objects.bulk_create(
        Application(
            reference=f"ZKO-2026-{start + n + 1:04d}",
            call=call,
            call_key=call.translation_key,
            draft=draft,
            status=status,
            applicant_type="ngo",
            organisation_name=f"ОО «Ауыл {start + n + 1}»",
            district_code="burli",
            contact_name="Айгуль",
            email=draft.email,
            phone="+77011234567",
            language="kk" if n % 2 else "ru",
            project_title=f"Проект {start + n + 1}",
            requested_amount=requested,
            consent_version="2026-01",
            consent_at=now,
            submitted_at=now - timedelta(minutes=count - n),
        )
        for n, draft in enumerate(drafts)
    )


def scored(application, expert, relevance, feasibility, comment=""):
    """A submitted review through the service (declaration first)."""
    from grants import reviewing
    from grants.models import Assignment

    assignment, _ = Assignment.objects.get_or_create(application=application, expert=expert)
    if assignment.conflict is None:
        reviewing.declare(assignment, expert, False)
    scores = {RELEVANCE: {"score": relevance, "comment": ""}, FEASIBILITY: {"score": feasibility, "comment": ""}}
    return reviewing.submit_review(assignment, expert, scores, comment)


def shortlisted_with_roles():
    """The permission matrices' world: one shortlisted application scored by its expert, and
    one user per role ("anonymous" is None). Returns (call, application, assignment, users)."""
    call = call_with_rubric()
    application = make_applications(call, 1, status="shortlisted")[0]
    expert = member("expert1", "Experts")
    assignment = scored(application, expert, 5, 5)
    users = {
        "anonymous": None,
        "press": member("press", "Press"),
        "expert": expert,
        "coordinator": member("coord", "Coordinators"),
        "superuser": User.objects.create_superuser("root", "root@example.org", "pw-123456789"),
    }
    return call, application, assignment, users
