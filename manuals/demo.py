"""Demo manuals in kk, ru and en and the library page under each language's home page.

Idempotent: documents are found by title, manuals by translation key and locale, the
library by slug; a second run updates texts and never duplicates. Home's demo (the
page tree) runs first; the library hangs under the default site's root page.
"""

import uuid

from django.core.files.base import ContentFile
from django.core.management.base import CommandError
from wagtail.documents import get_document_model
from wagtail.models import Locale, Site

from cms_plugins.demo_images import get_or_create_image
from cms_plugins.locales import translation_of

from .demo_data.manuals import LIBRARY, MANUALS
from .demo_files import pdf_bytes, xlsx_bytes
from .models import Manual, ManualLibraryPage

LANGS = ("ru", "kk", "en")
# Fixed translation keys: the same demo manual is found again on every run.
NAMESPACE = uuid.UUID("6f1c6b0e-3a51-4c44-9d0e-2f7a0c5e1a14")


def load(command):
    locales = {code: Locale.objects.get_or_create(language_code=code)[0] for code in LANGS}
    ensure_library(site_roots())
    count = 0
    for number, (slug, category, kind, texts) in enumerate(MANUALS):
        cover = get_or_create_image(f"Demo cover: {texts['en'][0]}", seed=300 + number)
        key = uuid.uuid5(NAMESPACE, slug)
        for lang in LANGS:
            title, summary, _lines = texts[lang]
            document = demo_document(slug, lang, kind, texts)
            Manual.objects.update_or_create(
                translation_key=key,
                locale=locales[lang],
                defaults={
                    "title": title,
                    "summary": summary,
                    "category": category,
                    "document": document,
                    "cover_image": cover,
                },
            )
            count += 1
    command.stdout.write(f"manuals: {count} files in {len(LANGS)} languages")


def demo_document(slug, lang, kind, texts):
    Document = get_document_model()
    title = f"Demo manual: {slug} ({lang})"
    document = Document.objects.filter(title=title).first()
    if document is not None:
        return document
    name, _summary, lines = texts[lang]
    if kind == "xlsx":
        content = xlsx_bytes(name, lines)
    else:
        content = pdf_bytes(name, lines, texts["en"][0], texts["en"][2], seed=len(slug))
    document = Document(title=title)
    document.file.save(f"{slug}-{lang}.{kind}", ContentFile(content), save=False)
    document.file_size = len(content)
    document.save()
    return document


def site_roots():
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None or site.root_page.depth < 2:
        raise CommandError("The manuals demo needs the site's home page: run the home app's demo first.")
    return {lang: translation_of(site.root_page, lang) for lang in LANGS}


def ensure_library(roots):
    """The library page under each language's home, translations tied by translation key."""
    source = None
    for lang in LANGS:
        title, intro = LIBRARY[lang]
        page = ManualLibraryPage.objects.child_of(roots[lang]).first()
        if page is None:
            page = ManualLibraryPage(slug=LIBRARY["slug"], locale=roots[lang].locale, title=title)
            if source is not None:
                page.translation_key = source.translation_key
            roots[lang].add_child(instance=page)
        page.title, page.intro, page.show_in_menus = title, intro, True
        page.save_revision().publish()
        source = source or page
