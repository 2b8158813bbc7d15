"""The view counter tells readers apart by the site-wide client address (TRUSTED_PROXIES)."""

import pytest

from news.models import PageViewCount

from .conftest import add_news
from .test_counter import BROWSER


def hit(client, page, remote, forwarded):
    return client.get(
        f"/views/{page.pk}.gif", HTTP_USER_AGENT=BROWSER, REMOTE_ADDR=remote, HTTP_X_FORWARDED_FOR=forwarded
    )


@pytest.mark.django_db
def test_forged_forwarded_headers_do_not_make_views(client, site, settings):
    """Protects: without a configured proxy, 20 forged X-Forwarded-For headers are one reader, not 20 views."""
    settings.TRUSTED_PROXIES = []
    page = add_news(site["indexes"]["ru"], "Новость")
    for number in range(20):
        hit(client, page, "203.0.113.9", f"10.0.0.{number}")
    assert PageViewCount.views_of(page.pk) == 1


@pytest.mark.django_db
def test_behind_the_configured_proxy_each_reader_counts(client, site, settings):
    """Protects: behind nginx (REMOTE_ADDR is the proxy) two readers are two views, and a forged prefix changes nothing."""
    settings.TRUSTED_PROXIES = ["127.0.0.1"]
    page = add_news(site["indexes"]["ru"], "Новость")
    hit(client, page, "127.0.0.1", "203.0.113.50")
    hit(client, page, "127.0.0.1", "1.1.1.1, 203.0.113.50")  # the same reader forging a prefix
    hit(client, page, "127.0.0.1", "203.0.113.51")
    assert PageViewCount.views_of(page.pk) == 2
