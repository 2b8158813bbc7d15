"""Calendar files: valid iCalendar with Uralsk's time zone, one per event and a feed per language."""

import datetime
import zoneinfo

import icalendar
import pytest

from tests.trainings.conftest import add_event, translate

pytestmark = pytest.mark.django_db
ORAL = zoneinfo.ZoneInfo("Asia/Oral")


def parse(response):
    assert response.status_code == 200 and response["Content-Type"].startswith("text/calendar")
    assert response["Content-Disposition"].endswith('.ics"')
    return icalendar.Calendar.from_ical(response.content)


def test_event_file_has_each_session_in_uralsk_time(client, site):
    """Protects: a two-day training gives two entries at the right hour in Asia/Oral, with the zone's rules."""
    event = add_event(site["trainings"]["ru"], "Двухдневный тренинг", sessions=2, code="taskala")
    calendar = parse(client.get(event.url + "calendar/"))
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Asia/Oral"]
    events = calendar.walk("VEVENT")
    sessions = event.session_list()
    assert [e.decoded("dtstart") for e in events] == [s.starts_at for s in sessions]
    assert all(e.decoded("dtstart").utcoffset() == datetime.timedelta(hours=5) for e in events)
    assert str(events[0]["summary"]) == "Двухдневный тренинг (1/2)"
    assert "Таскалинский район" in str(events[0]["location"])
    assert len({str(e["uid"]) for e in events}) == 2


def test_feed_lists_upcoming_events_of_its_language_without_webinar_links(client, site):
    """Protects: each language's feed holds its own upcoming events, never a past one or a webinar link."""
    ru, kk = site["trainings"]["ru"], site["trainings"]["kk"]
    event = add_event(ru, "Тренинг", days=5)
    add_event(ru, "Вебинар", days=9, online=True, kind="webinar", webinar_url="https://meet.example/secret")
    add_event(ru, "Прошлый", days=-5)
    kk_event = translate(event, kk)
    feed = parse(client.get(ru.url + "calendar/"))
    assert sorted(str(e["summary"]) for e in feed.walk("VEVENT")) == ["Вебинар", "Тренинг"]
    assert b"meet.example" not in client.get(ru.url + "calendar/").content
    kk_feed = parse(client.get(kk.url + "calendar/"))
    [entry] = kk_feed.walk("VEVENT")
    assert str(entry["summary"]) == kk_event.title
    # the same event in two languages is one calendar entry (one UID)
    assert str(entry["uid"]) == str(next(e for e in feed.walk("VEVENT") if str(e["summary"]) == "Тренинг")["uid"])
