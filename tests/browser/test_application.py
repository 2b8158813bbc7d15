"""A new applicant on a phone fills in a whole grant application, as a person would."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from grants.models import Application, GrantCallPage
from tests.browser.conftest import PHONE, _new_tab
from tests.browser.harness import follow, screenshot, visit
from tests.grants.factories import ANSWERS, PDF, make_call, resume_link_from, translate

pytestmark = pytest.mark.browser

MAIN_BUTTON = "main form button[type=submit]:not([name])"


@pytest.fixture
def second_phone(request, browser, live_server):
    """Another phone: a fresh browser context with no cookies."""
    yield from _new_tab(request, browser, live_server, PHONE, is_mobile=True, has_touch=True)


@pytest.fixture
def open_call(live_server):
    call = make_call(slug="browser-call")
    translate(call, "kk")
    return call


def save_and_continue(page):
    follow(page, page.locator(MAIN_BUTTON))


def fill_text(page, step, answers):
    for name, value in answers.items():
        page.fill(f"[name='{step}-{name}']", value)


def start(page, call, email):
    visit(page, call.url)
    follow(page, page.locator(f"main a.button[href='{call.url}apply/']"))
    page.fill("#id_email", email)
    follow(page, page.locator(MAIN_BUTTON))
    assert page.url.endswith("/apply/?sent=1")  # the link goes by email, never on screen
    assert page.locator("main h1").count() == 1
    link = resume_link_from([m for m in mail.outbox if m.to == [email]][-1])
    visit(page, link.replace("http://testserver", page.base_url))
    assert page.url.endswith("/apply/tasks/")
    return link


def eligibility_and_applicant(page, call):
    follow(page, page.locator(f".task-list a[href='{call.url}apply/eligibility/']"))
    page.check("input[name='eligibility-applicant_type'][value='ngo']")
    page.check("input[name='eligibility-rural'][value='yes']")
    page.check("input[name='eligibility-project_in_region'][value='yes']")
    save_and_continue(page)
    assert page.url.endswith("/apply/applicant/")
    answers = {k: v for k, v in ANSWERS["applicant"].items() if k != "district"}
    fill_text(page, "applicant", answers)
    page.select_option("select[name='applicant-district']", "burli")
    save_and_continue(page)
    assert page.url.endswith("/apply/project/")


def test_whole_application_on_a_phone_with_language_switch_and_resume(page, second_phone, open_call):
    """Eligibility, every step, an upload, a language switch, a closed browser, resume by email, submit."""
    call = open_call
    kk_call = call.get_translation(call.get_translations().get(locale__language_code="kk").locale)
    link = start(page, call, "phone@example.kz")
    eligibility_and_applicant(page, call)

    # project step, with a mistake first: the error is shown next to the field
    fill_text(page, "project", {"project_title": "Детская площадка", "problem": "Детям негде играть.", "people": "сто"})
    page.fill("[name='project-start']", "2026-12-01")
    page.check("input[name='project-topic'][value='youth']")
    page.check("input[name='project-partners'][value='school']")
    page.check("input[name='project-first_time'][value='yes']")
    save_and_continue(page)
    assert page.locator("#id_project-people_errors").is_visible()
    assert "id_project-people_errors" in page.locator("#id_project-people").get_attribute("aria-describedby")
    page.fill("[name='project-people']", "120")
    save_and_continue(page)
    assert page.url.endswith("/apply/plan/")

    # half way: switch to Kazakh; the same draft continues
    follow(page, page.locator("nav.languages a[hreflang='kk']"))
    assert page.locator("html").get_attribute("lang") == "kk"
    assert page.url.endswith(f"{kk_call.url}apply/plan/")  # the switcher keeps the step
    follow(page, page.locator(f"main a[href='{kk_call.url}apply/tasks/']").first)
    assert page.locator(f"li.task-completed a[href='{kk_call.url}apply/project/']").count() == 1
    follow(page, page.locator(f".task-list a[href='{kk_call.url}apply/plan/']"))
    assert page.locator("[name='project-project_title']").count() == 0
    page.fill("[name='plan-activities-0-what']", "Закупка материалов")
    page.fill("[name='plan-activities-0-month']", "1")
    save_and_continue(page)
    fill_text(page, "budget", {"requested_amount": "570 000", "lines-0-item": "Материалы", "lines-0-amount": "570000"})
    save_and_continue(page)
    assert page.url.endswith("/apply/attachments/")
    page.set_input_files(
        "input[name='attachments-registration']",
        files=[{"name": "scan.pdf", "mimeType": "application/pdf", "buffer": PDF}],
    )
    save_and_continue(page)
    assert page.url.endswith("/apply/check/")
    screenshot(page, "application-check-kk")

    # the browser is closed; days later the applicant opens the emailed link on another phone
    page.context.close()
    tab = second_phone
    visit(tab, link.replace("http://testserver", tab.base_url))
    assert tab.url.endswith("/apply/tasks/")
    assert tab.locator("li.task-completed").count() == 6
    follow(tab, tab.locator(f".task-list a[href='{call.url}apply/check/']"))
    body = tab.locator("main").inner_text()
    assert "Детская площадка" in body and "scan.pdf" in body and "570" in body
    assert tab.locator(f"main a[href='{call.url}apply/project/']").count() == 1  # a change link
    save_and_continue(tab)
    assert tab.url.endswith("/apply/declaration/")
    tab.check("input[name='declaration-consent']")
    tab.check("input[name='declaration-truthful']")
    save_and_continue(tab)
    assert tab.url.endswith("/apply/submitted/")
    application = Application.objects.get()
    assert application.reference in tab.locator("main").inner_text()
    assert application.consent_version == "2026-01"
    assert re.match(r"ZKO-\d{4}-0001", application.reference)
    assert any(application.reference in message.subject for message in mail.outbox)
    screenshot(tab, "application-submitted")


def test_draft_cannot_be_submitted_after_the_deadline(page, live_server):
    """A complete draft whose call closed shows the answers read-only and no submit button."""
    call = make_call(slug="deadline-call")
    start(page, call, "late@example.kz")
    eligibility_and_applicant(page, call)
    GrantCallPage.objects.filter(pk=call.pk).update(closes_at=timezone.now() - timedelta(minutes=1))
    visit(page, f"{call.url}apply/declaration/")
    assert page.locator("main form").count() == 0  # the closed page, not the form
    assert page.locator("main button[type=submit]").count() == 0
    assert "Айгуль Серикова" in page.locator("main").inner_text()
    assert not Application.objects.exists()
    screenshot(page, "application-closed")
