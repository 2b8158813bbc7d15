"""Who may open each competition screen and action: anonymous, press, expert, coordinator, superuser."""

import pytest
from django.urls import reverse

from grants.models import Application

from .competition import shortlisted_with_roles

ROLES = ["anonymous", "press", "expert", "coordinator", "superuser"]
ALLOWED = {"coordinator", "superuser"}


@pytest.fixture
def world(db):
    return shortlisted_with_roles()


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_screens_open_to_coordinators_only(client, world, role):
    """Competition overview, experts' load, ranking and its export: coordinators (and superusers) only."""
    call, _application, _assignment, users = world
    if users[role]:
        client.force_login(users[role])
    for url in [
        reverse("grants_competition"),
        reverse("grants_assign", args=[call.pk]),
        reverse("grants_ranking", args=[call.pk]),
        reverse("grants_ranking", args=[call.pk]) + "?export=xlsx",
    ]:
        status = client.get(url).status_code
        assert (status == 200) == (role in ALLOWED), (role, url, status)


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_actions_change_nothing_for_others(client, world, role):
    """Award, reopen and publish act only for coordinators (and superusers)."""
    call, application, assignment, users = world
    if users[role]:
        client.force_login(users[role])
    client.post(reverse("grants_reopen_review", args=[assignment.pk]), {"reason": "проверка"})
    client.post(reverse("grants_decide", args=[application.pk]), {"action": "award", "amount": "570000"})
    client.post(reverse("grants_publish_results", args=[call.pk]))
    assignment.refresh_from_db()
    awarded = Application.objects.get(pk=application.pk).status == "awarded"
    assert awarded == (role in ALLOWED), role
    # reopened before the award (then re-scoring is the expert's): only the allowed roles reopen
    assert (assignment.scored_at is None) == (role in ALLOWED), role
    call.refresh_from_db()
    assert (call.status == "results") == (role in ALLOWED), role
