"""RSS 2.0 feed of one news index (one language)."""

import datetime

from django.http import HttpResponse
from django.utils import timezone
from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.html import escape, format_html_join
from django.utils.translation import gettext as _

FEED_SIZE = 20


def news_feed_response(index_page, request):
    feed = Rss201rev2Feed(
        title=f"{index_page.title} — {request.get_host()}",
        link=index_page.get_full_url(request),
        description=index_page.intro or _("News of the programme"),
        language=index_page.locale.language_code,
        feed_url=request.build_absolute_uri(),
    )
    # The meeting's lists travel with the item; the long stream fields stay behind.
    items = index_page.news().latest().defer("body", "gallery").prefetch_related("districts")[:FEED_SIZE]
    for item in items:
        published = item.first_published_at or timezone.make_aware(
            datetime.datetime.combine(item.date, datetime.time(9))
        )
        url = item.get_full_url(request)
        feed.add_item(
            title=item.title,
            link=url,
            description=describe(item),
            pubdate=published,
            updateddate=item.last_published_at,
            unique_id=url,
            author_name=item.author_name or None,
            categories=[item.get_category_display()] + [d.code for d in item.districts.all()],
        )
    response = HttpResponse(content_type="application/rss+xml; charset=utf-8")
    feed.write(response, "utf-8")
    response["Cache-Control"] = "public, max-age=300"
    return response


def describe(item):
    """The lead, then a meeting's villages and topics as lists (HTML, as RSS readers expect)."""
    parts = [f"<p>{escape(item.lead)}</p>"]
    for label, values in ((_("Villages"), item.village_list()), (_("Topics discussed"), item.topic_list())):
        if values:
            items = format_html_join("", "<li>{}</li>", ((value,) for value in values))
            parts.append(f"<p>{escape(label)}:</p><ul>{items}</ul>")
    return "".join(parts)
