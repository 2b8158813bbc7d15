"""What home shows from other domains, and the small query API each domain offers for it.

Home owns the home sections, the coverage map and the district pages; the content in
them belongs to other apps. Home never imports those apps: it finds each one's page
model through this registry, by label, and reads it only through the methods named
here. A domain whose app (or model) is not installed is ``NOT_INSTALLED``: the
section says nothing rather than failing. A domain that is installed but lacks a
method of the contract fails loudly (AttributeError), never silently.

The contract a domain's PageQuerySet offers (``Model.objects`` is a PageManager built
from it), each returning a queryset:

- the listing method named in ``SOURCES`` (``latest()``, ``open()``, ``upcoming()``):
  what home lists, in the order shown;
- ``in_district(code)``: items about a district, by its stable code;
- ``for_listing()``: what a list of them needs loaded (renditions, related rows),
  so that rendering it costs no query per item.

News adds ``meetings()``, ``latest_and_meetings(count)`` (a district page's cards and
meeting list in one query) and ``meeting_count_for(code)`` (an expression to annotate
districts with) for the map and district pages. The CRM plug-in's public figures come
from ``cms_plugins.crm.aggregates`` when that plug-in is installed.
"""

from dataclasses import dataclass
from importlib import import_module

from django.apps import apps
from django.db.models import OuterRef


class NotInstalled:
    """The explicit answer for a domain this site does not have."""

    def __bool__(self):
        return False

    def __repr__(self):
        return "NOT_INSTALLED"


NOT_INSTALLED = NotInstalled()


@dataclass(frozen=True)
class Source:
    model_label: str  # "app_label.ModelName"
    listing: str  # the queryset method that returns what home lists

    def model(self):
        """The page model, or NOT_INSTALLED."""
        app_label, model_name = self.model_label.split(".")
        if not apps.is_installed(app_label) and not any(c.label == app_label for c in apps.get_app_configs()):
            return NOT_INSTALLED
        try:
            return apps.get_model(app_label, model_name)
        except LookupError:
            return NOT_INSTALLED

    def public(self, locale):
        """Live, public pages in ``locale``, or NOT_INSTALLED."""
        model = self.model()
        if model is NOT_INSTALLED:
            return NOT_INSTALLED
        return model.objects.live().public().filter(locale=locale)

    def listing_in(self, locale, limit, district_code=None):
        """What home lists from this domain: a list (empty when the domain has none or is not installed)."""
        pages = self.public(locale)
        if pages is NOT_INSTALLED:
            return []
        pages = getattr(pages, self.listing)()
        if district_code:
            pages = pages.in_district(district_code)
        return list(pages.for_listing()[:limit])


SOURCES = {
    "news": Source("news.NewsPage", "latest"),
    "grant_calls": Source("grants.GrantCallPage", "open"),
    "trainings": Source("trainings.TrainingPage", "upcoming"),
}


def source(name):
    return SOURCES[name]


def organisations_count_for(district_code):
    """An expression: NGOs in the CRM in the district ``district_code``, or NOT_INSTALLED without the CRM."""
    if not apps.is_installed("cms_plugins.crm"):
        return NOT_INSTALLED
    return import_module("cms_plugins.crm.aggregates").organisations_count_for(district_code)


def meeting_count_for(district_code):
    """An expression: district meetings reported in the news, or NOT_INSTALLED without news."""
    model = source("news").model()
    if model is NOT_INSTALLED:
        return NOT_INSTALLED
    return model.objects.live().public().meeting_count_for(district_code)


def indicators():
    """The programme's computed indicators (``monitoring.public``: ``public_figures()``,
    ``figures_by_key()``), or NOT_INSTALLED without monitoring."""
    if not apps.is_installed("monitoring"):
        return NOT_INSTALLED
    return import_module("monitoring.public")


def district_figures(districts):
    """``districts`` (a District queryset) annotated with ``meetings`` and ``organisations``
    where those domains are installed (in the same query)."""
    figures = {
        "meetings": meeting_count_for(OuterRef("code")),
        "organisations": organisations_count_for(OuterRef("code")),
    }
    return districts.annotate(**{name: value for name, value in figures.items() if value is not NOT_INSTALLED})
