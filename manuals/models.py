"""Methodological manuals and document templates, and the public library that lists them.

A ``Manual`` is a row per language (Wagtail's ``TranslatableMixin``: its locale is
the manual's language, and the Kazakh, Russian and English versions of one manual
share a ``translation_key``). The file itself is a Wagtail document, so collections,
privacy and the documents' admin apply to it unchanged. Downloads are counted by a
redirecting view (``views.download``), never by the document's own URL.
"""

from django.conf import settings
from django.core.paginator import Paginator
from django.db import models
from django.db.models import Case, F, Prefetch, When
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.images import get_image_model
from wagtail.models import Page, TranslatableMixin
from wagtail.search import index

from cms_plugins.restrictions import OneQueryViewRestrictionsMixin

LIBRARY_PAGE_SIZE = 24
SEARCH_MAX_LENGTH = 100
# The one rendition a library card shows (prefetched with the list).
COVER_FILTER = "fill-120x170|format-webp"


def fold(text):
    """Text for matching: case-folded, spaces squeezed (ё and е kept apart: they are different letters)."""
    return " ".join(str(text or "").casefold().split())


class Category(models.TextChoices):
    MANUAL = "manual", _("Methodological manual")
    TEMPLATE = "template", _("Document template")
    CHECKLIST = "checklist", _("Checklist")
    PRESENTATION = "presentation", _("Training slides")


class ManualQuerySet(models.QuerySet):
    def in_category(self, category):
        return self.filter(category=category)

    def in_language(self, language_code):
        return self.filter(locale__language_code=language_code)

    def matching(self, text):
        """Title or summary containing ``text`` in any case, Cyrillic included: one query, any database
        (SQLite's own case folding knows only Latin letters, so the row keeps a folded copy)."""
        text = fold(text)[:SEARCH_MAX_LENGTH]
        if not text:
            return self
        return self.filter(search_text__contains=text)

    def for_listing(self):
        """What a library card needs (document, language, cover rendition) in a constant number of queries."""
        renditions = get_image_model().get_rendition_model().objects.filter(filter_spec=COVER_FILTER)
        return self.select_related("document", "locale", "cover_image").prefetch_related(
            Prefetch("cover_image__renditions", queryset=renditions, to_attr="prefetched_renditions")
        )


class Manual(TranslatableMixin, models.Model):
    """One manual or template in one language; its translations share its ``translation_key``."""

    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(
        _("summary"), max_length=600, help_text=_("Two or three sentences: who it is for and what it helps with.")
    )
    category = models.CharField(_("category"), max_length=20, choices=Category.choices, default=Category.MANUAL)
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("file"),
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("The file readers download (PDF, Word, Excel)."),
    )
    cover_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("cover"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Optional: the manual's cover, shown small beside its title."),
    )
    downloads = models.PositiveBigIntegerField(_("downloads"), default=0, editable=False)
    # title and summary case-folded, for search (see ManualQuerySet.matching)
    search_text = models.TextField(blank=True, editable=False)
    created_at = models.DateTimeField(_("added"), auto_now_add=True)

    objects = ManualQuerySet.as_manager()

    panels = [
        FieldPanel("title"),
        FieldPanel("summary"),
        FieldPanel("category"),
        FieldPanel("document"),
        FieldPanel("cover_image"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("manual")
        verbose_name_plural = _("manuals")
        ordering = ["title"]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.search_text = fold(f"{self.title}\n{self.summary}")
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "search_text"}
        super().save(*args, **kwargs)

    @property
    def language_name(self):
        return language_name(self.locale.language_code)

    @property
    def file_kind(self):
        return (self.document.file_extension or "").upper()

    @classmethod
    def count_download(cls, manual_id):
        """Add one download, atomically in the database (safe with many processes)."""
        return bool(cls.objects.filter(pk=manual_id).update(downloads=F("downloads") + 1))


def language_name(code):
    """A language's name in itself, as the language switcher writes it (settings.LANGUAGES)."""
    return dict(settings.LANGUAGES).get(code) or get_language_info(code)["name_local"]


def language_options():
    """[(code, name in its own language)] of the content languages."""
    return [(code, language_name(code)) for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]


class ManualLibraryPage(OneQueryViewRestrictionsMixin, Page):
    """The public library: every manual in every language, with filters and search."""

    intro = models.TextField(_("introduction"), max_length=400, blank=True, help_text=_("Shown above the list."))

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("manuals library")
        verbose_name_plural = _("manuals libraries")

    def active_filters(self, request):
        """The filters in the query string, keeping only valid values (bad ones are ignored)."""
        wanted = {}
        if request.GET.get("category") in Category.values:
            wanted["category"] = request.GET["category"]
        if request.GET.get("language") in dict(settings.WAGTAIL_CONTENT_LANGUAGES):
            wanted["language"] = request.GET["language"]
        query = (request.GET.get("q") or "").strip()[:SEARCH_MAX_LENGTH]
        if query:
            wanted["q"] = query
        return wanted

    def listing(self, request, filters):
        manuals = Manual.objects.all()
        if "category" in filters:
            manuals = manuals.in_category(filters["category"])
        if "language" in filters:
            manuals = manuals.in_language(filters["language"])
        manuals = manuals.matching(filters.get("q"))
        # the reader's own language first, then the others, each by title
        manuals = manuals.order_by(Case(When(locale_id=self.locale_id, then=0), default=1), "title", "pk")
        page = Paginator(manuals.for_listing(), LIBRARY_PAGE_SIZE).get_page(request.GET.get("page"))
        attach_translations(page.object_list)
        return page

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        filters = self.active_filters(request)
        context["filters"] = filters
        # "&" and "=" inside a search would split the pagination's query string
        context["filter_query"] = "&".join(
            f"{k}={str(v).replace('&', ' ').replace('=', ' ')}" for k, v in filters.items()
        )
        context["manuals"] = SimpleLazyObject(lambda: self.listing(request, filters))
        context["options"] = {"categories": Category.choices, "languages": language_options()}
        return context


def attach_translations(manuals):
    """Give each manual ``other_languages``: its translations (id, language name), in one query."""
    manuals = list(manuals)
    keys = {manual.translation_key for manual in manuals}
    siblings = {}
    if keys:
        rows = Manual.objects.filter(translation_key__in=keys).values_list(
            "pk", "translation_key", "locale__language_code"
        )
        for pk, key, code in rows:
            siblings.setdefault(key, []).append((pk, code))
    for manual in manuals:
        manual.other_languages = [
            {"id": pk, "code": code, "name": language_name(code)}
            for pk, code in sorted(siblings.get(manual.translation_key, []), key=lambda item: item[1])
            if pk != manual.pk
        ]
    return manuals
