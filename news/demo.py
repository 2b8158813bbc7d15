"""Demo news and district-meeting reports in kk, ru and en, under the site's home page.

Idempotent: pages are found by slug (and translation key) and updated, never
duplicated. The texts live in ``demo_data/news.py``. The home page (and the district
pages the reports link to) are home's demo, which runs first; news finds the home page
as the default site's root, without importing home.
"""

import datetime

from django.core.management.base import CommandError
from django.utils import timezone
from wagtail.models import Locale, Site

from cms_plugins.demo_images import get_or_create_image
from cms_plugins.locales import translation_of
from cms_plugins.places.models import District

from .demo_data.news import AUTHOR, NEWS, NEWS_INDEX, TOPICS
from .models import NewsIndexPage, NewsPage

LANGS = ("ru", "kk", "en")


def load(command):
    for code in LANGS:
        Locale.objects.get_or_create(language_code=code)
    indexes = ensure_indexes(site_roots())
    today = timezone.localdate()
    for number, (slug, category, codes, days_ago, meeting, texts) in enumerate(NEWS):
        image = get_or_create_image(f"Demo: {texts['en'][0]}", seed=100 + number)
        ru = _news_page(indexes["ru"], slug, category, codes, today, days_ago, meeting, texts, "ru", image, number)
        for lang in ("kk", "en"):
            _news_page(indexes[lang], slug, category, codes, today, days_ago, meeting, texts, lang, image, number, ru)
    command.stdout.write(f"news: {len(NEWS)} items in {len(LANGS)} languages")


def _publish(page):
    page.save_revision().publish()
    return page


def site_roots():
    """The default site's root page in each language (home's demo builds it)."""
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None or site.root_page.depth < 2:
        raise CommandError("The news demo needs the site's home page: run the home app's demo first.")
    return {lang: translation_of(site.root_page, lang) for lang in LANGS}


def ensure_indexes(roots):
    """The news index under each language's root page, translations tied by translation key."""
    ru = NewsIndexPage.objects.child_of(roots["ru"]).first()
    pages = {}
    for lang in LANGS:
        title, intro = NEWS_INDEX[lang]
        if lang == "ru":
            page = ru
        else:
            page = NewsIndexPage.objects.filter(translation_key=ru.translation_key, locale=roots[lang].locale).first()
        if page is None:
            page = NewsIndexPage(title=title, slug=NEWS_INDEX["slug"], locale=roots[lang].locale)
            if lang != "ru":
                page.translation_key = ru.translation_key
            roots[lang].add_child(instance=page)
        page.title, page.intro, page.show_in_menus = title, intro, True
        pages[lang] = _publish(page)
        if lang == "ru":
            ru = page
    return pages


def _news_page(index, slug, category, codes, today, days_ago, meeting, texts, lang, image, number, source=None):
    title, lead, paragraph = texts[lang]
    page = NewsPage.objects.child_of(index).filter(slug=slug).first()
    if page is None:
        page = NewsPage(slug=slug, locale=index.locale)
        if source is not None:
            page.translation_key = source.translation_key
        page.title, page.lead = title, lead
        index.add_child(instance=page)
        page = NewsPage.objects.get(pk=page.pk)
    page.title, page.lead = title, lead
    page.date = today - datetime.timedelta(days=days_ago)
    page.category = category
    page.cover_image = image
    page.cover_alt = title
    page.author_name = AUTHOR[lang]
    page.body = [("rich_text", f"<p>{paragraph}</p>")]
    if meeting:
        meeting_days, participants, villages = meeting
        page.meeting_date = today - datetime.timedelta(days=meeting_days)
        page.participants = participants
        page.villages = [("village", name.strip()) for name in villages.split(",")]
        page.topics = [("topic", topic) for topic in TOPICS[lang].splitlines()]
        if number < 2:
            photo = get_or_create_image(f"Demo: meeting photo {number}", seed=300 + number)
            page.gallery = [("image", {"image": photo, "alt": title, "decorative": False, "caption": ""})]
    page.districts.set(list(District.objects.filter(code__in=codes, locale__language_code="ru")))
    page.tags.set(["demo", category])
    _publish(page)
    return page
