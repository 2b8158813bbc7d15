"""Awards in ranking order, within the cap, the number of grants and the budget; withdrawable before results."""

import pytest
from django.urls import reverse
from django.utils import translation

from grants import decisions
from grants.models import Application, ApplicationEvent
from grants.workflow import MoveRefused

from .competition import call_with_rubric, make_applications, member, scored


@pytest.fixture
def coordinator(db):
    return member("coord", "Coordinators")


@pytest.fixture
def call(db):
    return call_with_rubric()


def ranked_shortlist(call, count, requested=570000):
    """``count`` shortlisted applications, ranked in the order they were made."""
    expert = member(f"ranker{count}", "Experts")
    applications = make_applications(call, count, status="shortlisted", requested=requested)
    for n, application in enumerate(applications):
        scored(application, expert, 10 - n % 10, 5)
    return applications


@pytest.mark.django_db
def test_five_grants_of_570000_and_no_sixth(client, call, coordinator):
    """5 × 570 000 ₸ = 2 850 000 ₸: the sixth award is refused with a message that nothing is left."""
    applications = ranked_shortlist(call, 6)
    client.force_login(coordinator)
    for application in applications[:5]:
        client.post(reverse("grants_decide", args=[application.pk]), {"action": "award", "amount": "570 000"})
    awarded = Application.objects.filter(status="awarded")
    assert awarded.count() == 5 and sum(a.awarded_amount for a in awarded) == 2850000
    response = client.post(
        reverse("grants_decide", args=[applications[5].pk]),
        {"action": "award", "amount": "570000"},
        HTTP_ACCEPT_LANGUAGE="en",
        follow=True,
    )
    assert "All 5 grants of this call are awarded: none is left." in response.content.decode()
    assert Application.objects.filter(status="awarded").count() == 5


@pytest.mark.django_db
def test_budget_cap_and_order_are_enforced_with_messages_saying_what_is_left(call, coordinator):
    """A smaller total budget, the per-grant cap and the ranking order each refuse with a clear message."""
    call.budget_limit = 1500000
    call.save_revision().publish()
    first, second, third, _fourth = ranked_shortlist(call, 4)
    with translation.override("en"):
        with pytest.raises(MoveRefused, match="ranked higher and still shortlisted"):
            decisions.award(second, 500000, coordinator)
        with pytest.raises(MoveRefused, match="above the cap"):
            decisions.award(first, 600000, coordinator)
        decisions.award(first, 570000, coordinator)
        decisions.award(second, 570000, coordinator)
        with pytest.raises(MoveRefused, match="360\u202f000\u202f₸ is left"):
            decisions.award(third, 570000, coordinator)
        decisions.award(third, 360000, coordinator)
    assert sum(Application.objects.filter(status="awarded").values_list("awarded_amount", flat=True)) == 1500000


@pytest.mark.django_db
def test_skip_with_a_reason_and_withdraw_an_award_before_publication(call, coordinator):
    """Skipping needs a reason; an award can be withdrawn (logged) until the results are published."""
    first, second = ranked_shortlist(call, 2)
    with pytest.raises(MoveRefused):
        decisions.skip(first, coordinator, "")
    decisions.skip(first, coordinator, "Дублирует проект акимата")
    decisions.award(second, 570000, coordinator)
    decisions.withdraw_award(Application.objects.get(pk=second.pk), coordinator, "Организация ликвидирована")
    second.refresh_from_db()
    assert second.status == "shortlisted" and second.awarded_amount is None
    withdrawn = ApplicationEvent.objects.get(from_status="awarded")
    assert withdrawn.actor == coordinator and withdrawn.reason == "Организация ликвидирована"
    decisions.award(second, 500000, coordinator)
    decisions.publish_results(call, coordinator)
    with pytest.raises(MoveRefused):
        decisions.withdraw_award(Application.objects.get(pk=second.pk), coordinator, "поздно")


@pytest.mark.django_db
def test_experts_and_press_cannot_award(client, call):
    """Awarding is the coordinators'."""
    (application,) = ranked_shortlist(call, 1)
    for user in (member("expertx", "Experts"), member("press", "Press")):
        client.force_login(user)
        client.post(reverse("grants_decide", args=[application.pk]), {"action": "award", "amount": "570000"})
    assert Application.objects.get().status == "shortlisted"
