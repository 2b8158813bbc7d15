"""What a district's page shows from the domains: its news and meetings, calls, trainings, NGOs."""

from wagtail.models import Locale

from .sources import NOT_INSTALLED, organisations_by_district, source

DISTRICT_NEWS = 6
DISTRICT_CALLS = DISTRICT_TRAININGS = 3


def district_sections(code):
    locale = Locale.get_active()
    news = source("news").public(locale)
    meetings = []
    if news is not NOT_INSTALLED:
        meetings = list(
            news.in_district(code)
            .meetings()
            .latest()
            .defer_streamfields()
            .only("title", "url_path", "meeting_date", "participants", "villages", "path", "depth", "locale")
        )
    organisations = organisations_by_district()
    return {
        "district_news": source("news").listing_in(locale, DISTRICT_NEWS, district_code=code),
        "district_meetings": meetings,
        "district_trainings": source("trainings").listing_in(locale, DISTRICT_TRAININGS, district_code=code),
        "district_calls": source("grant_calls").listing_in(locale, DISTRICT_CALLS, district_code=code),
        "district_organisations": None if organisations is None else organisations.get(code, 0),
    }
