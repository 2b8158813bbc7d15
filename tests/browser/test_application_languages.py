"""The application's rough edges at 360 px, in Kazakh, Russian and English, with screenshots.

Each language walks the demo call from the start form to the page after submitting and
keeps a screenshot of every page in ``artifacts/application-<language>-<page>.png``.
"""

import pytest

from grants.models import Application, GrantCallPage
from tests.browser.harness import follow, screenshot, visit
from tests.grants.factories import PDF

pytestmark = pytest.mark.browser

MAIN_BUTTON = "main form button[type=submit]:not([name])"
SUBMITTED_HEADING = {"kk": "Өтінім берілді", "ru": "Заявка подана", "en": "Application submitted"}
START_BUTTON = {"kk": "Бірінші қадамнан бастау", "ru": "Начать с первого шага", "en": "Start with the first step"}
CONTINUE_BUTTON = {"kk": "Келесі қадамға өту", "ru": "Перейти к следующему шагу", "en": "Continue with the next step"}
START_DATE = {"kk": "1 желтоқсан 2026", "ru": "1 декабря 2026", "en": "1 December 2026"}


def box(page, selector):
    return page.locator(selector).first.bounding_box()


def save_and_continue(page):
    follow(page, page.locator(MAIN_BUTTON))


@pytest.mark.parametrize("language", ["kk", "ru", "en"])
def test_application_on_a_phone_in_each_language(page, demo_site, language):
    """Start button, BIN required, wide text column, checkboxes beside text, heading, unbroken reference."""
    call = GrantCallPage.objects.get(slug="small-grants-2026", locale__language_code=language)
    shot = f"application-{language}"
    visit(page, call.url)
    follow(page, page.locator(f"main a.button[href='{call.url}apply/']"))
    page.fill("#id_email", f"{language}.phone@example.kz")
    follow(page, page.locator(MAIN_BUTTON))
    assert page.url.endswith("/apply/tasks/")
    assert page.locator("html").get_attribute("lang") == language

    # after "Start", a button leads to the first step; later it says "continue"
    start_button = page.locator("main a.button", has_text=START_BUTTON[language])
    assert start_button.get_attribute("href") == f"{call.url}apply/eligibility/"
    screenshot(page, f"{shot}-tasks")
    follow(page, start_button)
    page.check("input[name='eligibility-applicant_type'][value='ngo']")
    page.check("input[name='eligibility-rural'][value='yes']")
    page.check("input[name='eligibility-project_in_region'][value='yes']")
    save_and_continue(page)

    # a registered NGO's BIN is not "optional"
    assert page.url.endswith("/apply/applicant/")
    assert page.locator("label[for='id_applicant-bin'] .optional").count() == 0
    assert page.locator("input[name='applicant-bin']").get_attribute("required") is not None
    screenshot(page, f"{shot}-applicant")
    for name, value in {
        "organisation_name": "ОО «Жас Ауыл»",
        "bin": "940140000385",
        "settlement": "Аксай",
        "contact_name": "Айгуль Серикова",
        "phone": "8 701 123 45 67",
        "email": f"{language}.phone@example.kz",
    }.items():
        page.fill(f"[name='applicant-{name}']", value)
    page.select_option("select[name='applicant-district']", "burli")
    save_and_continue(page)

    assert page.url.endswith("/apply/project/")
    page.fill("[name='project-project_title']", "Детская площадка")
    page.fill("[name='project-problem']", "Детям негде играть.")
    page.fill("[name='project-people']", "120")
    page.fill("[name='project-start']", "2026-12-01")
    page.check("input[name='project-topic'][value='youth']")
    page.check("input[name='project-first_time'][value='yes']")
    save_and_continue(page)

    # the activity table: the text column is wide enough to read what was typed
    assert page.url.endswith("/apply/plan/")
    text_cell, number_cell = box(page, "[name='plan-activities-0-what']"), box(page, "[name='plan-activities-0-month']")
    assert text_cell["width"] >= 1.5 * number_cell["width"], (text_cell, number_cell)
    assert text_cell["x"] + text_cell["width"] <= 360  # no sideways scrolling needed for the text
    page.fill("[name='plan-activities-0-what']", "Закупка материалов для площадки")
    page.fill("[name='plan-activities-0-month']", "1")
    screenshot(page, f"{shot}-plan")
    save_and_continue(page)

    assert page.url.endswith("/apply/budget/")
    item, amount = box(page, "[name='budget-lines-0-item']"), box(page, "[name='budget-lines-0-amount']")
    assert item["width"] >= 1.5 * amount["width"], (item, amount)
    page.fill("[name='budget-requested_amount']", "570000")
    page.fill("[name='budget-lines-0-item']", "Материалы")
    page.fill("[name='budget-lines-0-amount']", "570000")
    screenshot(page, f"{shot}-budget")
    save_and_continue(page)

    assert page.url.endswith("/apply/attachments/")
    page.set_input_files(
        "input[name='attachments-registration']",
        files=[{"name": "scan.pdf", "mimeType": "application/pdf", "buffer": PDF}],
    )
    save_and_continue(page)

    # check your answers: the phone and the date as people read them
    assert page.url.endswith("/apply/check/")
    answers = page.locator("main").inner_text()
    assert "+7 701 123 45 67" in answers and "+77011234567" not in answers
    assert START_DATE[language] in answers and "2026-12-01" not in answers
    assert "570\u202f000\u202f₸" in answers
    screenshot(page, f"{shot}-check")
    save_and_continue(page)

    # the declaration: each checkbox sits beside its text, on the same line
    assert page.url.endswith("/apply/declaration/")
    for name in ("consent", "truthful"):
        checkbox, label = box(page, f"#id_declaration-{name}"), box(page, f"label[for='id_declaration-{name}']")
        assert checkbox["x"] + checkbox["width"] <= label["x"], name
        assert label["y"] <= checkbox["y"] + checkbox["height"] / 2 <= label["y"] + label["height"], name
        page.check(f"#id_declaration-{name}")
    screenshot(page, f"{shot}-declaration")
    save_and_continue(page)

    # after submitting: a heading that says what happened, and the reference on one line
    assert page.url.endswith("/apply/submitted/")
    assert page.locator("main h1").inner_text() == SUBMITTED_HEADING[language]
    application = Application.objects.get(email=f"{language}.phone@example.kz")
    reference = page.locator("main .reference-notice strong")
    assert reference.inner_text() == application.reference
    assert reference.evaluate("element => element.getClientRects().length") == 1  # not split at a hyphen
    assert reference.evaluate("element => getComputedStyle(element).whiteSpace") == "nowrap"
    screenshot(page, f"{shot}-submitted")


def test_the_task_list_offers_to_continue_after_the_first_step(page, demo_site):
    """Once a step is done, the button says "continue" and leads to the next step."""
    call = GrantCallPage.objects.get(slug="small-grants-2026", locale__language_code="ru")
    visit(page, f"{call.url}apply/")
    page.fill("#id_email", "continue@example.kz")
    follow(page, page.locator(MAIN_BUTTON))
    follow(page, page.locator("main a.button", has_text=START_BUTTON["ru"]))
    page.check("input[name='eligibility-applicant_type'][value='initiative_group']")
    page.check("input[name='eligibility-rural'][value='yes']")
    page.check("input[name='eligibility-project_in_region'][value='yes']")
    save_and_continue(page)
    # an initiative group has no BIN: for them the field is optional
    assert page.locator("label[for='id_applicant-bin'] .optional").count() == 1
    follow(page, page.locator(f"main a[href='{call.url}apply/tasks/']").first)
    button = page.locator("main a.button", has_text=CONTINUE_BUTTON["ru"])
    assert button.get_attribute("href") == f"{call.url}apply/applicant/"
