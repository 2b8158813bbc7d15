"""Home sections, the coverage map and district pages, reading news, calls and the CRM through home/sources.py."""

import re

import pytest

from cms_plugins.crm.models import Organisation
from cms_plugins.demo_images import get_or_create_image
from home import sources
from home.coverage import coverage
from tests.news.conftest import add_district_page, add_news, build_site, district, publish

pytestmark = pytest.mark.django_db
HOME_SECTIONS = [
    ("latest_news", {"title": "", "count": 4, "category": ""}),
    ("coverage_map", {"title": "", "show_table": True}),
    ("programme_figures", {"title": ""}),
    ("open_calls", {"title": "", "count": 3}),
    ("upcoming_trainings", {"title": "", "count": 3}),
]


@pytest.fixture
def site():
    return build_site()


def with_sections(home):
    home.body = HOME_SECTIONS
    return publish(home)


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


def test_missing_domains_are_not_installed_and_pages_still_render(client, site, monkeypatch):
    """Protects sites without news, grants or trainings: an explicit NOT_INSTALLED, and the pages render."""
    for name in ("news", "grant_calls", "trainings"):
        monkeypatch.setitem(sources.SOURCES, name, sources.Source("nosuchapp.Page", "latest"))
    assert sources.source("news").model() is sources.NOT_INSTALLED
    assert sources.source("grant_calls").listing_in(site["locales"]["ru"].pk, 3) == []
    home = with_sections(site["homes"]["ru"])
    page = add_district_page(site["district_indexes"]["ru"], "syrym")
    for url in (home.url, page.url, site["district_indexes"]["ru"].url):
        assert client.get(url).status_code == 200


def test_a_domain_without_its_query_method_fails_loudly(site):
    """Protects against silent gaps: an installed domain that lacks the contract raises, not shows nothing."""
    broken = sources.Source("news.NewsPage", "no_such_listing")
    with pytest.raises(AttributeError):
        broken.listing_in(site["locales"]["ru"].pk, 3)


def test_ngo_counts_from_the_crm_show_on_the_district_page_and_the_map(client, site):
    """Protects: the number of NGOs registered in the CRM shows where the district is described."""
    for name, bin_ in (("ОО «Жас Өркен»", "940140000385"), ("ОФ «Ауыл»", "")):
        Organisation.objects.create(name=name, bin=bin_, district=district("burli"))
    Organisation.objects.create(name="Закрытое", district=district("burli"), status="closed")
    page = add_district_page(site["district_indexes"]["ru"], "burli")
    assert re.search(r"<dd>2</dd>", client.get(page.url).content.decode())
    rows = {row.code: row for row in coverage()}
    assert rows["burli"].organisations == 2 and rows["burli"].level == 1
    assert rows["taskala"].organisations == 0


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


def test_home_sections_render_in_order(client, site):
    """Protects: editors' chosen sections show the latest news first, then the map and figures."""
    home = with_sections(site["homes"]["ru"])
    image = get_or_create_image("Meeting in Aksai", seed=7)
    for number in range(6):
        add_news(
            site["indexes"]["ru"], f"Новость {number}", image=image, districts=["burli"], category="district-meeting"
        )
    html = client.get(home.url).content.decode()
    assert html.index("Новость 5") < html.index("<svg")
    assert html.count('class="news-card"') == 4
    assert 'href="/ru/news/"' in html  # "All news"
    assert 'class="open-calls"' not in html  # no open call: the section renders nothing
    assert "<dd>1 / 13</dd>" in html


def test_home_shows_new_news_immediately(client, site):
    """Protects: the cached home page is renewed when news is published."""
    home = with_sections(site["homes"]["ru"])
    client.get(home.url)
    add_news(site["indexes"]["ru"], "Свежая новость")
    assert "Свежая новость" in client.get(home.url).content.decode()


def test_home_lists_news_in_its_own_language(client, site):
    """Protects: the Kazakh home page shows Kazakh news only."""
    home_kk = with_sections(site["homes"]["kk"])
    add_news(site["indexes"]["kk"], "Қазақша жаңалық")
    add_news(site["indexes"]["ru"], "Русская новость")
    html = client.get(home_kk.url).content.decode()
    assert "Қазақша жаңалық" in html and "Русская новость" not in html
