"""iCalendar (RFC 5545) files: one event's sessions, and the feed of a language's upcoming events.

Written with the ``icalendar`` library. Times are in the site's zone (Asia/Oral) with its
VTIMEZONE included, so a phone set to another zone still shows Uralsk time correctly.
A session's UID is the event's (every language shares it) plus its start, so importing
the Kazakh and the Russian file gives one entry, and an edited time updates it.
The webinar link goes only into a participant's own file (their email), never the public ones.
"""

import datetime

import icalendar
from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import get_language, pgettext
from django.utils.translation import gettext as _

FEED_LIMIT = 200
PRODID = "-//Auyl//Trainings//EN"


def session_uid(event_key, starts_at):
    return f"{event_key}-{starts_at.astimezone(datetime.UTC):%Y%m%dT%H%M%SZ}@auyl"


def describe(page, request=None, webinar_url=""):
    lines = [page.intro]
    trainers = page.trainer_list()
    if trainers:
        lines.append(_("Trainers: %(names)s") % {"names": ", ".join(trainers)})
    if webinar_url:
        lines.append(_("Webinar link: %(url)s") % {"url": webinar_url})
    lines.append(page.get_full_url(request) or "")
    return "\n\n".join(line for line in lines if line)


def location(page, webinar_url=""):
    if page.online:
        return webinar_url or str(pgettext("where an event is held", "Online"))
    return ", ".join(str(part) for part in (page.venue, page.settlement, page.district) if part)


def add_event(calendar, page, request=None, webinar_url=""):
    sessions = page.session_list()
    now = timezone.now()
    for number, session in enumerate(sessions, start=1):
        event = icalendar.Event()
        event.add("uid", session_uid(page.translation_key, session.starts_at))
        event.add("dtstamp", now)
        event.add("dtstart", timezone.localtime(session.starts_at))
        event.add("dtend", timezone.localtime(session.ends_at))
        title = page.title if len(sessions) == 1 else f"{page.title} ({number}/{len(sessions)})"
        event.add("summary", title)
        event.add("description", describe(page, request, webinar_url))
        place = location(page, webinar_url)
        if place:
            event.add("location", place)
        url = page.get_full_url(request)
        if url:
            event.add("url", url)
        if page.last_published_at:
            event.add("last-modified", page.last_published_at)
        calendar.add_component(event)


def new_calendar(name):
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    return calendar


def finish(calendar):
    # the zone's rules from a year back: enough for any reader, and a small file
    calendar.add_missing_timezones(first_date=timezone.localdate() - datetime.timedelta(days=366))
    return calendar.to_ical()


def event_ics(page, request=None, webinar_url=""):
    calendar = new_calendar(page.title)
    add_event(calendar, page, request, webinar_url)
    return finish(calendar)


def ics_response(content, filename):
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def event_response(page, request):
    return ics_response(event_ics(page, request), f"{slugify(page.slug) or 'event'}.ics")


def feed_response(index, request):
    """Every upcoming event of this language's list (sessions included: one query for them)."""
    events = index.events().upcoming().defer("body", "materials").select_related("district")
    events = events.prefetch_related("sessions")[:FEED_LIMIT]
    calendar = new_calendar(index.title)
    for page in events:
        add_event(calendar, page, request)
    return ics_response(finish(calendar), f"{get_language()}-trainings.ics")
