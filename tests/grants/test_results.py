"""Publishing the results: winners on the call's public page in kk, ru and en, the call's status,
everyone still waiting not awarded, and each applicant's decision letter in their language."""

import pytest
from django.core.cache import cache
from django.urls import reverse

from cms_plugins.mail.models import OutboundMail
from grants import decisions
from grants.models import Application, GrantCallPage
from grants.workflow import MoveRefused

from .competition import call_with_rubric, make_applications, member, scored
from .factories import translate
from .test_queries import assert_cheap


@pytest.fixture
def competition(db):
    call = call_with_rubric()
    expert = member("expert1", "Experts")
    coordinator = member("coord", "Coordinators")
    applications = make_applications(call, 4, status="shortlisted", requested=570000)
    make_applications(call, 1, status="under_review", start=4)
    for n, application in enumerate(applications):
        scored(application, expert, 10 - n, 5)
    kazakh, english = translate(call, "kk"), translate(call, "en")
    return call, kazakh, english, applications, coordinator


@pytest.mark.django_db
def test_publishing_puts_winners_on_the_call_page_in_three_languages(client, competition):
    """Organisation, district, project and amount of each winner, in kk, ru and en; status "results" everywhere."""
    call, kazakh, english, (first, second, *_rest), coordinator = competition
    decisions.award(first, 570000, coordinator)
    decisions.award(second, 400000, coordinator)
    assert "Ауыл 1" not in client.get(call.url).content.decode()  # nothing public before publishing
    client.force_login(coordinator)
    response = client.post(reverse("grants_publish_results", args=[call.pk]))
    assert response.status_code == 302
    client.logout()
    cache.clear()
    for page, heading, district in (
        (call, "Присуждённые гранты", "Бурлинский"),
        (kazakh, "Берілген гранттар", "Бөрлі"),
        (english, "Grants awarded", "Burli"),
    ):
        page = GrantCallPage.objects.get(pk=page.pk)
        assert page.status == "results"
        html = client.get(page.url).content.decode()
        assert heading in html and "ОО «Ауыл 1»" in html and "Проект 1" in html and "570\u202f000\u202f₸" in html, (
            page.locale
        )
        assert "400\u202f000\u202f₸" in html and district in html, (page.locale, district)
        assert "ОО «Ауыл 3»" not in html
    statuses = dict(Application.objects.values_list("reference", "status"))
    assert sorted(statuses.values()) == ["awarded", "awarded", "not_awarded", "not_awarded", "not_awarded"]


@pytest.mark.django_db
def test_results_page_stays_within_twelve_queries(client, competition):
    """The call page with its winners table, first request, <= 12 queries."""
    call, kazakh, _english, (first, *_rest), coordinator = competition
    decisions.award(first, 570000, coordinator)
    decisions.publish_results(call, coordinator)
    client.get("/ru/")
    cache.clear()
    client.get("/ru/")
    assert_cheap("results", lambda: client.get(GrantCallPage.objects.get(pk=kazakh.pk).url))


@pytest.mark.django_db
def test_decision_letters_go_out_once_in_each_applicants_language(competition):
    """Awarded and not-awarded applicants each get one letter, in kk or ru as they applied; publishing twice is refused."""
    call, _kk, _en, (first, second, *_rest), coordinator = competition
    decisions.award(first, 570000, coordinator)
    decided = decisions.publish_results(call, coordinator)
    mails = {mail.recipient: mail for mail in OutboundMail.objects.filter(topic__startswith="grants.decision:")}
    assert len(mails) == len(decided) == 5
    assert mails[first.email].language == first.language and ":awarded" in mails[first.email].topic
    assert mails[second.email].language == "kk" and ":not_awarded" in mails[second.email].topic
    assert "570\u202f000\u202f₸" in mails[first.email].body
    with pytest.raises(MoveRefused):
        decisions.publish_results(call, coordinator)
    assert OutboundMail.objects.filter(topic__startswith="grants.decision:").count() == 5


@pytest.mark.django_db
def test_nothing_to_publish_without_an_award_and_only_coordinators_publish(client, competition):
    """Publishing needs an award; experts and press cannot publish."""
    call, *_rest, coordinator = competition
    with pytest.raises(MoveRefused):
        decisions.publish_results(call, coordinator)
    for user in (member("press", "Press"), member("expert9", "Experts")):
        client.force_login(user)
        client.post(reverse("grants_publish_results", args=[call.pk]))
    assert GrantCallPage.objects.get(pk=call.pk).status != "results"


@pytest.mark.django_db
def test_each_decision_letter_is_noted_in_the_crm_history(competition):
    """Coordinators see in the person's CRM history that the decision was sent."""
    from cms_plugins.crm.models import Interaction, Person

    call, _kk, _en, (first, *_rest), coordinator = competition
    person = Person.objects.create(full_name="Айгуль", email=first.email)
    decisions.award(first, 570000, coordinator)
    decisions.publish_results(call, coordinator)
    # the decision letter first (the grant record opened after it is noted too: test_grant_records)
    entry = Interaction.objects.filter(person=person).order_by("pk").first()
    assert entry.kind == "application" and first.reference in entry.text
