"""The letters applicants get, written per call in the CMS: edited in the call's "Letters" tab,
checked at save, sent from the call in the applicant's language (our default when the call has
none), previewed in the editor and before "Publish results", and the report-due reminder."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.test.utils.form_data import rich_text

from cms_plugins.crm.models import Interaction, Person
from cms_plugins.mail.models import OutboundMail
from grants import decisions, letters
from grants.grant_reports import GrantReport
from grants.models import Application, Grant, GrantCallPage

from .competition import call_with_rubric, make_applications, member
from .factories import translate
from .test_form_editor import form_data

MY_AWARDED = "<p>Дорогие {organisation}! Грант {amount} по заявке {reference} ваш.</p><p>Звоните, {contact}.</p>"


def letter(**fields):
    """The call's whole edit form with some letters written (the rest left empty)."""
    data = {"rubric": {"count": "0"}}
    for name, value in fields.items():
        data[name] = rich_text(value) if name.endswith("_text") else value
    return form_data(**data)


def edit(client, page, data, publish=True):
    if publish:
        data = {**data, "action-publish": "1"}
    return client.post(reverse("wagtailadmin_pages:edit", args=(page.pk,)), data)


def set_letter(page, kind, subject, html):
    setattr(page, f"letter_{kind}_subject", subject)
    setattr(page, f"letter_{kind}_text", html)
    page.save_revision().publish()
    return GrantCallPage.objects.get(pk=page.pk)


def mail_about(application, decision):
    return OutboundMail.objects.get(topic=decisions.decision_topic(application, decision))


@pytest.fixture
def coordinator(db):
    return member("coord", "Coordinators")


@pytest.fixture
def shortlist(coordinator):
    """A call with a ru and a kk applicant shortlisted (make_applications alternates ru, kk)."""
    call = call_with_rubric()
    return call, make_applications(call, 2, status="shortlisted", requested=400000)


@pytest.mark.django_db
def test_the_editor_writes_the_awarded_letter_and_the_winner_gets_it(client, shortlist, coordinator):
    """Written in the Letters tab and published: the winner's mail is that text, placeholders filled."""
    call, (ru_applicant, _kk) = shortlist
    Person.objects.create(full_name="Айгуль", email=ru_applicant.email)
    client.force_login(coordinator)
    response = edit(
        client, call, letter(letter_awarded_subject="Грант для {organisation}", letter_awarded_text=MY_AWARDED)
    )
    assert response.status_code == 302, response.context["form"].errors
    decisions.award(ru_applicant, 400000, coordinator, in_order=False)
    decisions.publish_results(GrantCallPage.objects.get(pk=call.pk), coordinator)
    mail = mail_about(ru_applicant, "awarded")
    assert mail.subject == "Грант для ОО «Ауыл 1»"
    assert (
        mail.body == "Дорогие ОО «Ауыл 1»! Грант 400\u202f000\u202f₸ по заявке ZKO-2026-0001 ваш.\n\nЗвоните, Айгуль.\n"
    )
    # the letter is in the person's CRM history
    assert Interaction.objects.filter(person__email=ru_applicant.email, text__contains="Грант для ОО «Ауыл 1»").exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "text, named",
    [
        ("<p>Здравствуйте, {organization}!</p>", "{organization}"),
        ("<p>Сумма: {amount}</p>", "{amount}"),  # known, but not in a screening letter
        ("<p>Заявка {reference</p>", "Скобка «{» без пары"),
        ("<p>{{ application.email }}</p>", "Скобка «{» без пары"),  # template syntax is not ours: refused, never run
        ("<p>{reference.__class__}</p>", "{reference.__class__}"),
    ],
)
def test_an_unknown_placeholder_or_a_broken_brace_is_refused_by_name(client, shortlist, coordinator, text, named):
    """Saving is refused with a message naming what is wrong; the live letter stays as it was."""
    call, _applications = shortlist
    client.force_login(coordinator)
    response = edit(client, call, letter(letter_ineligible_text=text))
    assert response.status_code == 200
    html = response.content.decode()
    assert named in html.replace("&#x27;", "'").replace("&quot;", '"'), named
    assert GrantCallPage.objects.get(pk=call.pk).letter_ineligible_text == ""


@pytest.mark.django_db
def test_a_subject_with_an_unknown_placeholder_is_refused(client, shortlist, coordinator):
    call, _applications = shortlist
    client.force_login(coordinator)
    response = edit(client, call, letter(letter_report_due_subject="Отчёт до {deadline}"))
    assert response.status_code == 200 and "{deadline}" in response.content.decode()


@pytest.mark.django_db
def test_a_new_call_starts_with_the_default_letters_in_its_language(client, shortlist, coordinator):
    """The add form of a Russian call shows our Russian letters, ready to adapt."""
    call, _applications = shortlist
    client.force_login(coordinator)
    response = client.get(reverse("wagtailadmin_pages:add", args=("grants", "grantcallpage", call.get_parent().pk)))
    initial = response.context["form"].initial
    assert initial["letter_ineligible_subject"] == "Заявка {reference}: итог проверки"
    assert "<p>Поздравляем: вашей заявке {reference} на конкурс" in initial["letter_awarded_text"]
    assert 'value="Заявка {reference}: итог проверки"' in response.content.decode()


@pytest.mark.django_db
def test_each_applicant_gets_the_call_in_their_language(shortlist, coordinator):
    """A kk applicant gets the kk translation's letter, a ru one the ru letter; without an en
    translation an en applicant gets the call as written (ru)."""
    call, (ru_applicant, kk_applicant) = shortlist
    (en_applicant,) = make_applications(call, 1, status="shortlisted", requested=300000, start=2)
    Application.objects.filter(pk=en_applicant.pk).update(language="en")
    call = set_letter(call, "awarded", "Грант {reference}", "<p>Русский текст для {organisation}.</p>")
    kazakh = translate(call, "kk")
    set_letter(kazakh, "awarded", "{reference} гранты", "<p>Қазақша мәтін: {organisation}.</p>")
    for application in (ru_applicant, kk_applicant, en_applicant):
        decisions.award(Application.objects.get(pk=application.pk), 300000, coordinator, in_order=False)
    decisions.publish_results(call, coordinator)
    kk_mail = mail_about(kk_applicant, "awarded")
    assert kk_mail.subject == "ZKO-2026-0002 гранты" and "Қазақша мәтін: ОО «Ауыл 2»." in kk_mail.body
    assert kk_mail.language == "kk"
    ru_mail = mail_about(ru_applicant, "awarded")
    assert ru_mail.subject == "Грант ZKO-2026-0001" and "Русский текст" in ru_mail.body
    en_mail = mail_about(en_applicant, "awarded")
    assert "Русский текст для ОО «Ауыл 3»." in en_mail.body and en_mail.language == "ru"


@pytest.mark.django_db
def test_an_empty_or_untranslated_default_letter_becomes_our_default_in_the_applicants_language(shortlist, coordinator):
    """No letter on the call: our default text in kk for a kk applicant. A kk translation that still
    holds the Russian default (nobody translated it) also gets the Kazakh default, not Russian."""
    call, (ru_applicant, kk_applicant) = shortlist
    for kind, subject in letters.initial_letters("ru").items():
        setattr(call, kind, subject)
    call.save_revision().publish()
    translate(GrantCallPage.objects.get(pk=call.pk), "kk")  # copies the Russian texts as they are
    decisions.award(ru_applicant, 400000, coordinator, in_order=False)
    decisions.publish_results(call, coordinator)
    kk_mail = mail_about(kk_applicant, "not_awarded")
    assert kk_mail.subject == "ZKO-2026-0002 өтінімі: конкурс қорытындысы"
    assert "Сарапшылар оны мұқият бағалады" in kk_mail.body and "Эксперты" not in kk_mail.body
    ru_mail = mail_about(ru_applicant, "awarded")
    assert ru_mail.subject == "Заявка ZKO-2026-0001: грант присуждён" and "Сумма: 400\u202f000\u202f₸" in ru_mail.body


@pytest.mark.django_db
def test_screening_out_sends_the_calls_letter_with_the_reason(client, coordinator):
    """The screened-out letter, written on the call, names the reason in the applicant's language."""
    call = set_letter(call_with_rubric(), "ineligible", "", "<p>{contact}, причина: {reason}.</p>")
    (application,) = make_applications(call, 1, status="screening")
    decisions.move(application, "ineligible", coordinator, reason="нет", ineligible_reason="outside_region")
    mail = mail_about(application, "ineligible")
    assert mail.body == "Айгуль, причина: Проект не в сельской местности области.\n"
    assert mail.subject == "Заявка ZKO-2026-0001: итог проверки"  # empty subject: the default


def test_a_value_holding_braces_is_not_filled_again():
    """An applicant's organisation named "{link}" stays as written (one pass, no templates)."""
    assert letters.fill("{organisation}: {reference}", {"organisation": "{link}", "reference": "R"}) == "{link}: R"


@pytest.mark.django_db
def test_the_editor_previews_each_letter_with_a_made_up_applicant(client, shortlist, coordinator):
    """The call's preview menu offers each letter; the preview shows the unsaved text filled in."""
    call, _applications = shortlist
    client.force_login(coordinator)
    url = reverse("wagtailadmin_pages:preview_on_edit", args=(call.pk,))
    stored = client.post(url, letter(letter_awarded_subject="Грант: {organisation}", letter_awarded_text=MY_AWARDED))
    assert stored.json()["is_valid"], stored.content[:2000]
    html = client.get(url, {"mode": "letter-awarded"}).content.decode()
    assert "Грант: Общественное объединение «Пример»" in html
    assert "Грант 570\u202f000\u202f₸" in html and f"ZKO-{timezone.localdate().year}-0042" in html
    edit_page = client.get(reverse("wagtailadmin_pages:edit", args=(call.pk,))).content.decode()
    assert 'value="letter-report_due"' in edit_page
    # nothing was saved by previewing
    assert GrantCallPage.objects.get(pk=call.pk).letter_awarded_subject == ""


@pytest.fixture
def ready(shortlist, coordinator):
    call, (ru_applicant, kk_applicant) = shortlist
    translate(call, "kk")
    decisions.award(ru_applicant, 400000, coordinator, in_order=False)
    return call, ru_applicant, kk_applicant


@pytest.mark.django_db
def test_the_coordinator_sees_the_letters_before_publishing(client, ready, coordinator):
    """The confirmation step lists each letter and language with its count and one example, sends
    nothing; its button publishes and sends them."""
    call, _ru, _kk = ready
    client.force_login(coordinator)
    ranking = client.get(reverse("grants_ranking", args=[call.pk])).content.decode()
    assert reverse("grants_publish_results", args=[call.pk]) in ranking
    html = client.get(reverse("grants_publish_results", args=[call.pk])).content.decode()
    # the admin speaks Russian here: "Awarded · Russian: 1 letter", "Not awarded · Kazakh: 1 letter"
    assert "Грант присуждён · Русский: 1 письмо" in html and "Не поддержана · Казахский: 1 письмо" in html
    assert "Application ZKO-2026-0001: a grant is awarded" not in html  # the letters in their own language
    assert "Заявка ZKO-2026-0001: грант присуждён" in html and "ZKO-2026-0002 өтінімі: конкурс қорытындысы" in html
    assert "Опубликовать итоги и отправить 2 письма" in html
    assert not OutboundMail.objects.filter(topic__startswith="grants.decision:").exists()
    assert GrantCallPage.objects.get(pk=call.pk).status != "results"
    response = client.post(reverse("grants_publish_results", args=[call.pk]))
    assert response.status_code == 302
    assert OutboundMail.objects.filter(topic__startswith="grants.decision:").count() == 2


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["anonymous", "press", "expert"])
def test_only_coordinators_see_the_confirmation(client, ready, role):
    """Press, experts and anonymous visitors get no letters (and cannot publish)."""
    call, _ru, _kk = ready
    if role != "anonymous":
        client.force_login(member(role, {"press": "Press", "expert": "Experts"}[role]))
    url = reverse("grants_publish_results", args=[call.pk])
    response = client.get(url)
    assert response.status_code in (302, 403)
    assert "ZKO-2026-0001" not in response.content.decode()
    client.post(url)
    assert GrantCallPage.objects.get(pk=call.pk).status != "results"


@pytest.fixture
def grantee(ready, coordinator):
    call, ru_applicant, _kk = ready
    decisions.publish_results(call, coordinator)
    Person.objects.create(full_name="Айгуль", email=ru_applicant.email)
    return Grant.objects.get(application=ru_applicant)


@pytest.mark.django_db
def test_the_report_due_reminder_goes_once(grantee):
    """Seven days ahead (the setting), once per report: a second run sends nothing; it is in the CRM."""
    today = timezone.localdate()
    Grant.objects.filter(pk=grantee.pk).update(
        interim_report_due=today + timedelta(days=5), final_report_due=today + timedelta(days=60)
    )
    call_command("send_report_reminders", verbosity=0)
    call_command("send_report_reminders", verbosity=0)
    mails = OutboundMail.objects.filter(topic__startswith="grants.report_due:")
    assert mails.count() == 1
    mail = mails.get()
    assert mail.recipient == grantee.application.email and ":interim:" in mail.topic
    assert mail.subject.startswith("Грант ZKO-2026-0001: промежуточный отчёт")
    assert "Your grant reports" not in mail.body and "Ваши отчёты по гранту" in mail.body
    assert Interaction.objects.filter(person__email=grantee.application.email, text__contains=mail.subject).exists()


@pytest.mark.django_db
def test_an_accepted_report_letter_without_a_comment_leaves_the_comment_line_out(grantee, coordinator):
    """The default "Coordinator's comment: {comment}" paragraph is left out when there is none."""
    from grants import grant_reports

    report = GrantReport.objects.create(grant=grantee, kind="interim")
    grant_reports.decide_report(report, "accepted", coordinator)
    mail = OutboundMail.objects.get(topic__contains=":accepted:")
    assert "принят" in mail.subject and "Комментарий координатора" not in mail.body
    grant_reports.decide_report(
        GrantReport.objects.create(grant=grantee, kind="final"), "returned", coordinator, "Фото"
    )
    assert "Комментарий координатора: Фото" in OutboundMail.objects.get(topic__contains=":returned:").body


@pytest.mark.django_db
def test_no_reminder_for_a_report_already_in_or_far_off(grantee):
    today = timezone.localdate()
    Grant.objects.filter(pk=grantee.pk).update(
        interim_report_due=today + timedelta(days=2), final_report_due=today + timedelta(days=8)
    )
    GrantReport.objects.create(grant=grantee, kind="interim", status="submitted")
    call_command("send_report_reminders", verbosity=0)
    assert not OutboundMail.objects.filter(topic__startswith="grants.report_due:").exists()
    call_command("send_report_reminders", "--days", "10", verbosity=0)
    assert OutboundMail.objects.filter(topic__contains=":final:").count() == 1


@pytest.mark.django_db
def test_wagtail_localize_offers_each_paragraph_of_a_letter_to_translators(shortlist):
    """The letters are translated with the call: subject and each paragraph are segments of their own."""
    from wagtail_localize.models import StringSegment, TranslationSource

    call, _applications = shortlist
    call = set_letter(call, "awarded", "Грант {reference}", "<p>Первый абзац {organisation}.</p><p>Второй абзац.</p>")
    source, _created = TranslationSource.get_or_create_from_instance(call)
    texts = set(StringSegment.objects.filter(source=source).values_list("string__data", flat=True))
    assert {"Грант {reference}", "Первый абзац {organisation}.", "Второй абзац."} <= texts
