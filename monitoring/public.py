"""What the public site shows of the indicators: the programme to date, in total and per district.

Home (the "programme in figures" block, the coverage map and the districts' index) reads
these, so the site and the coordinators' monitoring screen show the same numbers. (A
district's own page counts its meetings and NGOs in the queries it makes anyway, with the
same rules; tests/monitoring/test_public.py checks the two agree.)
Reference data only: districts' codes from the cached districts of the language.
"""

from cms_plugins.locales import active_locale_id
from cms_plugins.places.pages import districts_by_code

from .compute import table


def district_codes():
    return sorted(districts_by_code(active_locale_id()))


def programme_to_date():
    """[IndicatorValue] of every indicator, the programme to date, with per-district values (cached)."""
    return table(None, tuple(district_codes()), with_plans=False)


def public_figures():
    """The indicators the public sees, with data (an indicator without data yet is left out)."""
    return [value for value in programme_to_date() if value.indicator.public and value.has_data]


def figures_by_key():
    return {value.key: value for value in programme_to_date()}
