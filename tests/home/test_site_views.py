"""Search, sitemap, robots.txt and the health check."""

from unittest import mock

import pytest
from django.db.utils import OperationalError


def test_search_finds_pages_in_the_readers_language_only(client, demo):
    """Searching in Kazakh finds the Kazakh about page and not the Russian one."""
    response = client.get("/kk/search/", {"q": "бағдарлама"})
    assert response.status_code == 200
    urls = [page.url for page in response.context["results"]]
    assert "/kk/about/" in urls
    assert not any(url.startswith("/ru/") for url in urls)


def test_search_without_query_or_with_hostile_input_answers_calmly(client, demo):
    """Empty, huge or odd queries and page numbers never cause an error."""
    for params in [
        {},
        {"q": ""},
        {"q": "x" * 5000},
        {"q": "' OR 1=1 --"},
        {"q": "грант", "page": "abc"},
        {"q": "грант", "page": "999"},
    ]:
        assert client.get("/ru/search/", params).status_code == 200


def test_search_results_are_paginated(client, demo):
    """Search says how many results there are."""
    html = client.get("/ru/search/", {"q": "НПО"}).content.decode()
    assert "по запросу «НПО»" in html


def test_sitemap_lists_pages_in_every_language(client, demo):
    """Search engines find the Kazakh, Russian and English pages."""
    xml = client.get("/sitemap.xml").content.decode()
    for path in ["/kk/about/", "/ru/about/", "/en/about/", "/ru/privacy/"]:
        assert path in xml


def test_robots_txt_points_to_the_sitemap_and_hides_the_admin(client):
    """Crawlers are told where the sitemap is and to keep out of the admin."""
    text = client.get("/robots.txt").content.decode()
    assert "Disallow: /admin/" in text
    assert "Sitemap: http://testserver/sitemap.xml" in text


@pytest.mark.django_db
def test_health_check_reports_the_database(client):
    """Load balancers get 200 while the database answers and 503 when it does not."""
    assert client.get("/healthz").status_code == 200
    with mock.patch("django.db.backends.utils.CursorWrapper.execute", side_effect=OperationalError("down")):
        assert client.get("/healthz").status_code == 503


def test_unknown_page_gives_a_translated_404(client, demo):
    """A missing page says so in the reader's language, with a way back."""
    response = client.get("/kk/no-such-page/")
    assert response.status_code == 404
    assert "Бет табылмады" in response.content.decode()


def test_settings_change_reaches_the_footer_at_once(client, demo):
    """Editing the organisation's phone shows in the (cached) footer on the next request."""
    from home.models import OrganisationSettings

    client.get("/ru/")
    org = OrganisationSettings.load()
    org.phone = "+77012223344"
    org.save()
    assert "+7 701 222 33 44" in client.get("/ru/").content.decode()
