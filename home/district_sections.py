"""What a district's page shows from the domains: its news and meetings, calls, trainings, NGOs."""

from cms_plugins.locales import active_locale_id

from .sources import NOT_INSTALLED, source

DISTRICT_NEWS = 6
DISTRICT_CALLS = DISTRICT_TRAININGS = 3


def district_sections(page):
    """The sections of ``page`` (a DistrictPage; its NGO count comes annotated by the route, if at all)."""
    code = page.district.code
    locale_id = active_locale_id()
    news, meetings = [], []
    pages = source("news").public(locale_id)
    if pages is not NOT_INSTALLED:
        news, meetings = pages.in_district(code).latest_and_meetings(DISTRICT_NEWS)
    return {
        "district_news": news,
        "district_meetings": meetings,
        "district_trainings": source("trainings").listing_in(locale_id, DISTRICT_TRAININGS, district_code=code),
        "district_calls": source("grant_calls").listing_in(locale_id, DISTRICT_CALLS, district_code=code),
        "district_organisations": getattr(page, "organisations", None),
    }
