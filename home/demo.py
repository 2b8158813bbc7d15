"""Demo content of the site itself: the page tree, home with its sections, about, contacts, privacy, districts.

Home's demo runs before the domains' (INSTALLED_APPS order); the sections it places read
news, calls and trainings when they render, so it needs none of them here.
"""

from django.db import transaction
from wagtail.models import Locale, Page, Site

from cms_plugins.demo_images import get_or_create_image
from cms_plugins.locales import translation_of
from cms_plugins.places.models import District

from . import demo_crm
from .demo_data.districts import DISTRICT_INDEX, DISTRICT_INTRO
from .demo_data.pages import HOME, ORGANISATION, SOCIAL, STANDARD_PAGES
from .models import DistrictIndexPage, DistrictPage, HomePage, OrganisationSettings, StandardPage

LANGUAGES = ["ru", "kk", "en"]  # ru first: it is the default and the source


def publish(page):
    page.save_revision().publish()
    return page


# The programme's sections, around the editors' own blocks: news first, the rest last.
SECTIONS_FIRST = [{"type": "latest_news", "value": {"title": "", "count": 4, "category": ""}}]
SECTIONS_LAST = [
    {"type": "coverage_map", "value": {"title": "", "show_table": False}},
    {"type": "programme_figures", "value": {"title": ""}},
    {"type": "open_calls", "value": {"title": "", "count": 3}},
    {"type": "upcoming_trainings", "value": {"title": "", "count": 3}},
]


def home_body(text, about_page):
    faq = [{"question": q, "answer": a} for q, a in text["faq"]]
    return [
        *SECTIONS_FIRST,
        {"type": "rich_text", "value": text["text"]},
        {
            "type": "call_to_action",
            "value": {
                "title": text["cta_title"],
                "text": text["cta_text"],
                "button_label": text["cta_button"],
                "page": about_page.id,
                "link_url": "",
            },
        },
        {"type": "faq", "value": {"title": text["faq_title"], "items": faq}},
        *SECTIONS_LAST,
    ]


def ensure_home():
    """The ru home page at the site root, replacing Wagtail's placeholder page."""
    default = Locale.get_default()
    home = HomePage.objects.filter(locale=default, depth=2).first()
    if home:
        return home
    root = Page.get_first_root_node()
    with transaction.atomic():
        for placeholder in Page.objects.filter(
            depth=2, content_type__model="page", content_type__app_label="wagtailcore"
        ):
            placeholder.delete()
        home = root.add_child(instance=HomePage(title=HOME["ru"]["title"], slug="home", locale=default))
        site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True, hostname="localhost")
        site.root_page = home
        site.site_name = "Auyl"
        site.port = 80
        site.save()
    return home


def ensure_standard_page(parent, slug, language):
    """The page ``slug`` under ``parent`` (ru) or the translation of the ru page."""
    if language == "ru":
        page = StandardPage.objects.child_of(parent).filter(slug=slug).first()
        return page or parent.add_child(instance=StandardPage(title=slug, slug=slug, live=False))
    source = StandardPage.objects.get(slug=slug, locale__language_code="ru")
    return translation_of(source, language).specific


def load(command):
    for language in LANGUAGES:
        Locale.objects.get_or_create(language_code=language)
    hero = get_or_create_image("Степь у села / Ауыл маңындағы дала / Steppe near a village", seed=2019)

    home_ru = ensure_home()
    for language in LANGUAGES:
        home_pk = translation_of(home_ru, language).pk
        for slug, texts in STANDARD_PAGES.items():
            page = ensure_standard_page(home_ru, slug, language)
            page.title, page.intro, body = texts[language]
            page.body = [{"type": "rich_text", "value": body}]
            page.show_in_menus = slug in {"about", "contacts"}
            page.live = True
            publish(page)
            if slug == "about":
                about = page  # links point at the page in the same language, as a translation would
        # Fetched again: adding children changed its tree fields, and a stale copy
        # saved over them would hide its children.
        home = HomePage.objects.get(pk=home_pk)
        text = HOME[language]
        home.title = text["title"]
        home.intro = text["intro"]
        home.hero_image = hero
        home.hero_button_label = text["hero_button_label"]
        home.hero_button_page = about
        home.body = home_body(text, about)
        publish(home)
    district_pages(district_indexes(home_ru))

    demo_crm.load(command)

    privacy = StandardPage.objects.get(slug="privacy", locale=Locale.get_default())
    OrganisationSettings.objects.update_or_create(
        pk=OrganisationSettings.load().pk, defaults={**ORGANISATION, **SOCIAL, "privacy_page": privacy}
    )


def district_indexes(home_ru):
    """The districts index under each language's home page."""
    ru = DistrictIndexPage.objects.child_of(home_ru).first()
    pages = {}
    for language in LANGUAGES:
        title, intro = DISTRICT_INDEX[language]
        home = translation_of(home_ru, language)
        page = (
            ru
            if language == "ru"
            else DistrictIndexPage.objects.filter(translation_key=ru.translation_key, locale=home.locale).first()
        )
        if page is None:
            page = DistrictIndexPage(title=title, slug=DISTRICT_INDEX["slug"], locale=home.locale)
            if language != "ru":
                page.translation_key = ru.translation_key
            home.add_child(instance=page)
        page.title, page.intro, page.show_in_menus = title, intro, True
        pages[language] = publish(page)
        if language == "ru":
            ru = page
    return pages


def district_pages(indexes):
    """One page per district in each language, tied to the ru page."""
    for district_ru in District.objects.filter(locale=indexes["ru"].locale).in_order():
        ru = None
        for language in LANGUAGES:
            index = indexes[language]
            district = District.objects.get(code=district_ru.code, locale=index.locale)
            page = DistrictPage.objects.filter(district__code=district.code, locale=index.locale).first()
            if page is None:
                page = DistrictPage(title=district.name, slug=district.code, district=district, locale=index.locale)
                if language != "ru":
                    page.translation_key = ru.translation_key
                index.add_child(instance=page)
            page.title = district.name
            page.intro = DISTRICT_INTRO[language].format(name=district.name, centre=district.centre)
            publish(page)
            if language == "ru":
                ru = page
