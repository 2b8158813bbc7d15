"""Translations of pages without the extra queries of ``Page.localized``.

``Page.localized`` looks the active Locale up in the database every time. Locales
are configuration (a new language needs a deploy), so their ids are remembered per
process; the translation itself is then one query, or none when the page is already
in the active language.
"""

from django.utils import translation
from wagtail.models import Locale, Page

_locale_ids = {}


def active_locale_id():
    language = translation.get_language() or Locale.get_default().language_code
    if language not in _locale_ids:
        _locale_ids[language] = Locale.get_active().pk
    return _locale_ids[language]


def forget_locales(**kwargs):
    """Connected to Locale saves and deletes so tests and admins never see stale ids."""
    _locale_ids.clear()


def localized(page):
    """The page's live translation in the active language, else the page itself."""
    if page is None:
        return None
    locale_id = active_locale_id()
    if page.locale_id == locale_id:
        return page
    translated = Page.objects.live().filter(translation_key=page.translation_key, locale_id=locale_id).first()
    return translated or page


def localized_by_id(page_id):
    """A page chosen by id, in the active language: one query."""
    if not page_id:
        return None
    locale_id = active_locale_id()
    key = Page.objects.filter(pk=page_id).values("translation_key")[:1]
    pages = {p.locale_id: p for p in Page.objects.live().filter(translation_key__in=key)}
    # fall back to the chosen page when it has no translation in this language
    return pages.get(locale_id) or next((p for p in pages.values() if p.pk == page_id), None)


def translation_of(page, language):
    """The page's translation in ``language`` (specific), made as a copy when missing.

    For scripts such as demo loaders; editors translate through wagtail-localize.
    """
    if page.locale.language_code == language:
        return page.specific
    locale = Locale.objects.get(language_code=language)
    return (page.get_translation_or_none(locale) or page.copy_for_translation(locale)).specific
