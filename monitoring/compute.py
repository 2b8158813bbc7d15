"""Indicator values from the facts: per period, per district and per quarter; cached, renewed on change.

``table(year)`` is what the admin screen, the export and the public figures read:
every indicator's value with its baseline and target. The facts cost one query
(``sources.load_facts``), the plans one more; the result is cached under a version
number that any change to a source model or a plan raises (``apps.py``).
"""

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone

from .registry import INDICATORS
from .sources import NOT_INSTALLED, load_facts

CACHE_SECONDS = 600
# "To date" counts what happened since the programme began (a registration of 2015 is not
# the programme's); a site sets MONITORING_PROGRAMME_START (ISO date) to move it.
DEFAULT_PROGRAMME_START = "2026-01-01"


def programme_start():
    return datetime.date.fromisoformat(getattr(settings, "MONITORING_PROGRAMME_START", DEFAULT_PROGRAMME_START))


VERSION_KEY = "monitoring:version"


def version():
    cache.add(VERSION_KEY, 1, None)
    return cache.get(VERSION_KEY) or 1


def renew(**kwargs):
    """Connected to every watched model's saves and deletes: the next reader computes anew."""
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.add(VERSION_KEY, 2, None)


@dataclass
class IndicatorValue:
    indicator: object
    has_data: bool
    value: float | int | None = None
    by_district: dict = field(default_factory=dict)
    by_quarter: list = field(default_factory=list)
    baseline: object = None
    baseline_year: int | None = None
    target: object = None

    @property
    def key(self):
        return self.indicator.key

    @property
    def progress(self):
        """The value as a percentage of the target (None without either)."""
        if not self.has_data or self.value is None or not self.target:
            return None
        return round(100 * float(self.value) / float(self.target))


def quarter_bounds(year, quarter):
    start = datetime.date(year, 3 * quarter - 2, 1)
    end = datetime.date(year + (quarter == 4), 1 if quarter == 4 else 3 * quarter + 1, 1) - datetime.timedelta(days=1)
    return start, end


def in_period(rows, indicator, start, end):
    """Facts of a flow within [start, end]; of a stock up to ``end``."""
    return [
        row
        for row in rows
        if row["day"] is not None and row["day"] <= end and (indicator.stock or start is None or row["day"] >= start)
    ]


def matches(row, conditions):
    return all(row.get(key) == value for key, value in conditions.items())


def aggregate(indicator, rows):
    """One figure of ``rows`` (facts already in the period) by the indicator's rule."""
    how = indicator.how
    if how == "districts":
        return len({row["district"] for row in rows if row["district"]})
    if how == "share":
        if not rows:
            return None
        part = sum(1 for row in rows if matches(row, indicator.numerator))
        return round(100 * part / len(rows), 1)
    by_subject = {}
    for number, row in enumerate(rows):
        # a subject counts once (a meeting in three languages, a person at two trainings)
        by_subject.setdefault(row["subject"] if row["subject"] is not None else f"#{number}", row)
    if how == "sum":
        return sum(int(row["amount"] or 0) for row in by_subject.values())
    return len(by_subject)


def value_of(indicator, rows, year, districts):
    kept = [row for row in rows if matches(row, indicator.where)]
    if year is None:
        start, end = programme_start(), timezone.localdate()
    else:
        start, end = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    result = IndicatorValue(indicator=indicator, has_data=True)
    period = in_period(kept, indicator, start, end)
    result.value = aggregate(indicator, period)
    if indicator.per_district:
        result.by_district = {
            code: aggregate(indicator, [row for row in period if row["district"] == code]) for code in districts
        }
    if year is not None:
        result.by_quarter = [
            aggregate(indicator, in_period(kept, indicator, *quarter_bounds(year, q))) for q in range(1, 5)
        ]
    return result


def plans():
    """{key: (baseline, baseline year, {year: target})} as coordinators entered them, in one query."""
    from .models import IndicatorPlan

    found = {}
    rows = IndicatorPlan.objects.values_list("key", "baseline", "baseline_year", "targets__year", "targets__value")
    for key, baseline, baseline_year, year, target in rows:
        entry = found.setdefault(key, (baseline, baseline_year, {}))
        if year is not None:
            entry[2][year] = target
    return found


def compute(year=None, districts=(), with_plans=True):
    """[IndicatorValue] of every indicator for ``year`` (None: the programme to date)."""
    facts = load_facts(sorted({indicator.source for indicator in INDICATORS}))
    planned = plans() if with_plans else {}
    values = []
    for indicator in INDICATORS:
        rows = facts[indicator.source]
        if rows is NOT_INSTALLED:
            value = IndicatorValue(indicator=indicator, has_data=False)
        else:
            value = value_of(indicator, rows, year, districts)
        baseline, baseline_year, targets = planned.get(indicator.key, (None, None, {}))
        value.baseline, value.baseline_year = baseline, baseline_year
        value.target = targets.get(year) if year is not None else (targets[max(targets)] if targets else None)
        values.append(value)
    return values


def table(year=None, districts=(), with_plans=True):
    """``compute`` through the cache (renewed when any source or plan changes)."""
    key = f"monitoring:table:{version()}:{year}:{','.join(districts)}:{int(with_plans)}"
    values = cache.get(key)
    if values is None:
        values = compute(year, districts, with_plans)
        cache.set(key, values, CACHE_SECONDS)
    return values
