"""A coordinator designs, publishes and translates a call's form alone; an applicant answers it on a phone."""

import json
from urllib.parse import unquote

import pytest
from django.contrib.auth.models import Group, User
from playwright.sync_api import expect
from wagtail.models import Locale
from wagtail.users.models import UserProfile

from cms_plugins.multistep.models import Draft
from grants.models import GrantCallPage, GrantIndexPage
from tests.browser.harness import axe_check, follow, login_as, screenshot, start_application, visit
from tests.grants.factories import ANSWERS, PDF

pytestmark = pytest.mark.browser

MAIN_BUTTON = "main form button[type=submit]:not([name])"
KAZAKH = {
    "Шаг 1: о проекте": "1-қадам: жоба туралы",
    "Шаг 2: о проекте": "2-қадам: жоба туралы",
    "Название проекта": "Жобаның атауы",
    "Какую проблему решает проект?": "Жоба қандай мәселені шешеді?",
}

TITLE = "Конкурс для сёл 2027"
# (chooser label, question) of every kind of question, in two steps
STEP_ONE = [
    ("Короткий текст", "Название проекта"),
    ("Длинный текст", "Какую проблему решает проект?"),
    ("Один вариант", "Главная тема"),
    ("Да / нет", "Это ваш первый грант?"),
    ("Число", "Сколько жителей получат пользу?"),
]
STEP_TWO = [
    ("Деньги (целые единицы)", "Собственный вклад"),
    ("Дата", "Дата начала"),
    ("Несколько вариантов", "Кто помогает?"),
    ("Повторяющиеся строки (таблица)", "План работ"),
    ("Файл", "Фото места"),
]


@pytest.fixture
def coordinator(db):
    user = User.objects.create_user("form-designer", password="coordinator-pw-1", first_name="Гульнар")
    user.groups.add(Group.objects.get(name="Coordinators"))
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "ru"
    profile.save()
    return user


# Wagtail's own parts of the page editor, not ours: Draftail's rich-text box has no
# accessible name and the minimap's list scrolls without focus. Off for admin screens only.
WAGTAIL_EDITOR = ["aria-input-field-name", "scrollable-region-focusable"]


def admin_check(page):
    axe_check(page, disable=WAGTAIL_EDITOR)


def overflow(page):
    """How far the page, or any part of the form designer, reaches past the window's right edge."""
    return page.evaluate(
        """() => {
            const page = document.documentElement.scrollWidth - document.documentElement.clientWidth;
            const parts = [...document.querySelectorAll('[data-contentpath=form_steps] *')]
                .map(element => element.getBoundingClientRect().right - window.innerWidth);
            return Math.max(page, ...parts);
        }"""
    )


def add_block(page, container, label):
    """Press the last "+" of a stream and pick a block type by its label."""
    container.locator("button.c-sf-add-button").last.click()
    page.get_by_role("option", name=label, exact=True).click()


def test_coordinator_designs_publishes_and_translates_a_call(desktop_page, page, demo_site, coordinator):
    """Protects the whole designer's walk: create, design with autosave running, publish, translate, answer."""
    page, phone = desktop_page, page
    index = GrantIndexPage.objects.get(locale=Locale.objects.get(language_code="ru"))
    saves = []

    def note_save(response):
        if response.request.method == "POST" and "/admin/pages/" in response.url:
            content_type = response.headers.get("content-type", "")
            if content_type.startswith("application/json"):
                saves.append(json.loads(response.text()))

    page.on("response", note_save)
    forgotten = None
    login_as(page, coordinator)

    # 1. A new call: the content tab.
    page.goto(f"/admin/pages/add/grants/grantcallpage/{index.pk}/", wait_until="load")
    admin_check(page)
    page.fill("#id_title", TITLE)
    page.fill("#id_intro", "Пять сёл получат по 570 000 ₸.")
    page.fill("#id_opens_at", "2026-01-01 09:00")
    page.fill("#id_closes_at", "2030-12-31 18:00")

    # 2. The form tab: the guide, then two steps with every kind of question.
    page.wait_for_load_state("networkidle")
    page.get_by_role("tab", name="Форма заявки").click()
    expect(page.get_by_text("Шаги: нажмите «+»")).to_be_visible()
    steps_field = page.locator("[data-contentpath=form_steps]")
    assert page.get_by_text("Минимальное количество элементов").count() == 0
    for number, questions in enumerate((STEP_ONE, STEP_TWO)):
        steps_field.locator("button.c-sf-add-button").last.click()
        page.fill(f"#form_steps-{number}-value-title", f"Шаг {number + 1}: о проекте")
        assert page.get_by_text("Минимальное количество элементов").count() == 0
        assert page.locator(".error-message").count() == 0
        step = page.locator("[data-contentpath=questions]").nth(number)
        for index_in_step, (kind, wording) in enumerate(questions):
            add_block(page, step, kind)
            prefix = f"form_steps-{number}-value-questions-{index_in_step}-value"
            page.fill(f"#{prefix}-label", wording)
            hint = page.locator(f"#{prefix}-help_text")
            hint.fill("Коротко и по делу.")
            if "вариант" in kind:  # a new list starts with one empty option
                page.fill(f"#{prefix}-options-0-value-label", "Молодёжь")
                page.locator("[data-contentpath=options]").last.locator("button.c-sf-add-button").last.click()
                if number == 0:  # the coordinator forgets the second option of the first step
                    forgotten = f"#{prefix}-options-1-value-label"
                else:
                    page.fill(f"#{prefix}-options-1-value-label", "Экология")
            if kind.startswith("Повторяющиеся"):  # a new table starts with one column
                page.fill(f"#{prefix}-columns-0-value-label", "Что делаем")
            page.wait_for_timeout(700)  # the editor saves in the background while one types
    page.wait_for_timeout(1500)
    screenshot(page, "form-designer-1280")
    assert overflow(page) <= 0
    page.set_viewport_size({"width": 1024, "height": 800})
    page.wait_for_timeout(300)
    screenshot(page, "form-designer-1024")
    assert overflow(page) <= 0
    page.set_viewport_size({"width": 1280, "height": 800})
    admin_check(page)

    # 3. Publish: refused only for the forgotten option, which the error button reaches.
    page.locator("footer .w-dropdown__toggle").click()
    with page.expect_navigation():
        page.get_by_role("button", name="Опубликовать").click()
    page.get_by_role("tab", name="Содержание").click()
    form_tab = page.get_by_role("tab", name="Форма заявки")
    expect(form_tab.locator(".w-tabs__errors")).to_be_visible()
    assert "1" in form_tab.locator(".w-tabs__errors").inner_text()
    screenshot(page, "form-designer-refused")
    page.get_by_role("button", name="Перейти к первой ошибке").click()
    expect(page.locator(forgotten)).to_be_visible()
    admin_check(page)
    page.fill(forgotten, "Экология")
    page.locator("footer .w-dropdown__toggle").click()
    with page.expect_navigation():
        page.get_by_role("button", name="Опубликовать").click()
    page.wait_for_timeout(1500)  # Wagtail's "published" message fades in; check it once it is shown
    admin_check(page)  # back in the list of calls
    call = GrantCallPage.objects.get(title=TITLE)
    # on failure, say which fields Wagtail marked, not only its message
    marked = page.locator(".w-field--error .error-message, .help-critical").all_inner_texts()
    assert call.live, (page.locator(".messages").inner_text(), marked)
    assert saves and all(save.get("success") for save in saves), saves
    kinds = [q.block_type for step in call.form_steps for q in step.value["questions"]]
    assert len(kinds) == 10 and len(set(kinds)) == 10
    keys = [q.value["key"] for step in call.form_steps for q in step.value["questions"]]
    assert all(key.startswith("q_") for key in keys) and len(set(keys)) == 10
    screenshot(page, "form-designer-published")

    # 4. The coordinator translates the call into Kazakh.
    page.goto(f"/admin/pages/{call.pk}/edit/", wait_until="load")
    page.locator("header").get_by_role("button", name="Действия").click()
    page.get_by_role("link", name="Перевести эту страницу").click()
    page.wait_for_load_state("load")
    admin_check(page)
    page.get_by_label("Қазақша").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Отправить").click()
    page.wait_for_load_state("networkidle")
    # wagtail-localize's translation editor, not ours: its segment headings are light
    # teal on white and its PO-file upload input has no label.
    axe_check(page, disable=["color-contrast", "label"])
    page.get_by_role("tab", name="Форма заявки").click()
    for source, kazakh in KAZAKH.items():
        segment = page.locator("li").filter(has=page.get_by_text(source, exact=True)).last
        segment.get_by_role("button", name="Перевести").click()
        segment.locator("textarea").fill(kazakh)
        segment.get_by_role("button", name="Сохранить").click()
        expect(segment.get_by_text(kazakh, exact=True)).to_be_visible()
    screenshot(page, "form-designer-translate")
    with page.expect_navigation():
        page.get_by_role(
            "button", name="Опубликовать: Қазақша"
        ).click()  # our catalogue mends wagtail-localize's «вҚазақша»
    kk_call = GrantCallPage.objects.get(translation_key=call.translation_key, locale__language_code="kk")
    assert kk_call.live
    step_one, step_two = (step.value for step in kk_call.form_steps)
    assert step_one["title"] == KAZAKH["Шаг 1: о проекте"]
    assert [q.value["key"] for q in step_one["questions"]] == keys[:5]  # the same keys in Kazakh

    # 5. An applicant on a phone answers in Kazakh, then switches to Russian on the second step.
    phone.context.clear_cookies()
    start_application(phone, kk_call, "aigul@example.kz")
    visit(phone, kk_call.url + "apply/eligibility/")
    phone.check("input[name='eligibility-applicant_type'][value='ngo']")
    phone.check("input[name='eligibility-rural'][value='yes']")
    phone.check("input[name='eligibility-project_in_region'][value='yes']")
    follow(phone, phone.locator(MAIN_BUTTON))
    for name, value in ANSWERS["applicant"].items():
        if name != "district":
            phone.fill(f"[name='applicant-{name}']", value)
    phone.select_option("select[name='applicant-district']", "burli")
    follow(phone, phone.locator(MAIN_BUTTON))
    one, two = step_one["key"], step_two["key"]
    assert unquote(phone.url).endswith(f"/apply/{one}/"), phone.url
    assert phone.locator("h1").inner_text() == KAZAKH["Шаг 1: о проекте"]
    assert phone.get_by_text(KAZAKH["Название проекта"]).count() == 1
    short, long, choice, yes_no, number = (q.value for q in step_one["questions"])
    phone.fill(f"[name='{one}-{short['key']}']", "Балалар алаңы")
    phone.fill(f"[name='{one}-{long['key']}']", "Бірінші абзац.\nЕкінші абзац.")
    expect(phone.locator(".counter").nth(1)).to_contain_text("28 / 2000")  # the line break counts once
    phone.check(f"input[name='{one}-{choice['key']}'][value='{choice['options'][0]['key']}']")
    phone.check(f"input[name='{one}-{yes_no['key']}'][value='yes']")
    phone.fill(f"[name='{one}-{number['key']}']", "120")
    screenshot(phone, "form-designer-applicant-kk")
    follow(phone, phone.locator(MAIN_BUTTON))
    assert unquote(phone.url).endswith(f"/apply/{two}/"), phone.url
    follow(phone, phone.locator("nav.languages a[lang=ru]"))
    assert unquote(phone.url).endswith(unquote(call.url) + f"apply/{two}/"), phone.url  # same step, Cyrillic address
    money, date, several, table, photo = (q.value for q in step_two["questions"])
    phone.fill(f"[name='{two}-{money['key']}']", "50 000")
    phone.fill(f"[name='{two}-{date['key']}']", "2027-03-01")
    phone.check(f"input[name='{two}-{several['key']}'][value='{several['options'][1]['key']}']")
    phone.fill(f"[name='{two}-{table['key']}-0-{table['columns'][0]['key']}']", "Закупка")
    phone.set_input_files(
        f"[name='{two}-{photo['key']}']", files=[{"name": "place.pdf", "mimeType": "application/pdf", "buffer": PDF}]
    )
    screenshot(phone, "form-designer-applicant-ru")
    follow(phone, phone.locator(MAIN_BUTTON))
    assert phone.url.endswith("/apply/budget/"), phone.url
    draft = Draft.objects.get(form_key=call.translation_key)
    assert draft.state(one) == "completed" and draft.state(two) == "completed"
