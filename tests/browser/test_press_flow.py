"""A press officer reports on a district meeting from the admin; readers find it everywhere."""

import pytest
from defusedxml import ElementTree
from django.contrib.auth.models import Group, User
from wagtail.models import Locale

from cms_plugins.demo_images import steppe
from news.models import NewsIndexPage, NewsPage
from tests.browser.harness import axe_check, follow, login_as, screenshot, visit

pytestmark = pytest.mark.browser

TITLE = "Встреча в Бурлинском районе: итоги"
# Wagtail's tag field (jQuery tag-it) adds an input without a label; it is Wagtail's, not
# ours, so this one rule is off on the admin screens that show a tag field.
TAG_WIDGET = ["label"]


def admin_visit(page, url):
    response = page.goto(url, wait_until="load")
    assert response.status == 200, f"{url} answered {response.status}"
    axe_check(page, disable=TAG_WIDGET)


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
    page.fill("#id_villages", "Аксай, Пугачево")
    page.fill("#id_participants", "34")
    page.fill("#id_topics", "Создание НПО\nНаписание проектов")
    page.locator("footer .w-dropdown__toggle", has_text="Больше действий").click()
    with page.expect_navigation():
        page.get_by_role("button", name="Опубликовать").click()
    page.wait_for_timeout(1500)  # Wagtail's "published" message fades in; check it once it is shown
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
    assert page.get_by_text("Аксай, Пугачево").count() == 1
    assert page.locator("picture img").first.get_attribute("alt") == "Жители села на встрече в доме культуры"
    screenshot(page, "press-flow-news-page-phone")
    visit(page, "/ru/districts/burli/")
    assert page.get_by_role("link", name=TITLE).count() >= 1
    feed = page.request.get("/ru/news/feed/")
    titles = [item.findtext("title") for item in ElementTree.fromstring(feed.body()).iter("item")]
    assert TITLE in titles
    axe_check(page)
