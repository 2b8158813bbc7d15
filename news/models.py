"""News items and district-meeting reports, and the index that lists them.

Other apps read news only through ``NewsPage.objects`` (a ``NewsPageQuerySet``), on
Wagtail's ``live().public()``: ``latest()``, ``in_district(code)``, ``in_category(c)``,
``meetings()``, ``meeting_count_for(code)``, ``latest_and_meetings(n)`` and
``for_listing()`` (what a list of cards needs, in a constant number of queries). Home
finds this model through its registry (``home/sources.py``); news imports nothing of home.
"""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.core.paginator import Page as PaginatedList
from django.core.paginator import Paginator
from django.db import IntegrityError, models, transaction
from django.db.models import Count, Exists, F, OuterRef, Prefetch, Q, Subquery, Value, Window
from django.db.models.functions import Cast, Coalesce, Concat
from django.http import Http404
from django.utils import timezone
from django.utils.functional import SimpleLazyObject, cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail import blocks
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.models import Orderable, Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from cms_plugins.blocks.blocks import BaseContentBlock, ImageBlock
from cms_plugins.pagecache import ServeCacheMixin
from cms_plugins.places.models import District
from cms_plugins.places.pages import district_page_urls, districts_by_code
from cms_plugins.restrictions import OneQueryViewRestrictionsMixin, PublicPagesQuerySetMixin
from cms_plugins.review import ReviewedPublishingMixin

NEWS_PAGE_SIZE = 12
# Renditions a news card uses; prefetched with the list so rendering costs no query.
# (The {% picture %} tag names them format first.)
# The cover on the news page itself, and its sharing picture.
PAGE_FILTERS = [
    *(f"format-{fmt}|fill-{size}" for size in ("480x270", "800x450", "1200x675") for fmt in ("webp", "jpeg")),
    "fill-1200x630|format-jpeg",
]
CARD_FILTERS = [f"format-{fmt}|fill-{size}" for size in ("360x203", "720x405") for fmt in ("webp", "jpeg")]


class Category(models.TextChoices):
    DISTRICT_MEETING = "district-meeting", _("District meeting")
    PROGRAMME = "programme", _("Programme news")
    GRANTS = "grants", _("Grants")
    TRAININGS = "trainings", _("Trainings")
    ANNOUNCEMENT = "announcement", _("Announcement")


class JoinedText(models.Aggregate):
    """The texts of the rows aggregated, one a line (``DISTRICT_RECORD``): lets a list of cards bring
    each item's districts, named in the item's language, in its own query instead of a prefetch
    query or a lookup of every district. String aggregation has a different name on each database."""

    function = "STRING_AGG"  # PostgreSQL
    template = "%(function)s(%(expressions)s, CHR(10))"
    output_field = models.TextField()

    def as_sqlite(self, compiler, connection, **extra_context):
        return self.as_sql(
            compiler,
            connection,
            function="GROUP_CONCAT",
            template="%(function)s(%(expressions)s, CHAR(10))",
            **extra_context,
        )


# One district in JoinedText: its order, code and name, tab-separated (names hold no tab or line break).
DISTRICT_FIELDS = ("sort_order", "code", "name")


class NewsPageQuerySet(PublicPagesQuerySetMixin, PageQuerySet):
    def latest(self):
        return self.order_by("-date", "-pk")

    def in_district(self, code):
        """News about a district, by its stable code (the same in every language)."""
        return self.filter(pk__in=NewsPage.districts.through.objects.filter(district__code=code).values("newspage_id"))

    def in_category(self, category):
        return self.filter(category=category)

    def in_year(self, year):
        return self.filter(date__year=year)

    def meetings(self):
        return self.filter(category=Category.DISTRICT_MEETING)

    def for_listing(self):
        """What a list of cards needs (image renditions, districts), in a constant number of queries."""
        # The image comes with the page (a join); its renditions as Wagtail's
        # prefetch_renditions() would fetch them, in one query for the whole list.
        renditions = get_image_model().get_rendition_model().objects.filter(filter_spec__in=CARD_FILTERS)
        # The districts come with each item, named in the item's language (translations share
        # district rows, linked in the source language): a correlated subquery rather than a
        # prefetch query or a lookup of every district. This keeps the lists within 12 queries.
        linked_codes = NewsPage.districts.through.objects.filter(newspage=OuterRef(OuterRef("pk"))).values(
            "district__code"
        )
        parts = []
        for field in DISTRICT_FIELDS:
            parts += [Cast(field, models.TextField()), Value("\t")]
        districts = (
            District.objects.filter(locale_id=OuterRef("locale_id"), code__in=linked_codes)
            .order_by()
            .values("locale_id")
            .annotate(records=JoinedText(Concat(*parts[:-1], output_field=models.TextField())))
            .values("records")
        )
        # Body and gallery are heavy and unused on a card; the meeting facts (villages,
        # topics) are short lists a district page shows and `is_meeting` reads, so they
        # come with the row rather than in a query per card.
        return (
            self.defer("body", "gallery")
            .select_related("locale", "cover_image")
            .prefetch_related(Prefetch("cover_image__renditions", queryset=renditions, to_attr="prefetched_renditions"))
            .annotate(district_records=Subquery(districts))
        )

    def latest_and_meetings(self, count):
        """(the ``count`` latest items as cards, every meeting report) in one list query:
        the union of both, newest first, loaded for cards (a district page shows both)."""
        newest = self.latest().values("pk")[:count]
        pages = list(self.filter(Q(pk__in=newest) | Q(category=Category.DISTRICT_MEETING)).latest().for_listing())
        return pages[:count], [page for page in pages if page.is_meeting]

    def for_reading(self):
        """What a news page shows, loaded with it: language, cover with its renditions,
        districts, tags and the view count (a constant number of queries)."""
        renditions = get_image_model().get_rendition_model().objects.filter(filter_spec__in=PAGE_FILTERS)
        views = PageViewCount.objects.filter(page_id=OuterRef("pk")).values("views")[:1]
        return (
            self.select_related("locale", "cover_image")
            .prefetch_related(
                Prefetch("cover_image__renditions", queryset=renditions, to_attr="prefetched_renditions"), "districts"
            )
            .annotate(
                view_total=Coalesce(Subquery(views), 0),
                # tags and related news are read only when there are some
                has_tags=Exists(NewsPageTag.objects.filter(content_object=OuterRef("pk"))),
                has_related=Exists(NewsPageRelated.objects.filter(page=OuterRef("pk"))),
            )
        )

    def meeting_count_for(self, district_code):
        """An expression to annotate districts with: meetings of this queryset reported in the
        district ``district_code`` (e.g. ``OuterRef("code")``), each counted once whatever its translations."""
        rows = (
            NewsPage.districts.through.objects.filter(newspage__in=self.meetings(), district__code=district_code)
            .values("district__code")
            .annotate(n=Count("newspage__translation_key", distinct=True))
            .values("n")
        )
        return Coalesce(Subquery(rows[:1]), 0)


NewsPageManager = PageManager.from_queryset(NewsPageQuerySet)


def page_of(news, number):
    """Page ``number`` of ``news`` with the total counted in the same query (a window
    function) rather than in a query of its own; a page past the end shows the last one."""
    try:
        number = max(int(number), 1)
    except (TypeError, ValueError):
        number = 1
    start = (number - 1) * NEWS_PAGE_SIZE
    items = list(news.annotate(total=Window(Count("pk")))[start : start + NEWS_PAGE_SIZE])
    paginator = Paginator(news, NEWS_PAGE_SIZE)
    if not items and number > 1:  # past the end: Django's paginator counts and finds the last page
        return paginator.get_page(number)
    paginator.count = items[0].total if items else 0  # what Paginator.count would have queried
    return PaginatedList(items, number, paginator)


class NewsIndexPage(ReviewedPublishingMixin, OneQueryViewRestrictionsMixin, ServeCacheMixin, RoutablePageMixin, Page):
    """The news list of one language, with filters and the feed."""

    intro = models.TextField(_("introduction"), max_length=400, blank=True, help_text=_("Shown above the list."))

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["news.NewsPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("news index")
        verbose_name_plural = _("news indexes")

    def news(self):
        return NewsPage.objects.live().public().child_of(self)

    def filter_options(self):
        """The districts, categories and years a visitor can narrow the list to."""
        districts = districts_by_code(self.locale_id).values()
        years = [d.year for d in self.news().dates("date", "year", order="DESC")]
        return {"districts": districts, "categories": Category.choices, "years": years}

    def active_filters(self, request):
        """The filters in the query string, keeping only valid values (bad ones are ignored)."""
        wanted = {}
        code = request.GET.get("district", "")
        if code and code in districts_by_code(self.locale_id):
            wanted["district"] = code
        if request.GET.get("category") in Category.values:
            wanted["category"] = request.GET["category"]
        year = request.GET.get("year", "")
        if year.isdigit() and 2000 <= int(year) <= 2100:
            wanted["year"] = int(year)
        return wanted

    def listing(self, request, filters):
        news = self.news()
        if "district" in filters:
            news = news.in_district(filters["district"])
        if "category" in filters:
            news = news.in_category(filters["category"])
        if "year" in filters:
            news = news.in_year(filters["year"])
        return page_of(news.latest().for_listing(), request.GET.get("page"))

    def route(self, request, path_components):
        """A news item in one query rather than Wagtail's two."""
        if len(path_components) == 1 and path_components[0] != "feed":
            item = NewsPage.objects.child_of(self).filter(slug=path_components[0]).for_reading().first()
            if item is None:
                raise Http404
            item.routed_parent = self  # breadcrumbs without a query (cms_plugins.routing)
            return item.route(request, [])
        return super().route(request, path_components)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        filters = self.active_filters(request)
        context["filters"] = filters
        context["filter_query"] = "&".join(f"{key}={value}" for key, value in filters.items())
        # Lazy: evaluated only when the cached fragment is rendered anew.
        context["news_page"] = SimpleLazyObject(lambda: self.listing(request, filters))
        context["options"] = SimpleLazyObject(self.filter_options)
        return context

    @path("")
    def index_view(self, request):
        return self.render(request)

    @path("feed/", name="feed")
    def feed_view(self, request):
        from .feeds import news_feed_response

        return news_feed_response(self, request)


class NewsPageTag(TaggedItemBase):
    content_object = ParentalKey("news.NewsPage", related_name="tagged_items", on_delete=models.CASCADE)


# The fields that make a news item a district-meeting report when any of them is filled.
MEETING_FIELDS = ("meeting_date", "villages", "participants", "topics")


def _filled(value):
    """Given: a number (even 0), a date, a non-empty text or list."""
    return value is not None and (not hasattr(value, "__len__") or len(value) > 0)


class NewsPageForm(WagtailAdminPageForm):
    """A district-meeting report must say when and where the meeting was."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "districts" in self.fields:
            locale = getattr(self.instance, "locale", None) or getattr(self.parent_page, "locale", None)
            districts = District.objects.in_order()
            if locale is not None and districts.filter(locale=locale).exists():
                districts = districts.filter(locale=locale)
            self.fields["districts"].queryset = districts

    def clean(self):
        cleaned = super().clean()
        # Filling the meeting's facts makes the news a district-meeting report (as the README
        # promises): the category follows, and the facts it needs are asked for below.
        if any(_filled(cleaned.get(name)) for name in MEETING_FIELDS):
            cleaned["category"] = Category.DISTRICT_MEETING
            self.instance.category = Category.DISTRICT_MEETING
        if cleaned.get("category") == Category.DISTRICT_MEETING:
            if not cleaned.get("meeting_date"):
                self.add_error("meeting_date", _("A district-meeting report needs the date of the meeting."))
            if not cleaned.get("districts"):
                self.add_error("districts", _("Choose the district (or districts) where the meeting was held."))
        return cleaned


class NewsPage(ReviewedPublishingMixin, OneQueryViewRestrictionsMixin, ServeCacheMixin, Page):
    """A news item; a district-meeting report is one with the meeting's details filled in."""

    date = models.DateField(
        _("publication date"), default=timezone.localdate, help_text=_("Shown on the page and used for ordering.")
    )
    lead = models.TextField(
        _("lead"), max_length=400, help_text=_("One or two sentences: shown under the title, in lists and feeds.")
    )
    body = StreamField(BaseContentBlock(), verbose_name=_("body"), blank=True)
    cover_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("cover image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown at the top, in lists and when the link is shared."),
    )
    cover_alt = models.CharField(
        _("cover image description"),
        max_length=250,
        blank=True,
        help_text=_("What the photo shows, for people who cannot see it. Required with a cover image."),
    )
    gallery = StreamField(
        [("image", ImageBlock())],
        verbose_name=_("photo gallery"),
        blank=True,
        help_text=_("More photos, shown after the text."),
    )
    category = models.CharField(
        _("category"), max_length=32, choices=Category.choices, default=Category.PROGRAMME, db_index=True
    )
    districts = ParentalManyToManyField(
        "places.District",
        verbose_name=_("districts"),
        blank=True,
        related_name="news_pages",
        help_text=_("The districts this news is about."),
    )
    tags = ClusterTaggableManager(through=NewsPageTag, verbose_name=_("tags"), blank=True)
    author_name = models.CharField(
        _("author"), max_length=120, blank=True, help_text=_("The byline, e.g. the reporter's name.")
    )
    source_name = models.CharField(
        _("original source"), max_length=160, blank=True, help_text=_("If this news was first published elsewhere.")
    )
    source_url = models.URLField(_("link to the source"), blank=True)

    meeting_date = models.DateField(_("meeting date"), null=True, blank=True)
    # Lists, not text with one item a line: each village and topic is its own segment in
    # wagtail-localize's editor, which cannot keep line breaks inside a segment.
    villages = StreamField(
        [("village", blocks.CharBlock(label=_("village"), max_length=120))],
        verbose_name=_("villages"),
        blank=True,
        help_text=_("Villages whose residents took part, one village an item."),
    )
    participants = models.PositiveIntegerField(_("number of participants"), null=True, blank=True)
    topics = StreamField(
        [("topic", blocks.CharBlock(label=_("topic"), max_length=200))],
        verbose_name=_("topics discussed"),
        blank=True,
        help_text=_("One topic an item, e.g. founding an NGO, writing a project."),
    )

    objects = NewsPageManager()
    base_form_class = NewsPageForm

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("date"), FieldPanel("category")]),
        FieldPanel("lead"),
        MultiFieldPanel([FieldPanel("cover_image"), FieldPanel("cover_alt")], heading=_("Cover")),
        FieldPanel("body"),
        FieldPanel("gallery"),
        FieldPanel("districts", widget=forms.CheckboxSelectMultiple),
        MultiFieldPanel(
            [
                FieldPanel("meeting_date"),
                FieldPanel("villages"),
                FieldPanel("participants"),
                FieldPanel("topics"),
            ],
            heading=_("District meeting"),
            help_text=_(
                "Fill in for a report on a district meeting: the category then becomes "
                "“District meeting”, and the date and the districts are required."
            ),
        ),
        MultiFieldPanel(
            [FieldPanel("author_name"), FieldPanel("source_name"), FieldPanel("source_url"), FieldPanel("tags")],
            heading=_("Byline, source and tags"),
        ),
        InlinePanel("related_links", label=_("Related news"), max_num=4),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("lead"),
        index.SearchField("body"),
        index.SearchField("villages"),
        index.SearchField("topics"),
        index.FilterField("date"),
        index.FilterField("category"),
    ]

    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("news item")
        verbose_name_plural = _("news items")

    def clean(self):
        super().clean()
        if self.cover_image_id and not self.cover_alt.strip():
            raise ValidationError({"cover_alt": _("Describe the cover photo for people who cannot see it.")})
        if self.meeting_date and self.meeting_date > timezone.localdate() + datetime.timedelta(days=1):
            raise ValidationError({"meeting_date": _("A report is about a meeting that has taken place.")})

    @property
    def is_meeting(self):
        """A report on a meeting: so categorised, or with any of the meeting's facts filled."""
        if self.category == Category.DISTRICT_MEETING:
            return True
        return any(_filled(getattr(self, name)) for name in MEETING_FIELDS)

    def topic_list(self):
        return [str(block.value).strip() for block in self.topics if str(block.value).strip()]

    def village_list(self):
        return [str(block.value).strip() for block in self.villages if str(block.value).strip()]

    @cached_property
    def local_districts(self):
        """The page's districts named in the page's own language (translations share district rows)."""
        records = getattr(self, "district_records", False)  # loaded with a listing: for_listing()
        if records is not False:
            rows = [dict(zip(DISTRICT_FIELDS, line.split("\t"), strict=True)) for line in (records or "").splitlines()]
            rows.sort(key=lambda row: (int(row["sort_order"]), row["name"]))  # the districts' order
            return [District(code=row["code"], name=row["name"], locale_id=self.locale_id) for row in rows]
        districts = list(self.districts.all())
        if not districts or all(district.locale_id == self.locale_id for district in districts):
            return districts
        names = districts_by_code(self.locale_id)
        return [names.get(district.code, district) for district in districts]

    def tag_list(self):
        """The page's tags (no query when it was loaded knowing it has none: ``for_reading()``)."""
        return list(self.tags.all()) if getattr(self, "has_tags", True) else []

    def related_news(self):
        """Live related items in the page's language (translations keep the source's choices)."""
        if not getattr(self, "has_related", True):  # loaded by for_reading(): none chosen
            return NewsPage.objects.none()
        keys = self.related_links.values("related__translation_key")
        return NewsPage.objects.live().public().filter(translation_key__in=keys, locale_id=self.locale_id).latest()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        url = self.get_url(request) or "/"
        context["index_url"] = url[: url.rstrip("/").rfind("/") + 1]
        context["feed_url"] = context["index_url"] + "feed/"
        views = getattr(self, "view_total", None)  # loaded with the page when it was routed
        context["views"] = PageViewCount.views_of(self.pk) if views is None else views
        # The counting image is left out of previews and of pages editors look at.
        context["count_views"] = not getattr(request, "is_preview", False) and self.live
        context["district_urls"] = SimpleLazyObject(lambda: district_page_urls(request))  # meetings only
        return context

    def get_sitemap_urls(self, request=None):
        return [
            {
                "location": self.get_full_url(request),
                "lastmod": self.last_published_at or self.latest_revision_created_at,
            }
        ]


class NewsPageRelated(Orderable):
    page = ParentalKey(NewsPage, related_name="related_links", on_delete=models.CASCADE)
    related = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("news item"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [PageChooserPanel("related", page_type="news.NewsPage")]

    class Meta(Orderable.Meta):
        verbose_name = _("related news")
        verbose_name_plural = _("related news")


class PageViewCount(models.Model):
    """How many times a page was read. Kept outside the page so publishing never resets it."""

    page = models.OneToOneField(
        "wagtailcore.Page",
        primary_key=True,
        on_delete=models.CASCADE,
        related_name="view_count",
        verbose_name=_("page"),
    )
    views = models.PositiveBigIntegerField(_("views"), default=0)

    class Meta:
        verbose_name = _("view count")
        verbose_name_plural = _("view counts")

    @classmethod
    def count(cls, page_id):
        """Add one view, atomically in the database (safe with many processes)."""
        if cls.objects.filter(page_id=page_id).update(views=F("views") + 1):
            return True
        if not NewsPage.objects.live().public().filter(pk=page_id).exists():
            return False
        try:
            with transaction.atomic():
                cls.objects.create(page_id=page_id, views=1)
        except IntegrityError:  # another request created the row first
            cls.objects.filter(page_id=page_id).update(views=F("views") + 1)
        return True

    @classmethod
    def views_of(cls, page_id):
        return cls.objects.filter(page_id=page_id).values_list("views", flat=True).first() or 0
