"""A press officer reports on a district meeting from the admin; readers find it everywhere."""

import re

import pytest
from defusedxml import ElementTree
from django.contrib.auth.models import Group, User
from playwright.sync_api import expect
from wagtail.models import Locale

from cms_plugins.demo_images import steppe
from news.models import NewsIndexPage, NewsPage
from tests.browser.harness import axe_check, follow, login_as, screenshot, visit

pytestmark = pytest.mark.browser

TITLE = "Встреча в Бурлинском районе: итоги"
# Wagtail's tag field (jQuery tag-it) adds an input without a label; it is Wagtail's, not
# ours, so this one rule is off on the admin screens that show a tag field.
TAG_WIDGET = ["label"]
# wagtail-localize's editor (React) gives its segment buttons no accessible names of their own and
# its tabs no labels; it is the package's, not ours, so these rules are off on that screen.
LOCALIZE_EDITOR = ["button-name", "aria-required-children", "label", "color-contrast"]


def admin_visit(page, url):
    response = page.goto(url, wait_until="load")
    assert response.status == 200, f"{url} answered {response.status}"
    axe_check(page, disable=TAG_WIDGET)


def add_list_items(page, field, items):
    """Add one item after another to a list field (a StreamField with one kind of item)."""
    page.keyboard.press("Escape")  # a date picker left open would take the first click
    for number, item in enumerate(items):
        button = page.locator(f"[data-contentpath='{field}'] button.c-sf-add-button").last
        button.scroll_into_view_if_needed()
        button.click()
        page.locator(f"#{field}-{number}-value").fill(item)


@pytest.fixture(autouse=True)
def _no_autosave(settings):
    """Wagtail 7.4 autosaves the form every half second while it is typed in: an unfinished form
    answers 400 and a first autosave moves the address to the edit view. Both are Wagtail's own
    behaviour, which the harness would count as a broken file and an unchecked page; these tests
    are about what the press officer submits, so autosave is off here."""
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 0


@pytest.fixture
def press_user(db):
    user = User.objects.create_user("press-officer", password="press-password-1", first_name="Айгерим")
    user.groups.add(Group.objects.get(name="Press"))
    return user


def test_press_officer_publishes_a_meeting_report_readers_find_it(page, demo_site, press_user, tmp_path):
    """Protects the press workflow end to end: admin form, image upload, publish, home, list, district, feed."""
    index = NewsIndexPage.objects.get(locale=Locale.objects.get(language_code="ru"))
    login_as(page, press_user)

    # 1. Upload a photo to the image library.
    photo = tmp_path / "aksai-meeting.jpg"
    photo.write_bytes(steppe(77, 960, 540))
    admin_visit(page, "/admin/images/add/")
    page.set_input_files("#id_file", str(photo))
    page.fill("#id_title", "Встреча в Аксае")
    with page.expect_navigation():
        page.locator("form button[type=submit]").last.click()
    # The image library shows titles over the photos themselves: contrast depends on the photo.
    axe_check(page, disable=["color-contrast"])

    # 2. Write the report.
    admin_visit(page, f"/admin/pages/add/news/newspage/{index.pk}/")
    page.fill("#id_title", TITLE)
    page.select_option("#id_category", "district-meeting")
    page.fill("#id_lead", "Жители Аксая и соседних сёл обсудили, как создать своё НПО.")
    page.locator("#id_cover_image-chooser .chooser__choose-button").click()
    page.locator(".modal").get_by_text("Встреча в Аксае").first.click()
    page.wait_for_selector("#id_cover_image-chooser.blank", state="detached")
    page.fill("#id_cover_alt", "Жители села на встрече в доме культуры")
    page.get_by_label("Бурлинский район").check()
    page.fill("#id_meeting_date", "2026-11-20")
    add_list_items(page, "villages", ["Аксай", "Пугачево"])
    page.fill("#id_participants", "34")
    add_list_items(page, "topics", ["Создание НПО", "Написание проектов"])
    page.locator("footer .w-dropdown__toggle", has_text="Больше действий").click()
    with page.expect_navigation():
        page.get_by_role("button", name="Опубликовать").click()
    page.wait_for_timeout(1500)  # Wagtail's "published" message fades in; check it once it is shown
    # The editor's own requests (side panels) finish before this thread reads the shared database.
    page.wait_for_load_state("networkidle")
    axe_check(page, disable=TAG_WIDGET)
    report = NewsPage.objects.get(title=TITLE)
    assert report.live and report.cover_image_id and report.participants == 34

    # 3. A reader (signed out) finds it on home, in the list, on the district page and in the feed.
    page.context.clear_cookies()
    visit(page, "/ru/")
    assert page.get_by_role("link", name=TITLE).count() == 1
    screenshot(page, "press-flow-home-phone")
    visit(page, "/ru/news/?district=burli")
    follow(page, page.get_by_role("link", name=TITLE))
    assert page.locator("h1").inner_text() == TITLE
    villages = page.locator(".meeting-facts ul.inline-list li")
    assert villages.all_inner_texts() == ["Аксай", "Пугачево"]
    assert page.locator("picture img").first.get_attribute("alt") == "Жители села на встрече в доме культуры"
    screenshot(page, "press-flow-news-page-phone")
    visit(page, "/ru/districts/burli/")
    assert page.get_by_role("link", name=TITLE).count() >= 1
    feed = page.request.get("/ru/news/feed/")
    titles = [item.findtext("title") for item in ElementTree.fromstring(feed.body()).iter("item")]
    assert TITLE in titles
    axe_check(page)


KK_TITLE = "Ақсайдағы кездесу: қорытынды"
TOPICS = {
    "Создание НПО": "ҮЕҰ құру",
    "Написание проектов": "Жоба жазу",
    "Кадры и наставничество": "Кадрлар және тәлімгерлік",
}


def test_press_officer_translates_a_meeting_report_into_kazakh(page, demo_site, press_user, tmp_path):
    """Issue 15 end to end: a report with three topics and a photo, published, translated into Kazakh
    in wagtail-localize's editor; /kk/ shows no Russian article before the translation is published,
    then the Kazakh page shows three separate topics, the photo and the districts in Kazakh."""
    index = NewsIndexPage.objects.get(locale=Locale.objects.get(language_code="ru"))
    login_as(page, press_user)
    photo = tmp_path / "meeting.jpg"
    photo.write_bytes(steppe(78, 960, 540))
    admin_visit(page, "/admin/images/add/")
    page.set_input_files("#id_file", str(photo))
    page.fill("#id_title", "Встреча в Аксае 2")
    with page.expect_navigation():
        page.locator("form button[type=submit]").last.click()
    axe_check(page, disable=["color-contrast"])

    admin_visit(page, f"/admin/pages/add/news/newspage/{index.pk}/")
    page.fill("#id_title", "Встреча в Аксае: итоги")
    page.fill("#id_lead", "Жители Аксая обсудили три темы.")
    page.locator("#id_cover_image-chooser .chooser__choose-button").click()
    page.locator(".modal").get_by_text("Встреча в Аксае 2").first.click()
    page.wait_for_selector("#id_cover_image-chooser.blank", state="detached")
    page.fill("#id_cover_alt", "Жители села на встрече")
    page.get_by_label("Бурлинский район").check()
    page.fill("#id_meeting_date", "2026-11-20")
    add_list_items(page, "topics", list(TOPICS))
    page.locator("footer .w-dropdown__toggle", has_text="Больше действий").click()
    with page.expect_navigation():
        page.get_by_role("button", name="Опубликовать").click()
    page.wait_for_timeout(1500)
    page.wait_for_load_state("networkidle")
    axe_check(page, disable=TAG_WIDGET)
    report = NewsPage.objects.get(title="Встреча в Аксае: итоги")
    assert report.live and report.category == "district-meeting"  # the facts made it a meeting report

    # Translate: the status panel lists the languages and offers "Перевести".
    admin_visit(page, f"/admin/pages/{report.pk}/edit/")
    # Wagtail remembers an open side panel: a click on its toggle would close it again.
    if not page.locator("[data-side-panel='status']").is_visible():
        page.locator("[data-side-panel-toggle='status']").click()
    languages = page.locator("[data-page-languages]")
    expect(languages).to_be_visible()
    expect(languages).to_contain_text("Қазақша")
    expect(languages).to_contain_text("не переведена")
    with page.expect_navigation():
        page.get_by_role("link", name="Перевести").click()
    axe_check(page)
    page.get_by_label("Қазақша").check()
    with page.expect_navigation():
        page.locator("form input[type=submit]").last.click()
    editor = page.locator(".js-translation-editor")
    editor.get_by_role("button", name="Перевести").first.wait_for()
    if page.locator("[data-side-panel='status']:visible").count():  # Wagtail remembers the open panel
        page.locator("[data-side-panel-toggle='status']:visible").first.click()
        page.locator("[data-side-panel='status']:visible").first.wait_for(state="hidden")
    axe_check(page, disable=LOCALIZE_EDITOR)
    # The editor lists each topic as its own segment ("Тема" three times).
    assert editor.locator("h3", has_text="Тема").count() == 3
    # Labels wagtail-localize writes in English are in Russian (news/static/news/admin/localize-labels.js).
    assert editor.get_by_text("Перевод: Русский → Қазақша").count() >= 1
    assert editor.get_by_text(re.compile(r" to .* translation$")).count() == 0
    screenshot(page, "press-translation-editor")

    # Before the Kazakh text is published, /kk/ shows no Russian article (the draft is not live).
    kk_list = page.request.get("/kk/news/").text()
    assert "Встреча в Аксае: итоги" not in kk_list and KK_TITLE not in kk_list

    for kazakh in [
        KK_TITLE,
        "Ақсай тұрғындары үш тақырыпты талқылады.",
        "Кездесудегі ауыл тұрғындары",
        *TOPICS.values(),
    ]:
        editor.get_by_role("button", name="Перевести").first.click()
        editor.locator("textarea").first.fill(kazakh)
        editor.get_by_role("button", name="Сохранить").first.click()
        page.wait_for_timeout(300)
    with page.expect_navigation():
        page.get_by_role("button", name=re.compile("Опубликовать")).first.click()
    page.wait_for_selector(".js-translation-editor *")
    axe_check(page, disable=LOCALIZE_EDITOR)
    kk = NewsPage.objects.get(translation_key=report.translation_key, locale__language_code="kk")
    assert kk.live and re.search(r"[^\W\d_]", kk.slug), kk.slug  # a readable address, not a number

    # A reader of the Kazakh site: three separate topics, the photo, the district in Kazakh.
    page.context.clear_cookies()
    visit(page, kk.url)
    assert page.locator("h1").inner_text() == KK_TITLE
    assert page.locator(".meeting-facts ul.topics li").all_inner_texts() == list(TOPICS.values())
    assert page.locator("picture img").first.get_attribute("alt") == "Кездесудегі ауыл тұрғындары"
    assert "Бөрлі ауданы" in page.locator(".meeting-facts").inner_text()
    screenshot(page, "press-flow-kazakh-report-phone")
