"""Trainings, webinars, consultation days and mentoring sessions: the pages that announce them.

Other apps read events only through ``TrainingPage.objects`` (a ``TrainingPageQuerySet``) on
Wagtail's ``live().public()``: ``upcoming()``, ``past()``, ``in_district(code)`` (events in
the district and every online one), ``of_kind()``, ``about(topic)``, ``in_language()`` and
``for_listing()``. Home finds this model through its registry (``home/sources.py``).

An event is one page per language (translations share a ``translation_key``); its
registrations, capacity and attendance belong to the event, so they are counted by that
key across languages (``registrations.py``).
"""

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.db.models import Q, Subquery
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from cms_plugins.blocks.blocks import DocumentListBlock
from cms_plugins.pagecache import ServeCacheMixin
from cms_plugins.places.pages import districts_by_code
from cms_plugins.restrictions import OneQueryViewRestrictionsMixin, PublicPagesQuerySetMixin
from cms_plugins.routing import routed_ancestors

from .choices import DeliveryLanguage, Kind, Topic
from .consultations import ConsultationRequest  # noqa: F401  (a model Django must find here)
from .fields import CodeListField, unpack
from .mentoring import MentoringPair, MentoringSession  # noqa: F401  (models Django must find here)
from .registrations import Attendance, Registration  # noqa: F401  (models Django must find here)

LIST_PAGE_SIZE = 12
RESERVED_SLUGS = ("past", "calendar", "consultation")  # the index's own routes


class TrainingPageQuerySet(PublicPagesQuerySetMixin, PageQuerySet):
    def upcoming(self):
        """Events not over yet (one under way counts), soonest first."""
        return self.filter(ends_at__gt=timezone.now()).order_by("starts_at", "pk")

    def past(self):
        return self.filter(ends_at__lte=timezone.now()).order_by("-starts_at", "-pk")

    def in_district(self, code):
        """Events held in a district (by its stable code) and every online one: anyone may join those."""
        return self.filter(Q(district__code=code) | Q(online=True))

    def of_kind(self, kind):
        return self.filter(kind=kind)

    def about(self, topic):
        return self.filter(topics__contains=f",{topic},")

    def in_language(self, language):
        """Events a speaker of ``language`` (kk or ru) can follow: in it, or in both."""
        return self.filter(Q(delivery_language=language) | Q(delivery_language=DeliveryLanguage.BOTH))

    def for_listing(self):
        """What a list of events needs (the district comes joined): one query for the whole list."""
        return self.defer_streamfields().defer("body").select_related("district")


TrainingPageManager = PageManager.from_queryset(TrainingPageQuerySet)


class TrainingIndexPage(OneQueryViewRestrictionsMixin, ServeCacheMixin, RoutablePageMixin, Page):
    """The events of one language: upcoming and past lists with filters, and the calendar feed."""

    intro = models.TextField(_("introduction"), max_length=400, blank=True, help_text=_("Shown above the list."))
    consent_text = RichTextField(
        _("personal data consent text"),
        features=["bold", "italic", "ul", "link"],
        blank=True,
        help_text=_(
            "Shown beside the consent checkbox of every registration form under this list. Names the operator "
            "(name, BIN), the data, the purpose, how long, transfers, and how to revoke."
        ),
    )
    consent_version = models.CharField(
        _("consent text version"),
        max_length=40,
        default="1",
        help_text=_("Change it whenever the consent text changes; each registration records the version agreed to."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        MultiFieldPanel([FieldPanel("consent_text"), FieldPanel("consent_version")], heading=_("Registration consent")),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    # the version is a machine value each registration records: copied to translations, never translated
    override_translatable_fields = [SynchronizedField("consent_version")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["trainings.TrainingPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("trainings index")
        verbose_name_plural = _("trainings indexes")

    def breadcrumb_pages(self):
        return routed_ancestors(self)

    def events(self):
        return TrainingPage.objects.live().public().child_of(self)

    def active_filters(self, request):
        """The filters in the query string, keeping only valid values (bad ones are ignored)."""
        wanted = {}
        code = request.GET.get("district", "")
        if code and code in districts_by_code(self.locale_id):
            wanted["district"] = code
        for name, values in (("kind", Kind.values), ("topic", Topic.values), ("language", ("kk", "ru"))):
            if request.GET.get(name) in values:
                wanted[name] = request.GET[name]
        return wanted

    def filter_options(self):
        return {
            "districts": districts_by_code(self.locale_id).values(),
            "kinds": Kind.choices,
            "topics": Topic.choices,
            "languages": [("kk", DeliveryLanguage.KK.label), ("ru", DeliveryLanguage.RU.label)],
        }

    def listing(self, request, filters, past=False):
        events = self.events()
        if "district" in filters:
            events = events.in_district(filters["district"])
        if "kind" in filters:
            events = events.of_kind(filters["kind"])
        if "topic" in filters:
            events = events.about(filters["topic"])
        if "language" in filters:
            events = events.in_language(filters["language"])
        events = (events.past() if past else events.upcoming()).for_listing()
        return Paginator(events, LIST_PAGE_SIZE).get_page(request.GET.get("page"))

    def route(self, request, path_components):
        """An event in one query rather than Wagtail's two."""
        if path_components and path_components[0] not in RESERVED_SLUGS:
            # the consent shown with the form comes with the event (this index was loaded
            # by the route without its own fields)
            consent = TrainingIndexPage.objects.filter(pk=self.pk)
            event = (
                TrainingPage.objects.child_of(self)
                .filter(slug=path_components[0])
                .select_related("district")
                .annotate(
                    index_consent_text=Subquery(consent.values("consent_text")[:1]),
                    index_consent_version=Subquery(consent.values("consent_version")[:1]),
                )
                .first()
            )
            if event is None:
                raise Http404
            event.routed_parent = self  # breadcrumbs and the consent text without a query
            return event.route(request, path_components[1:])
        return super().route(request, path_components)

    def list_response(self, request, past):
        filters = self.active_filters(request)
        context = self.get_context(request)
        context.update(
            past=past,
            filters=filters,
            filter_query="&".join(f"{key}={value}" for key, value in filters.items()),
            events=SimpleLazyObject(lambda: self.listing(request, filters, past=past)),
            options=SimpleLazyObject(self.filter_options),
        )
        return TemplateResponse(request, self.get_template(request), context)

    @path("")
    def upcoming_view(self, request):
        return self.list_response(request, past=False)

    @path("past/", name="past")
    def past_view(self, request):
        return self.list_response(request, past=True)

    @path("consultation/", name="consultation")
    def consultation_view(self, request):
        from .views import consultation_page

        return consultation_page(self, request)

    @path("calendar/", name="calendar")
    def calendar_view(self, request):
        from .calendar import feed_response

        return feed_response(self, request)


class TrainingPage(OneQueryViewRestrictionsMixin, RoutablePageMixin, Page):
    """One event with its sessions. Not kept by the page cache: its registration form is
    per visitor (a CSRF token) and its free places change with every registration."""

    kind = models.CharField(_("kind"), max_length=24, choices=Kind.choices, default=Kind.TRAINING, db_index=True)
    intro = models.TextField(
        _("summary"), max_length=400, help_text=_("One or two sentences: shown under the title and in lists.")
    )
    body = RichTextField(
        _("programme"), blank=True, features=["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]
    )
    online = models.BooleanField(
        _("online"), default=False, help_text=_("A webinar or online session: no venue, a link for participants.")
    )
    district = models.ForeignKey(
        "places.District",
        verbose_name=_("district"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="training_pages",
        help_text=_("Where it takes place (in person)."),
    )
    settlement = models.CharField(_("settlement"), max_length=120, blank=True, help_text=_("Village or town."))
    venue = models.CharField(
        _("venue"), max_length=255, blank=True, help_text=_("Building and address, e.g. the akimat's assembly hall.")
    )
    webinar_url = models.URLField(
        _("webinar link"),
        blank=True,
        help_text=_("Shown only to registered participants and in their emails, never on the public page."),
    )
    trainers = StreamField(
        [("trainer", blocks.CharBlock(label=_("trainer"), max_length=160))],
        verbose_name=_("trainers"),
        blank=True,
        help_text=_("One trainer an item: name and, if useful, organisation."),
    )
    topics = CodeListField(_("topics"), code_choices=Topic.choices, help_text=_("The topics of the needs survey."))
    delivery_language = models.CharField(
        _("language of delivery"), max_length=8, choices=DeliveryLanguage.choices, default=DeliveryLanguage.BOTH
    )
    capacity = models.PositiveIntegerField(
        _("places"),
        null=True,
        blank=True,
        help_text=_("How many may register; later registrations join the waiting list. Empty: no limit."),
    )
    registration_deadline = models.DateTimeField(
        _("registration deadline"),
        null=True,
        blank=True,
        help_text=_("Time in Uralsk (Asia/Oral). Empty: registration is open until the first session starts."),
    )
    materials = StreamField(
        [("documents", DocumentListBlock())], verbose_name=_("materials"), blank=True, help_text=_("Handouts, slides.")
    )
    # The first start and the last end of the sessions, kept on the row so that lists sort
    # and filter by date without reading the sessions (set by save()).
    starts_at = models.DateTimeField(_("starts"), null=True, editable=False, db_index=True)
    ends_at = models.DateTimeField(_("ends"), null=True, editable=False, db_index=True)

    objects = TrainingPageManager()

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("delivery_language")]),
        FieldPanel("intro"),
        InlinePanel("sessions", label=_("Sessions"), min_num=1, help_text=_("Time in Uralsk (Asia/Oral).")),
        MultiFieldPanel(
            [
                FieldPanel("online"),
                FieldPanel("district"),
                FieldPanel("settlement"),
                FieldPanel("venue"),
                FieldPanel("webinar_url"),
            ],
            heading=_("Where"),
        ),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("capacity"), FieldPanel("registration_deadline")])], heading=_("Registration")
        ),
        FieldPanel("topics"),
        FieldPanel("trainers"),
        FieldPanel("body"),
        FieldPanel("materials"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
        index.SearchField("trainers"),
        index.SearchField("settlement"),
        index.FilterField("kind"),
        index.FilterField("starts_at"),
    ]
    # Codes and links are the same in every language: copied to translations as they are,
    # never offered as text to translate.
    override_translatable_fields = [SynchronizedField("topics"), SynchronizedField("webinar_url")]

    parent_page_types = ["trainings.TrainingIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("training or webinar")
        verbose_name_plural = _("trainings and webinars")

    def breadcrumb_pages(self):
        return routed_ancestors(self)

    # --- facts about the event ---------------------------------------------------------
    def session_list(self):
        return sorted(self.sessions.all(), key=lambda session: (session.starts_at, session.pk or 0))

    def topic_list(self):
        labels = dict(Topic.choices)
        return [labels[code] for code in unpack(self.topics) if code in labels]

    def trainer_list(self):
        return [str(block.value).strip() for block in self.trainers if str(block.value).strip()]

    @property
    def place(self):
        """Where, in a few words: the settlement and the district, or "online"."""
        if self.online:
            return pgettext_lazy("where an event is held", "Online")
        return ", ".join(str(part) for part in (self.settlement, self.district) if part)

    @property
    def registration_closes_at(self):
        return self.registration_deadline or self.starts_at

    def registration_open(self, now=None):
        closes = self.registration_closes_at
        return closes is not None and (now or timezone.now()) < closes

    @property
    def is_past(self):
        return self.ends_at is not None and self.ends_at <= timezone.now()

    def clean(self):
        super().clean()
        errors = {}
        if self.slug in RESERVED_SLUGS:
            errors["slug"] = _("This address is taken by the list itself; choose another.")
        if not self.online and not self.district_id:
            errors["district"] = _("Choose the district of an in-person event, or tick “online”.")
        if self.online and self.district_id:
            errors["district"] = _("An online event has no district: leave it empty.")
        sessions = [session for session in self.sessions.all() if session.starts_at and session.ends_at]
        if sessions and self.registration_deadline and self.registration_deadline > min(s.starts_at for s in sessions):
            errors["registration_deadline"] = _("Registration must close before the first session starts.")
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        sessions = [session for session in self.sessions.all() if session.starts_at and session.ends_at]
        self.starts_at = min((s.starts_at for s in sessions), default=None)
        self.ends_at = max((s.ends_at for s in sessions), default=None)
        return super().save(*args, **kwargs)

    def get_sitemap_urls(self, request=None):
        return [{"location": self.get_full_url(request), "lastmod": self.last_published_at}]

    # --- serving -------------------------------------------------------------------------
    def consent(self):
        """(text, version) of the consent shown with the form: the trainings index's."""
        if hasattr(self, "index_consent_version"):  # loaded with the page by the index's route
            return self.index_consent_text or "", self.index_consent_version or "1"
        parent = getattr(self, "routed_parent", None) or self.get_parent().specific
        return getattr(parent, "consent_text", ""), getattr(parent, "consent_version", "1")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sessions"] = self.session_list()
        context["taken"] = Registration.objects.for_event(self.translation_key).confirmed().count()
        context["places_left"] = None if self.capacity is None else max(self.capacity - context["taken"], 0)
        context["is_open"] = self.registration_open()
        context["consent_text"], context["consent_version"] = self.consent()
        return context

    @path("")
    def event_view(self, request):
        from .views import event_page

        return event_page(self, request)

    @path("calendar/", name="calendar")
    def calendar_view(self, request):
        from .calendar import event_response

        return event_response(self, request)

    @path("registration/<str:token>/", name="registration")
    def registration_view(self, request, token):
        from .views import registration_page

        return registration_page(self, request, token)

    @path("registration/<str:token>/certificate/", name="certificate")
    def certificate_view(self, request, token):
        from .views import certificate_page

        return certificate_page(self, request, token)

    def url_of(self, name, request=None, **kwargs):
        return (self.get_url(request) or "/") + self.reverse_subpage(name, kwargs=kwargs)


class TrainingSession(Orderable):
    """One sitting of an event: a training may take two days, a webinar one hour."""

    page = ParentalKey(TrainingPage, related_name="sessions", on_delete=models.CASCADE)
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))

    panels = [FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")])]

    class Meta(Orderable.Meta):
        verbose_name = _("session")
        verbose_name_plural = _("sessions")

    def __str__(self):
        return f"{timezone.localtime(self.starts_at):%Y-%m-%d %H:%M}"

    def clean(self):
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("A session ends after it starts.")})

    @property
    def hours(self):
        return (self.ends_at - self.starts_at).total_seconds() / 3600
