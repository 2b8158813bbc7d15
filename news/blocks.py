"""Home page sections editors choose and order: latest news, coverage map, figures, calls.

Each section computes what it shows when it renders, so the home page needs no code
of its own for them; sections whose source app has nothing yet render nothing.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.models import Locale

from cms_plugins.blocks.blocks import BaseContentBlock
from cms_plugins.pagecache import content_version

from . import coverage, sections
from .models import Category, NewsIndexPage, NewsPage, attach_local_districts


class LatestNewsBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=120, required=False)
    count = blocks.IntegerBlock(label=_("Number of items"), min_value=1, max_value=12, default=4)
    category = blocks.ChoiceBlock(label=_("Only this category"), required=False, choices=Category.choices)

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        page = (parent_context or {}).get("page")
        locale_id = page.locale_id if page is not None else Locale.get_active().pk
        news = NewsPage.objects.live().public().filter(locale_id=locale_id)
        if value.get("category"):
            news = news.in_category(value["category"])
        items = list(news.latest().for_cards()[: value.get("count") or 4])
        context["items"] = attach_local_districts(items, locale_id)
        context["index"] = NewsIndexPage.objects.live().filter(locale_id=locale_id).first() if items else None
        return context

    class Meta:
        icon = "doc-full-inverse"
        label = _("Latest news")
        template = "news/blocks/latest_news.html"
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
        template = "news/blocks/coverage_map.html"
        preview_value = {"title": "Где мы уже были"}


class ProgrammeFiguresBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=120, required=False)

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        request = (parent_context or {}).get("request")
        context["figures"] = coverage.summary(coverage.coverage(request))
        return context

    class Meta:
        icon = "table"
        label = _("Programme figures (counted)")
        template = "news/blocks/programme_figures.html"
        preview_value = {"title": "Программа в цифрах"}


class OpenCallsBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=120, required=False)
    count = blocks.IntegerBlock(label=_("Number of calls"), min_value=1, max_value=6, default=3)

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["calls"] = sections.open_grant_calls(limit=value.get("count") or 3)
        return context

    class Meta:
        icon = "pick"
        label = _("Open grant calls")
        template = "news/blocks/open_calls.html"
        preview_value = {"title": "Открытые конкурсы"}


class UpcomingTrainingsBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=120, required=False)
    count = blocks.IntegerBlock(label=_("Number of trainings"), min_value=1, max_value=6, default=3)

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["trainings"] = sections.upcoming_trainings(limit=value.get("count") or 3)
        return context

    class Meta:
        icon = "date"
        label = _("Upcoming trainings")
        template = "news/blocks/upcoming_trainings.html"
        preview_value = {"title": "Ближайшие обучения"}


def sections_version():
    """(news published count and time, any page's change counter): the home sections' cache key."""
    version = NewsPage.objects.live().version()
    return f"{version['n']}-{version['last']}-{content_version()}"


class HomeBodyBlock(BaseContentBlock):
    """The home page's sections: every content block plus the programme's live sections."""

    latest_news = LatestNewsBlock()
    coverage_map = CoverageMapBlock()
    programme_figures = ProgrammeFiguresBlock()
    open_calls = OpenCallsBlock()
    upcoming_trainings = UpcomingTrainingsBlock()
