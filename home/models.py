from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import OuterRef
from django.http import Http404
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from cms_plugins.bin import clean_bin, validate_bin
from cms_plugins.blocks.blocks import BaseContentBlock
from cms_plugins.locales import active_locale_id, localized_by_id
from cms_plugins.pagecache import ServeCacheMixin
from cms_plugins.phone import format_phone, normalise_phone, validate_phone
from cms_plugins.places.models import District
from cms_plugins.restrictions import OneQueryViewRestrictionsMixin
from cms_plugins.review import ReviewedPublishingMixin

from .blocks import HomeBodyBlock
from .sources import NOT_INSTALLED, organisations_count_for


class IntroMixin(models.Model):
    """A short lead shown under the title, in lists and as the page description."""

    intro = models.TextField(
        _("introduction"), max_length=400, blank=True, help_text=_("One or two sentences under the title.")
    )

    content_panels = [FieldPanel("intro")]
    search_fields = [index.SearchField("intro")]

    class Meta:
        abstract = True


class HomePage(OneQueryViewRestrictionsMixin, ServeCacheMixin, IntroMixin, Page):
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("A wide photo shown above the title as decoration; say what matters in the text."),
    )
    hero_button_label = models.CharField(_("button label"), max_length=60, blank=True)
    hero_button_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("button leads to"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = StreamField(
        HomeBodyBlock(),
        verbose_name=_("body"),
        blank=True,
        help_text=_("Sections of the home page, in order: latest news, map, figures, open calls, text."),
    )

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                *IntroMixin.content_panels,
                FieldPanel("hero_image"),
                FieldPanel("hero_button_label"),
                FieldPanel("hero_button_page"),
            ],
            heading=_("Hero"),
        ),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + IntroMixin.search_fields + [index.SearchField("body")]

    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    @property
    def localized(self):
        """Wagtail's ``localized``, without its Locale query when the home page is already in
        the active language (every request starts here: ``site.root_page.localized``)."""
        if self.locale_id == active_locale_id():
            return self
        return super().localized

    def route(self, request, path_components):
        """Wagtail's routing, except that a page on the way to a deeper one is loaded without
        its own fields (``get_specific(deferred=True)``, no query): only the page served needs them."""
        if len(path_components) > 1:
            child = self.get_children().filter(slug=path_components[0]).first()
            if child is None:
                raise Http404
            child = child.get_specific(deferred=True)
            child.routed_parent = self  # breadcrumbs without a query (cms_plugins.routing)
            return child.route(request, path_components[1:])
        return super().route(request, path_components)

    def hero_button_target(self):
        """The page the hero button leads to, in the reader's language (one query)."""
        return localized_by_id(self.hero_button_page_id)


class StandardPage(ReviewedPublishingMixin, IntroMixin, Page):
    body = StreamField(BaseContentBlock(), verbose_name=_("body"), blank=True)

    content_panels = Page.content_panels + [*IntroMixin.content_panels, FieldPanel("body")]
    search_fields = Page.search_fields + IntroMixin.search_fields + [index.SearchField("body")]

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    # a survey lives in a section press staff write in (e.g. About → the needs survey)
    subpage_types = ["home.StandardPage", "surveys.SurveyPage"]

    class Meta:
        verbose_name = _("standard page")
        verbose_name_plural = _("standard pages")


class DistrictIndexPage(OneQueryViewRestrictionsMixin, ServeCacheMixin, IntroMixin, Page):
    """The list of districts with the coverage map."""

    content_panels = Page.content_panels + IntroMixin.content_panels
    search_fields = Page.search_fields + IntroMixin.search_fields

    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.DistrictPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("district index")
        verbose_name_plural = _("district indexes")

    def route(self, request, path_components):
        """A district's page in one query (Wagtail's route needs two), with its NGO count."""
        if len(path_components) == 1:
            page = (
                DistrictPage.objects.child_of(self)
                .filter(slug=path_components[0])
                .select_related("district")
                .annotate(**district_page_figures())
                .first()
            )
            if page is None:
                raise Http404
            page.routed_parent = self  # breadcrumbs without a query (cms_plugins.routing)
            return page.route(request, [])
        return super().route(request, path_components)

    def get_context(self, request, *args, **kwargs):
        from .coverage import coverage, summary

        context = super().get_context(request, *args, **kwargs)
        context["rows"] = coverage(request)
        context["figures"] = summary(context["rows"])
        return context


def district_page_figures():
    """Annotations for DistrictPage rows: ``organisations`` when the CRM is installed."""
    count = organisations_count_for(OuterRef("district__code"))
    return {} if count is NOT_INSTALLED else {"organisations": count}


class DistrictPageForm(WagtailAdminPageForm):
    """Districts offered in the page's own language; one page per district."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "district" in self.fields:
            locale = getattr(self.instance, "locale", None) or getattr(self.parent_page, "locale", None)
            if locale is not None:
                self.fields["district"].queryset = District.objects.filter(locale=locale).in_order()

    def clean_district(self):
        district = self.cleaned_data.get("district")
        if district is not None:
            others = DistrictPage.objects.filter(district__code=district.code, locale=district.locale)
            if self.instance.pk:
                others = others.exclude(pk=self.instance.pk)
            if others.exists():
                raise ValidationError(_("This district already has a page."))
        return district


class DistrictPage(OneQueryViewRestrictionsMixin, ServeCacheMixin, IntroMixin, Page):
    """One district: its news and meetings, trainings and calls there, NGOs in the CRM."""

    district = models.ForeignKey(
        "places.District",
        verbose_name=_("district"),
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("The district this page is about; its news is listed automatically."),
    )
    body = StreamField(BaseContentBlock(), verbose_name=_("body"), blank=True)

    base_form_class = DistrictPageForm
    content_panels = Page.content_panels + [FieldPanel("district"), *IntroMixin.content_panels, FieldPanel("body")]
    search_fields = Page.search_fields + IntroMixin.search_fields + [index.SearchField("body")]

    parent_page_types = ["home.DistrictIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("district page")
        verbose_name_plural = _("district pages")

    def get_context(self, request, *args, **kwargs):
        from .district_sections import district_sections

        context = super().get_context(request, *args, **kwargs)
        # Lazy: evaluated only when the cached fragment (keyed on the content version) is rendered anew.
        context["sections"] = SimpleLazyObject(lambda: district_sections(self))
        return context


@register_setting(icon="group")
class OrganisationSettings(BaseGenericSetting):
    """Who runs the site: shown in the footer and named in consent texts."""

    name_kk = models.CharField(_("name in Kazakh"), max_length=200, blank=True)
    name_ru = models.CharField(_("name in Russian"), max_length=200, blank=True)
    name_en = models.CharField(_("name in English"), max_length=200, blank=True)
    bin = models.CharField(
        _("BIN"),
        max_length=20,  # room for the spaces people type; clean() keeps the 12 digits
        blank=True,
        validators=[validate_bin],
        help_text=_("12 digits, checked by its check digit."),
    )
    address_kk = models.CharField(_("address in Kazakh"), max_length=250, blank=True)
    address_ru = models.CharField(_("address in Russian"), max_length=250, blank=True)
    address_en = models.CharField(_("address in English"), max_length=250, blank=True)
    phone = models.CharField(
        _("phone"),
        max_length=32,
        blank=True,
        validators=[validate_phone],
        help_text=_("Any usual form, e.g. 8 (7112) 51-23-45; stored as +77112512345."),
    )
    email = models.EmailField(_("email"), blank=True)
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("personal-data notice"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Linked from every page's footer and from consent checkboxes."),
    )
    instagram = models.URLField(_("Instagram"), blank=True, help_text=_("Full address of the account."))
    telegram = models.URLField(_("Telegram"), blank=True, help_text=_("For example https://t.me/channel"))
    whatsapp = models.URLField(_("WhatsApp"), blank=True, help_text=_("For example https://wa.me/77011234567"))

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("name_kk"),
                FieldPanel("name_ru"),
                FieldPanel("name_en"),
                FieldPanel("bin"),
                FieldPanel("privacy_page"),
            ],
            heading=_("Organisation"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("address_kk"),
                FieldPanel("address_ru"),
                FieldPanel("address_en"),
                FieldPanel("phone"),
                FieldPanel("email"),
            ],
            heading=pgettext_lazy("contact details", "Contacts"),
        ),
        MultiFieldPanel(
            [FieldPanel("instagram"), FieldPanel("telegram"), FieldPanel("whatsapp")], heading=_("Social links")
        ),
    ]

    class Meta:
        verbose_name = _("organisation")

    def _in_language(self, field):
        """The field in the active language, falling back to Russian."""
        language = (get_language() or "ru")[:2]
        return getattr(self, f"{field}_{language}", "") or getattr(self, f"{field}_ru")

    @property
    def name(self):
        return self._in_language("name")

    @property
    def address(self):
        return self._in_language("address")

    def clean(self):
        super().clean()
        self.bin = clean_bin(self.bin)
        self.phone = normalise_phone(self.phone) or self.phone

    @property
    def phone_display(self):
        return format_phone(self.phone)

    def privacy_page_localized(self):
        return localized_by_id(self.privacy_page_id)

    def social_links(self):
        links = (("Instagram", self.instagram), ("Telegram", self.telegram), ("WhatsApp", self.whatsapp))
        return [(label, url) for label, url in links if url]
