"""Home page sections editors choose and order: latest news, coverage map, figures, calls, trainings.

Each section reads its domain when it renders, through ``sources`` (never by importing
the domain app); a section whose domain is not installed or has nothing yet renders
nothing.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from cms_plugins.blocks.blocks import BaseContentBlock
from cms_plugins.locales import active_locale_id

from . import coverage
from .sources import NOT_INSTALLED, indicators, source


def news_categories():
    """The news app's categories (none when news is not installed)."""
    model = source("news").model()
    return [] if model is NOT_INSTALLED else list(model._meta.get_field("category").choices)


def page_locale_id(parent_context):
    page = (parent_context or {}).get("page")
    return page.locale_id if page is not None else active_locale_id()


class LatestNewsBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=120, required=False)
    count = blocks.IntegerBlock(label=_("Number of items"), min_value=1, max_value=12, default=4)
    category = blocks.ChoiceBlock(label=_("Only this category"), required=False, choices=news_categories)

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        news = source("news").public(page_locale_id(parent_context))
        if news is NOT_INSTALLED:
            context["items"] = []
            return context
        news = news.latest()
        if value.get("category"):
            news = news.in_category(value["category"])
        context["items"] = list(news.for_listing()[: value.get("count") or 4])
        if context["items"]:  # the news list is the items' parent: its address is theirs less the slug
            url = context["items"][0].get_url(context.get("request"))
            context["index_url"] = url[: url.rstrip("/").rfind("/") + 1]
        return context

    class Meta:
        icon = "doc-full-inverse"
        label = _("Latest news")
        template = "home/blocks/latest_news.html"
        preview_value = {"title": "Новости", "count": 3}


class CoverageMapBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=120, required=False)
    show_table = blocks.BooleanBlock(
        label=_("Show the table open"),
        required=False,
        help_text=_("The map's content as a table, under the map; tick to show it unfolded."),
    )

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        request = (parent_context or {}).get("request")
        context["rows"] = coverage.coverage(request)
        context["viewbox"] = coverage.VIEWBOX
        return context

    class Meta:
        icon = "site"
        label = _("Coverage map")
        template = "home/blocks/coverage_map.html"
        preview_value = {"title": "Где мы уже были"}


class ProgrammeFiguresBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=120, required=False)

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        figures = indicators()
        # the monitoring indicators, counted from the data (never typed): the same numbers coordinators see
        context["figures"] = [] if figures is NOT_INSTALLED else figures.public_figures()
        context["district_count"] = len(coverage.coverage((parent_context or {}).get("request")))
        return context

    class Meta:
        icon = "table"
        label = _("Programme figures (counted)")
        template = "home/blocks/programme_figures.html"
        preview_value = {"title": "Программа в цифрах"}


class OpenCallsBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=120, required=False)
    count = blocks.IntegerBlock(label=_("Number of calls"), min_value=1, max_value=6, default=3)

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["calls"] = source("grant_calls").listing_in(page_locale_id(parent_context), value.get("count") or 3)
        return context

    class Meta:
        icon = "pick"
        label = _("Open grant calls")
        template = "home/blocks/open_calls.html"
        preview_value = {"title": "Открытые конкурсы"}


class UpcomingTrainingsBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=120, required=False)
    count = blocks.IntegerBlock(label=_("Number of trainings"), min_value=1, max_value=6, default=3)

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        trainings = source("trainings").listing_in(page_locale_id(parent_context), value.get("count") or 3)
        context["trainings"] = trainings
        return context

    class Meta:
        icon = "date"
        label = _("Upcoming trainings")
        template = "home/blocks/upcoming_trainings.html"
        preview_value = {"title": "Ближайшие обучения"}


class HomeBodyBlock(BaseContentBlock):
    """The home page's sections: every content block plus the programme's live sections."""

    latest_news = LatestNewsBlock()
    coverage_map = CoverageMapBlock()
    programme_figures = ProgrammeFiguresBlock()
    open_calls = OpenCallsBlock()
    upcoming_trainings = UpcomingTrainingsBlock()
