"""A villager answers the needs survey on a phone in Russian and a coordinator sees it in the chart;
a reader downloads a manual and sees its download count grow."""

import uuid

import pytest
from django.contrib.auth.models import Group, User
from playwright.sync_api import expect

from surveys.models import SurveyPage
from tests.browser.conftest import PHONE, _new_tab
from tests.browser.harness import follow, login_as, screenshot, visit
from tests.manuals.conftest import add_document, add_library
from tests.news.conftest import build_site
from tests.surveys.conftest import add_survey

pytestmark = pytest.mark.browser

# A phone's browser as it announces itself (a headless browser's own name is counted as a robot).
PHONE_AGENT = (
    "Mozilla/5.0 (Linux; Android 13; SM-A145F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Mobile Safari/537.36"
)


@pytest.fixture
def reader_page(request, browser, live_server):
    """A phone-sized tab in Russian that says it is a phone's Chrome."""
    yield from _new_tab(request, browser, live_server, PHONE, is_mobile=True, has_touch=True, user_agent=PHONE_AGENT)


@pytest.fixture
def site_tree(live_server):
    return build_site()


@pytest.fixture
def coordinator(live_server):
    user = User.objects.create_user("coordinator", "c@example.org", "a-long-password-1")
    user.groups.add(Group.objects.get(name="Coordinators"))
    return user


def test_a_villager_answers_on_a_phone_and_the_coordinator_sees_the_chart(page, site_tree, coordinator):
    survey = SurveyPage.objects.get(pk=add_survey(site_tree["homes"]["ru"]).pk)
    visit(page, survey.url)
    assert page.evaluate("document.documentElement.scrollWidth") <= 360, "nothing wider than the phone"
    page.locator("input[name=who][value=initiative]").check()
    page.select_option("#id_district", "taskala")
    page.locator("input[name=topics][value=t_funding]").check()
    page.locator("input[name=topics][value=other]").check()
    page.fill("#id_topics__other", "Работа с акиматом")
    page.locator("input[name=format][value=f_district]").check()
    page.locator("input[name=confidence][value='2']").check()
    page.fill("#id_obstacle", "Нет бухгалтера, отчёты пишем сами.")
    screenshot(page, "survey-phone-ru")
    follow(page, page.get_by_role("button", name="Отправить ответы"))
    expect(page.locator("h1")).to_contain_text("Спасибо за ответы")

    login_as(page, coordinator)
    page.set_viewport_size({"width": 1280, "height": 900})
    visit(page, f"/admin/surveys/{survey.pk}/")
    topics = page.locator("div.survey-question", has=page.locator("#q-topics"))
    expect(topics.locator("svg.survey-chart")).to_contain_text("Финансы")
    expect(topics.locator("svg.survey-chart")).to_contain_text("1 (100,0 %)")
    expect(topics).to_contain_text("Работа с акиматом")
    confidence = page.locator("div.survey-question", has=page.locator("#q-confidence"))
    expect(confidence).to_contain_text("2")
    screenshot(page, "survey-results-admin")
    visit(page, "/admin/monitoring/")
    disbursed = page.locator("#indicator-amount_disbursed")
    expect(disbursed).to_contain_text("₸")  # read from the grant records' paid tranches
    expect(disbursed).not_to_contain_text("данных пока нет")
    screenshot(page, "monitoring-screen")


def test_a_reader_downloads_a_manual_and_the_count_grows(reader_page, site_tree):
    page = reader_page
    from wagtail.models import Locale

    from manuals.models import Manual

    library = add_library(site_tree["homes"]["ru"])
    Manual.objects.create(
        title="Шаблон бюджета проекта",
        summary="Таблица Excel: суммы считаются сами.",
        category="template",
        locale=Locale.objects.get(language_code="ru"),
        translation_key=uuid.uuid4(),
        document=add_document("Шаблон бюджета", content=b"PK\x03\x04demo", name="budget.xlsx"),
    )
    visit(page, library.url)
    card = page.locator("li.manual", has_text="Шаблон бюджета проекта")
    expect(card).to_contain_text("скачано 0 раз")
    with page.expect_download() as download:
        card.get_by_role("link", name="Шаблон бюджета проекта").click()
    assert download.value.suggested_filename.endswith(".xlsx")
    visit(page, library.url)
    expect(page.locator("li.manual", has_text="Шаблон бюджета проекта")).to_contain_text("скачано 1 раз")
    screenshot(page, "manuals-library-phone")
