"""The rubric of a call: stable keys, the score form built from it, and no change once reviews are in."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from grants.models import Assignment, GrantCallPage

from .competition import FEASIBILITY, RELEVANCE, RUBRIC, call_with_rubric, make_applications, member, scored
from .factories import translate


@pytest.fixture
def rubric_call(db):
    return call_with_rubric()


@pytest.mark.django_db
def test_criteria_keys_come_from_block_ids_and_survive_reordering_and_translation(rubric_call):
    """Scores are stored under keys that never move: reorder the criteria, translate the call, keys stay."""
    assert [c["key"] for c in rubric_call.criteria()] == [RELEVANCE, FEASIBILITY]
    rubric_call.rubric = list(reversed(RUBRIC))
    rubric_call.save_revision().publish()
    rubric_call.refresh_from_db()
    assert [c["key"] for c in rubric_call.criteria()] == [FEASIBILITY, RELEVANCE]
    kazakh = translate(rubric_call, "kk")
    assert {c["key"] for c in kazakh.criteria()} == {RELEVANCE, FEASIBILITY}


@pytest.mark.django_db
def test_rubric_is_locked_after_the_first_review_but_wording_may_change(rubric_call):
    """A new maximum, weight or criterion after a review would make totals incomparable: refused with a message."""
    application = make_applications(rubric_call, 1, status="under_review")[0]
    rubric_call.rubric = [dict(RUBRIC[0], value=dict(RUBRIC[0]["value"], weight=3)), RUBRIC[1]]
    rubric_call.save_revision().publish()  # no review yet: still free
    rubric_call.refresh_from_db()
    expert = member("expert1", "Experts")
    rubric_call.rubric = RUBRIC
    rubric_call.save_revision().publish()
    scored(application, expert, 5, 5)
    call = GrantCallPage.objects.get(pk=rubric_call.pk)
    call.rubric = [dict(RUBRIC[0], value=dict(RUBRIC[0]["value"], max_score=20)), RUBRIC[1]]
    with translation.override("en"):
        with pytest.raises(ValidationError) as refused:
            call.save_revision()
        assert "already submitted reviews" in str(refused.value)
    call = GrantCallPage.objects.get(pk=rubric_call.pk)
    call.rubric = [RUBRIC[0]]
    with pytest.raises(ValidationError):
        call.save_revision()
    call = GrantCallPage.objects.get(pk=rubric_call.pk)
    call.rubric = [dict(RUBRIC[0], value=dict(RUBRIC[0]["value"], label="Польза для села")), RUBRIC[1]]
    call.save_revision().publish()
    assert GrantCallPage.objects.get(pk=call.pk).criteria()[0]["label"] == "Польза для села"


@pytest.mark.django_db
def test_admin_refuses_a_rubric_change_on_publish_with_a_message(client, db):
    """The editor sees why their publish did not go through."""
    from django.contrib.auth.models import User

    call = call_with_rubric(slug="no-form", steps=[])
    application = make_applications(call, 1, status="under_review")[0]
    scored(application, member("expert1", "Experts"), 5, 5)
    admin = User.objects.create_superuser("root", "root@example.org", "pw-123456789")
    client.force_login(admin)
    url = reverse("wagtailadmin_pages:edit", args=[call.pk])
    post = nested_form_data(
        {
            "title": call.title,
            "slug": call.slug,
            "intro": call.intro,
            "body": rich_text(""),
            "eligibility": rich_text(""),
            "accepts_ngos": "on",
            "opens_at": "2026-01-01 09:00",
            "closes_at": "2027-02-01 18:00",
            "review_stage": "",
            "number_of_grants": "5",
            "amount_per_grant": "570000",
            "disagreement_threshold": "10",
            "documents": streamfield([]),
            "faq": streamfield([]),
            "results": rich_text(""),
            "form_steps": streamfield([]),
            "report_steps": streamfield([]),
            "consent_text": rich_text("<p>Согласие</p>"),
            "consent_version": call.consent_version,
            "rubric": streamfield(
                [("criterion", {"label": "Relevance", "guidance": "", "max_score": 7, "weight": 2, "key": RELEVANCE})]
            ),
            "action-publish": "publish",
        }
    )
    post["rubric-0-id"] = RUBRIC[0]["id"]
    response = client.post(url, post)
    html = response.content.decode()
    assert response.status_code == 200 and "Эксперты уже отправили оценки по этим критериям" in html
    assert GrantCallPage.objects.get(pk=call.pk).criteria()[0]["max_score"] == 10


@pytest.mark.django_db
def test_score_form_follows_the_rubric_and_refuses_out_of_range(client, rubric_call):
    """One score and one comment per criterion; 11 of 10 is refused with a message, nothing saved, no 500."""
    application = make_applications(rubric_call, 1, status="under_review")[0]
    expert = member("expert1", "Experts")
    assignment = Assignment.objects.create(application=application, expert=expert, conflict=False)
    client.force_login(expert)
    url = reverse("grants_review", args=[assignment.pk])
    page = client.get(url).content.decode()
    assert "Relevance (0–10, × 2)" in page and "0: none, 10: essential" in page and "Feasibility (0–5, × 1)" in page
    bad = client.post(url, {f"score_{RELEVANCE}": 11, f"score_{FEASIBILITY}": "x"})
    assert bad.status_code == 200 and bad.context["form"].errors
    assignment.refresh_from_db()
    assert assignment.scored_at is None
    client.post(
        url,
        {
            f"score_{RELEVANCE}": 10,
            f"comment_{RELEVANCE}": "Очень нужно",
            f"score_{FEASIBILITY}": 2,
            "comment": "В целом хорошо",
        },
    )
    assignment.refresh_from_db()
    assert assignment.total == 22 and assignment.scores[RELEVANCE] == {"score": 10, "comment": "Очень нужно"}
    assert assignment.comment == "В целом хорошо"
