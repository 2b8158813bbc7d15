import pytest
from django.contrib.auth.models import Group, User
from django.core.cache import cache

from news.counter import is_bot, should_count
from news.models import PageViewCount

from .conftest import add_news

BROWSER = (
    "Mozilla/5.0 (Linux; Android 13; SM-A145F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Mobile Safari/537.36"
)


def hit(client, page, agent=BROWSER, address="10.0.0.1", **headers):
    return client.get(f"/views/{page.pk}.gif", HTTP_USER_AGENT=agent, REMOTE_ADDR=address, **headers)


@pytest.mark.django_db
def test_a_reader_view_is_counted_and_shown(client, site):
    """Protects: the counter counts a reader and the page shows the number."""
    page = add_news(site["indexes"]["ru"], "Новость")
    response = hit(client, page)
    assert response.status_code == 200 and response["Content-Type"] == "image/gif"
    assert "no-cache" in response["Cache-Control"] and not response.cookies
    assert PageViewCount.views_of(page.pk) == 1
    html = client.get(page.url, HTTP_USER_AGENT=BROWSER).content.decode()
    assert "1 просмотр" in html or "1 view" in html
    assert f'src="/views/{page.pk}.gif"' in html


@pytest.mark.django_db
def test_counting_sets_no_cookie_and_page_sets_none(client, site):
    """Protects: no cookie is used to count readers (personal-data law, caches)."""
    page = add_news(site["indexes"]["ru"], "Новость")
    assert not client.get(page.url).cookies
    assert not hit(client, page).cookies


@pytest.mark.django_db
def test_reload_from_same_browser_counts_once_but_other_readers_count(client, site):
    """Protects: reloading does not inflate the number; two readers make two views."""
    page = add_news(site["indexes"]["ru"], "Новость")
    hit(client, page)
    hit(client, page)
    hit(client, page, address="10.0.0.2")
    assert PageViewCount.views_of(page.pk) == 2


@pytest.mark.parametrize(
    "agent",
    [
        "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
        "Mozilla/5.0 (compatible; YandexBot/3.0)",
        "TelegramBot (like TwitterBot)",
        "WhatsApp/2.23.20.0",
        "facebookexternalhit/1.1",
        "curl/8.5.0",
        "python-requests/2.32",
        "",
    ],
)
@pytest.mark.django_db
def test_bots_and_link_previews_are_not_counted(client, site, agent):
    """Protects: robots and messenger previews do not count as readers."""
    page = add_news(site["indexes"]["ru"], "Новость")
    assert hit(client, page, agent=agent).status_code == 200
    assert PageViewCount.views_of(page.pk) == 0


def test_ordinary_browsers_are_not_taken_for_bots():
    """Protects: phones and desktop browsers are counted."""
    assert not is_bot(BROWSER)
    assert not is_bot("Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:132.0) Gecko/20100101 Firefox/132.0")


@pytest.mark.django_db
def test_prefetch_is_not_counted(client, site):
    """Protects: a browser guessing the next page does not count as a read."""
    page = add_news(site["indexes"]["ru"], "Новость")
    hit(client, page, HTTP_SEC_PURPOSE="prefetch")
    assert PageViewCount.views_of(page.pk) == 0


@pytest.mark.django_db
def test_logged_in_editors_are_not_counted(client, site):
    """Protects: press staff checking their own article do not inflate it."""
    page = add_news(site["indexes"]["ru"], "Новость")
    editor = User.objects.create_user("press", password="x" * 12)
    editor.groups.add(Group.objects.get(name="Press"))
    client.force_login(editor)
    hit(client, page)
    assert PageViewCount.views_of(page.pk) == 0


@pytest.mark.django_db
def test_preview_has_no_counting_image(rf, site):
    """Protects: previews in the admin never count."""
    page = add_news(site["indexes"]["ru"], "Новость")
    request = rf.get(page.url, HTTP_USER_AGENT=BROWSER)
    request.is_preview = True
    assert should_count(request) == (False, "preview")
    request.user = User.objects.create_superuser("admin", password="x" * 12)
    response = page.make_preview_request(request)
    assert b"/views/" not in response.content


@pytest.mark.django_db
def test_unknown_or_draft_pages_are_not_counted(client, site):
    """Protects: nobody can create counters for pages that are not published news."""
    draft = add_news(site["indexes"]["ru"], "Черновик", live=False)
    hit(client, draft)
    client.get("/views/999999.gif", HTTP_USER_AGENT=BROWSER)
    assert PageViewCount.objects.count() == 0


@pytest.mark.django_db
def test_counter_survives_republishing(client, site):
    """Protects: publishing a new version never resets the number of views."""
    page = add_news(site["indexes"]["ru"], "Новость")
    hit(client, page)
    page.title = "Новость (исправлено)"
    page.save_revision().publish()
    assert PageViewCount.views_of(page.pk) == 1


@pytest.mark.django_db
def test_counter_is_right_behind_a_page_cache(client, site):
    """Protects: a page served from cache still counts: the image request reaches the server each time."""
    page = add_news(site["indexes"]["ru"], "Новость")
    first = client.get(page.url).content
    second = client.get(page.url).content  # served whole from the cache now
    assert first == second and f'src="/views/{page.pk}.gif"'.encode() in second
    for number in range(3):
        hit(client, page, address=f"10.0.1.{number}")
    assert PageViewCount.views_of(page.pk) == 3
    cache.clear()  # the cached copy expires
    html = client.get(page.url).content.decode()
    assert "3 просмотра" in html or "3 views" in html
