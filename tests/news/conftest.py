import datetime

import pytest
from django.core.cache import cache
from wagtail.models import Locale, Page, Site

from cms_plugins.demo_images import get_or_create_image
from cms_plugins.places.models import District
from home.models import DistrictIndexPage, DistrictPage, HomePage
from news.models import Category, NewsIndexPage, NewsPage


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Cached fragments and map data of one test never leak into another."""
    cache.clear()
    yield
    cache.clear()


def publish(page):
    page.save_revision().publish()
    return page


def build_site():
    """A ru home page (the default site) with kk and en translations, a news index and a district index each."""
    locales = {code: Locale.objects.get(language_code=code) for code in ("ru", "kk", "en")}
    root = Page.get_first_root_node()
    Page.objects.filter(depth=2, slug="home", content_type__model="page").delete()
    home = root.add_child(instance=HomePage(title="Главная", slug="home", locale=locales["ru"]))
    Site.objects.update_or_create(is_default_site=True, defaults={"root_page": home, "hostname": "localhost"})
    homes = {"ru": home}
    for code in ("kk", "en"):
        homes[code] = publish(home.copy_for_translation(locales[code]))
    indexes, district_indexes = {}, {}
    for code in ("ru", "kk", "en"):
        parent = homes[code]
        index = NewsIndexPage(title=f"News {code}", slug="news", locale=locales[code])
        dindex = DistrictIndexPage(title=f"Districts {code}", slug="districts", locale=locales[code])
        if code != "ru":
            index.translation_key = indexes["ru"].translation_key
            dindex.translation_key = district_indexes["ru"].translation_key
        indexes[code] = parent.add_child(instance=index)
        district_indexes[code] = parent.add_child(instance=dindex)
    return {"locales": locales, "homes": homes, "indexes": indexes, "district_indexes": district_indexes}


def district(code, language="ru"):
    return District.objects.get(code=code, locale__language_code=language)


def add_news(index, title, *, category=Category.PROGRAMME, districts=(), date=None, image=None, live=True, **fields):
    page = NewsPage(
        title=title,
        lead=f"Lead of {title}",
        date=date or datetime.date(2026, 5, 1),
        category=category,
        locale=index.locale,
        cover_image=image,
        cover_alt="Villagers at a meeting" if image else "",
        **fields,
    )
    index.add_child(instance=page)
    page.districts.set([district(code) for code in districts])
    revision = page.save_revision()
    if live:
        revision.publish()
    else:
        page.live = False
        page.save(update_fields=["live"])
    return NewsPage.objects.get(pk=page.pk)


def add_district_page(district_index, code, language="ru"):
    d = district(code, language)
    page = district_index.add_child(instance=DistrictPage(title=d.name, slug=code, district=d, locale=d.locale))
    return publish(page)


@pytest.fixture
def site(db):
    return build_site()


@pytest.fixture
def image(db):
    return get_or_create_image("Meeting in Aksai", seed=7)
