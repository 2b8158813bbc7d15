"""The whole-response page cache: what it serves, with which headers, and what empties it."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction, Site

from cms_plugins.pagecache import content_version
from cms_plugins.places.models import District
from home.models import OrganisationSettings
from tests.news.conftest import add_news, build_site

pytestmark = pytest.mark.django_db
# Headers the middleware below the cache (clickjacking, sessions, locale) and above it
# (security) add: a reader served from the cache must get every one of them.
PROTECTIVE = ["X-Frame-Options", "Vary", "X-Content-Type-Options", "Referrer-Policy", "Cross-Origin-Opener-Policy"]


@pytest.fixture
def site():
    return build_site()


@pytest.fixture
def news(site):
    return add_news(site["indexes"]["ru"], "Новость для кэша")


def test_cached_page_keeps_every_header_of_the_fresh_one(client, news):
    """Protects readers of cached pages: clickjacking, Vary, MIME-sniffing and referrer protections stay on."""
    fresh = client.get(news.url)
    with CaptureQueriesContext(connection) as queries:
        cached = client.get(news.url)
    assert len(queries) == 0, "the second request should come from the cache"
    for name in PROTECTIVE:
        assert fresh.has_header(name), name
        assert cached.get(name) == fresh.get(name), name
    assert "Cookie" in cached["Vary"]
    assert cached["Content-Language"] == "ru"
    assert cached.content == fresh.content


def test_editors_and_readers_with_a_session_are_never_served_from_the_cache(client, news, admin_user):
    """Protects editors: they see the current page with their user bar."""
    client.get(news.url)
    client.force_login(admin_user)
    assert "wagtail-userbar" in client.get(news.url).content.decode()


def changes_version(action):
    before = content_version()
    action()
    return content_version() != before


def test_publishing_unpublishing_moving_and_deleting_a_page_empty_the_cache(site, news):
    """Protects readers from stale pages after any change to the page tree."""
    other = add_news(site["indexes"]["ru"], "Вторая", live=False)
    assert changes_version(lambda: other.save_revision().publish())
    other.refresh_from_db()
    assert changes_version(lambda: other.unpublish())
    other.refresh_from_db()
    assert changes_version(lambda: other.move(site["indexes"]["kk"], pos="last-child"))
    other.refresh_from_db()
    assert changes_version(lambda: other.delete())
    assert not changes_version(lambda: news.save_revision())  # a draft shows nowhere


def test_privacy_settings_sites_and_declared_models_empty_the_cache(site, news):
    """Protects private pages and the footer: privacy, site settings, Site rows and districts (declared by home)."""
    restriction = PageViewRestriction(page=news, restriction_type=PageViewRestriction.PASSWORD, password="x-secret")
    assert changes_version(restriction.save)
    assert changes_version(restriction.delete)
    settings = OrganisationSettings.load()
    settings.name_ru = "Новое имя"
    assert changes_version(settings.save)
    site_row = Site.objects.get(is_default_site=True)
    assert changes_version(site_row.save)
    district = District.objects.filter(code="burli").first()
    assert changes_version(district.save)


def test_a_page_made_private_leaves_the_cache_at_once(client, news):
    """Protects: a page made private is not served to anonymous readers from an earlier cached copy."""
    assert "Новость для кэша" in client.get(news.url).content.decode()
    PageViewRestriction.objects.create(page=news, restriction_type=PageViewRestriction.PASSWORD, password="x-secret")
    html = client.get(news.url).content.decode()
    assert "Новость для кэша" not in html and "password" in html.lower()
