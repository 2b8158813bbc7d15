"""What a district's page shows, for home.DistrictPage (kept here: it is about news)."""

from wagtail.models import Locale

from . import sections
from .models import NewsPage, attach_local_districts

DISTRICT_NEWS = 6


def district_sections(code, request=None):
    locale = Locale.get_active()
    news = NewsPage.objects.live().public().filter(locale=locale).in_district(code).latest()
    items = attach_local_districts(list(news.for_cards()[:DISTRICT_NEWS]), locale.pk)
    meetings = list(
        news.meetings()
        .defer_streamfields()
        .only("title", "url_path", "meeting_date", "participants", "villages", "path", "depth", "locale")
    )
    organisations = sections.organisations_by_district()
    return {
        "district_news": items,
        "district_meetings": meetings,
        "district_trainings": sections.upcoming_trainings(limit=3, district_code=code),
        "district_calls": sections.open_grant_calls(limit=3, district_code=code),
        "district_organisations": None if organisations is None else organisations.get(code, 0),
    }
