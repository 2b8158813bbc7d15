"""Experts: their group's permissions, the conflict-of-interest declaration, what they may see,
and coordinators assigning them one by one and in bulk."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from grants import reviewing
from grants.models import ApplicationEvent, Assignment

from .competition import FEASIBILITY, RELEVANCE, call_with_rubric, make_applications, member, scored


@pytest.fixture
def rubric_call(db):
    return call_with_rubric()


@pytest.fixture
def coordinator(db):
    return member("coord", "Coordinators")


@pytest.fixture
def expert(db):
    return member("expert1", "Experts")


@pytest.fixture
def other_expert(db):
    return member("expert2", "Experts")


@pytest.fixture
def application(rubric_call):
    return make_applications(rubric_call, 1, status="under_review")[0]


@pytest.mark.django_db
def test_experts_group_may_score_and_nothing_else_of_grants(expert, coordinator):
    """The migrations give Experts the admin and, of grants, scoring only; Coordinators run the competition but do not score."""
    grants_perms = Group.objects.get(name="Experts").permissions.filter(content_type__app_label="grants")
    assert set(grants_perms.values_list("codename", flat=True)) == {"score_application"}
    assert expert.has_perm("grants.score_application") and expert.has_perm("wagtailadmin.access_admin")
    for perm in ["view_application", "change_application", "add_assignment", "view_applicationevent"]:
        assert not expert.has_perm(f"grants.{perm}"), perm
    assert coordinator.has_perm("grants.view_applicationevent") and coordinator.has_perm("grants.change_application")
    assert not coordinator.has_perm("grants.score_application")


@pytest.mark.django_db
def test_expert_declares_before_seeing_the_application(client, application, expert):
    """Until the declaration, the expert sees who applied (to judge a conflict) but no answers and no files."""
    application.answers = [{"step": "Проект", "key": "project", "rows": [["Название", "Тайный проект"]]}]
    application.save()
    assignment = Assignment.objects.create(application=application, expert=expert)
    client.force_login(expert)
    url = reverse("grants_review", args=[assignment.pk])
    page = client.get(url).content.decode()
    assert application.organisation_name in page and "Тайный проект" not in page
    response = client.post(url, {"conflict": "no", "note": ""})
    assert response.status_code == 302
    assert "Тайный проект" in client.get(url).content.decode()
    event = ApplicationEvent.objects.get(kind="no_conflict")
    assert event.actor == expert


@pytest.mark.django_db
def test_declared_conflict_removes_access_and_coordinator_sees_it(client, application, expert, coordinator):
    """A conflict closes the application to that expert (page, list), is logged, and shows on the coordinator's screen."""
    assignment = Assignment.objects.create(application=application, expert=expert)
    client.force_login(expert)
    url = reverse("grants_review", args=[assignment.pk])
    refused = client.post(url, {"conflict": "yes", "note": ""})
    assert refused.status_code == 200 and "conflict" in refused.content.decode().lower()
    assignment.refresh_from_db()
    assert assignment.conflict is None  # a conflict needs a word of explanation
    client.post(url, {"conflict": "yes", "note": "Председатель — мой брат"})
    assert client.get(url).status_code in (302, 403)
    assert application.reference not in client.get(reverse("grants_reviews")).content.decode()
    event = ApplicationEvent.objects.get(kind="conflict")
    assert event.actor == expert and "брат" in event.reason
    client.force_login(coordinator)
    screen = client.get(reverse("grants_assign", args=[application.call_id])).content.decode()
    assert application.reference in screen and "брат" in screen
    inspect = client.get(reverse("grant_applications:inspect", args=[application.pk])).content.decode()
    assert "брат" in inspect


@pytest.mark.django_db
def test_expert_not_assigned_or_conflicted_gets_nothing(client, application, expert, other_expert):
    """Only the assigned expert opens the review, and the files follow the same rule."""
    application.draft.files.create(step="attachments", field="registration", file="x.pdf", original_name="x.pdf")
    file = application.draft.files.get()
    assignment = Assignment.objects.create(application=application, expert=expert)
    client.force_login(other_expert)
    assert client.get(reverse("grants_review", args=[assignment.pk])).status_code in (302, 403)
    assert client.get(reverse("grants_application_file", args=[application.pk, file.pk])).status_code in (302, 403)
    client.force_login(expert)  # assigned but not yet declared: no files either
    assert client.get(reverse("grants_application_file", args=[application.pk, file.pk])).status_code in (302, 403)


@pytest.mark.django_db
def test_expert_sees_others_scores_only_after_submitting_their_own(client, application, expert, other_expert):
    """Independent reviews: another expert's comment is hidden until one's own review is in."""
    scored(application, other_expert, 9, 4, comment="Комментарий второго эксперта")
    assignment = Assignment.objects.create(application=application, expert=expert)
    reviewing.declare(assignment, expert, False)
    client.force_login(expert)
    url = reverse("grants_review", args=[assignment.pk])
    assert "Комментарий второго эксперта" not in client.get(url).content.decode()
    response = client.post(
        url,
        {f"score_{RELEVANCE}": 8, f"comment_{RELEVANCE}": "", f"score_{FEASIBILITY}": 3, "comment": "Моё мнение"},
    )
    assert response.status_code == 302
    assert "Комментарий второго эксперта" in client.get(url).content.decode()


@pytest.mark.django_db
def test_bulk_assignment_and_load_per_expert(client, rubric_call, coordinator, expert, other_expert):
    """Every shortlisted application goes to each chosen expert once; the load table counts them."""
    shortlisted = make_applications(rubric_call, 3, status="shortlisted")
    make_applications(rubric_call, 2, status="under_review", start=3)
    client.force_login(coordinator)
    url = reverse("grants_assign", args=[rubric_call.pk])
    data = {"status": "shortlisted", "experts": [expert.pk, other_expert.pk]}
    assert client.post(url, data).status_code == 302
    assert client.post(url, data).status_code == 302  # again: nothing doubles
    assert Assignment.objects.count() == 6
    assert set(Assignment.objects.values_list("application_id", flat=True)) == {a.pk for a in shortlisted}
    load = {e.username: (e.assigned, e.submitted, e.conflicts) for e in reviewing.load_per_expert(rubric_call)}
    assert load == {"expert1": (3, 0, 0), "expert2": (3, 0, 0)}
    page = client.get(url).content.decode()
    assert "expert1" in page and ">3<" in page
    assert ApplicationEvent.objects.filter(kind="assigned").count() == 6


@pytest.mark.django_db
def test_experts_and_press_cannot_assign(client, rubric_call, expert):
    """The assignment screens are the coordinators'."""
    press = member("press", "Press")
    for user in (expert, press):
        client.force_login(user)
        assert client.get(reverse("grants_assign", args=[rubric_call.pk])).status_code in (302, 403)
        assert client.get(reverse("grants_competition")).status_code in (302, 403)


@pytest.mark.django_db
def test_only_a_coordinator_reopens_a_submitted_review(client, application, expert, coordinator):
    """A submitted review is final for its expert; a coordinator may reopen it, and that is logged."""
    assignment = scored(application, expert, 7, 3)
    url = reverse("grants_reopen_review", args=[assignment.pk])
    client.force_login(expert)
    assert client.post(url, {"reason": "хочу исправить"}).status_code in (302, 403)
    assignment.refresh_from_db()
    assert assignment.scored_at is not None
    review = client.post(
        reverse("grants_review", args=[assignment.pk]), {f"score_{RELEVANCE}": 1, f"score_{FEASIBILITY}": 1}
    )
    assert review.status_code == 200  # no form any more: nothing changes
    assignment.refresh_from_db()
    assert assignment.scores[RELEVANCE]["score"] == 7
    client.force_login(coordinator)
    assert client.post(url, {"reason": "Оценка по ошибке"}).status_code == 302
    assignment.refresh_from_db()
    assert assignment.scored_at is None and assignment.total is None
    assert "Оценка по ошибке" in ApplicationEvent.objects.get(kind="review_reopened").reason


@pytest.mark.django_db
def test_a_declared_or_scored_assignment_cannot_be_moved_to_someone_else(client, application, expert, other_expert):
    """Editing an assignment cannot hand an expert's declaration or scores to another expert."""
    coordinator = member("coord2", "Coordinators")
    assignment = scored(application, expert, 6, 3)
    client.force_login(coordinator)
    client.post(
        reverse("grant_assignments:edit", args=[assignment.pk]),
        {"application": application.pk, "expert": other_expert.pk},
    )
    assignment.refresh_from_db()
    assert assignment.expert == expert
