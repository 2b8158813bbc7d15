import re
import sys
import types
from unittest import mock

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cms_plugins.pagecache import ServeCacheMixin
from news import sections
from news.coverage import CITY, SHAPES, coverage

from .conftest import add_district_page, add_news, publish

MAX_QUERIES = 12
HOME_SECTIONS = [
    ("latest_news", {"title": "", "count": 4, "category": ""}),
    ("coverage_map", {"title": "", "show_table": True}),
    ("programme_figures", {"title": ""}),
    ("open_calls", {"title": "", "count": 3}),
    ("upcoming_trainings", {"title": "", "count": 3}),
]


def with_sections(home):
    home.body = HOME_SECTIONS
    return publish(home)


def test_every_district_and_the_city_have_a_shape():
    """Protects: the map shows all 12 districts and Uralsk."""
    assert len(SHAPES) == 12 and set(CITY) == {"uralsk"}


@pytest.mark.django_db
def test_district_page_lists_its_news_and_meetings_only(client, site):
    """Protects: a district's page shows what happened there, not elsewhere."""
    page = add_district_page(site["district_indexes"]["ru"], "burli")
    add_news(
        site["indexes"]["ru"], "Встреча в Аксае", category="district-meeting", districts=["burli"], participants=30
    )
    add_news(site["indexes"]["ru"], "Новость из Таскалы", districts=["taskala"])
    html = client.get(page.url).content.decode()
    assert "Встреча в Аксае" in html and "Новость из Таскалы" not in html
    assert "Аксай" in html  # administrative centre


@pytest.mark.django_db
def test_district_page_works_without_grants_trainings_or_crm(client, site):
    """Protects: district pages render while the other apps have nothing to offer."""
    assert sections.open_grant_calls() == [] and sections.upcoming_trainings() == []
    page = add_district_page(site["district_indexes"]["ru"], "syrym")
    assert client.get(page.url).status_code == 200


@pytest.mark.django_db
def test_crm_aggregates_appear_when_the_crm_provides_them(client, site, monkeypatch, settings):
    """Protects: the number of NGOs from the CRM shows on the map table and district page when available."""
    fake = types.ModuleType("cms_plugins.crm.aggregates")
    fake.organisations_per_district = lambda: [{"code": "burli", "name": "Бурлинский район", "count": 7}]
    monkeypatch.setitem(sys.modules, "cms_plugins.crm.aggregates", fake)
    monkeypatch.setattr(sections.apps, "is_installed", lambda name: name == "cms_plugins.crm")
    page = add_district_page(site["district_indexes"]["ru"], "burli")
    html = client.get(page.url).content.decode()
    assert re.search(r"<dd>7</dd>", html)
    rows = {row.code: row for row in coverage()}
    assert rows["burli"].organisations == 7 and rows["burli"].level == 1


@pytest.mark.django_db
def test_guarded_lookup_uses_public_queryset_methods(monkeypatch, site):
    """Protects: open calls come from GrantCallPage.objects.live().open() when the grants app provides it."""
    home = site["homes"]["ru"]

    class FakeQuerySet(list):
        def live(self):
            return self

        def public(self):
            return self

        def open(self):
            return self

        def filter(self, **kwargs):
            return self

    class FakeModel:
        objects = FakeQuerySet([home])

    monkeypatch.setattr(sections, "page_model", lambda app, name: FakeModel if app == "grants" else None)
    assert sections.open_grant_calls() == [home]
    assert sections.open_grant_calls(district_code="burli") == []  # no in_district(): nothing, not an error


@pytest.mark.django_db
def test_map_colours_and_links_districts(client, site):
    """Protects: each district on the map is a named link to its page, coloured by activity, with a table."""
    add_district_page(site["district_indexes"]["ru"], "burli")
    add_news(site["indexes"]["ru"], "Встреча", category="district-meeting", districts=["burli"])
    html = client.get(site["district_indexes"]["ru"].url).content.decode()
    link = re.search(r'<a href="/ru/districts/burli/" aria-label="([^"]+)"><polygon class="level-(\d)"', html)
    assert link and "Бурлинский район" in link.group(1) and link.group(2) == "2"
    assert html.count("<polygon") == 12 and html.count("<circle") == 1
    assert "<table>" in html and '<th scope="row"><a href="/ru/districts/burli/">' in html
    assert "<script" not in html


@pytest.mark.django_db
def test_home_sections_render_in_order_and_queries_stay_low(client, site, image):
    """Protects: editors' chosen sections show the latest news, map and figures; <= 12 queries once warm."""
    home = with_sections(site["homes"]["ru"])
    for number in range(6):
        add_news(
            site["indexes"]["ru"], f"Новость {number}", image=image, districts=["burli"], category="district-meeting"
        )
    with mock.patch.object(ServeCacheMixin, "serve_cache_key", return_value=None):  # fragments only
        client.get(home.url)  # creates the settings row on first read (that empties the caches once)
        client.get(home.url)
        with CaptureQueriesContext(connection) as warm:
            response = client.get(home.url)
    html = response.content.decode()
    assert len(warm) <= MAX_QUERIES, "\n".join(q["sql"][:150] for q in warm)
    assert html.index("Новость 5") < html.index("<svg")
    assert html.count('class="news-card"') == 4
    assert 'class="open-calls"' not in html  # no grants app pages: the section renders nothing
    assert "<dd>1 / 13</dd>" in html


@pytest.mark.django_db
def test_home_shows_new_news_immediately(client, site):
    """Protects: the cached home sections are refreshed when news is published."""
    home = with_sections(site["homes"]["ru"])
    client.get(home.url)
    add_news(site["indexes"]["ru"], "Свежая новость")
    assert "Свежая новость" in client.get(home.url).content.decode()


@pytest.mark.django_db
def test_home_lists_news_in_its_own_language(client, site):
    """Protects: the Kazakh home page shows Kazakh news only."""
    home_kk = with_sections(site["homes"]["kk"])
    add_news(site["indexes"]["kk"], "Қазақша жаңалық")
    add_news(site["indexes"]["ru"], "Русская новость")
    html = client.get(home_kk.url).content.decode()
    assert "Қазақша жаңалық" in html and "Русская новость" not in html
