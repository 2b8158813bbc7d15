"""Each indicator computed on a known data set (tests/monitoring/conftest.py), in a constant number of queries."""

import datetime

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from monitoring.compute import compute, table
from monitoring.models import IndicatorPlan, IndicatorTarget
from monitoring.registry import INDICATORS

from .conftest import by_key

pytestmark = pytest.mark.django_db

CODES = ("burli", "syrym", "taskala", "uralsk")


def test_every_indicator_on_the_known_data_set_in_2026(known):
    """Protects the funder's report: each figure as worked out by hand in the conftest."""
    values = by_key(compute(2026, CODES))
    assert values["districts_visited"].value == 2  # Burli, Taskala (Syrym's was 2025, the draft is not live)
    assert values["meetings_held"].value == 3 and values["meetings_held"].by_district == {
        "burli": 2,
        "syrym": 0,
        "taskala": 1,
        "uralsk": 0,
    }
    assert values["meetings_held"].by_quarter == [1, 1, 1, 0]
    assert values["meeting_participants"].value == 60  # 30 + 20 (two languages, once) + 10
    assert values["meeting_participants"].by_district["burli"] == 40
    # stocks at the end of 2026: three organisations not closed; two active; one of three outside the city
    assert values["ngos_known"].value == 3 and values["ngos_known"].by_district["burli"] == 2
    assert values["ngos_known"].by_quarter == [2, 3, 3, 3]  # Uralsk's (2025) and Burli's from January; May's
    assert values["ngos_active"].value == 2
    assert values["district_level_share"].value == pytest.approx(66.7)  # Burli ×2 of 3
    assert values["ngos_registered"].value == 1  # registered in March 2026 (the closed one has no date)
    assert values["consultations_given"].value == 2 and values["consultations_given"].by_quarter == [1, 0, 0, 1]
    assert values["applications_received"].value == 4  # the withdrawn one is not counted
    assert values["applications_received"].by_district == {"burli": 2, "syrym": 0, "taskala": 2, "uralsk": 0}
    # the training of some 40 days ago is over, the webinar is not; two people, one of them at both sessions
    ended = timezone.localdate() - datetime.timedelta(days=39)
    trainings = by_key(compute(ended.year, CODES))
    assert trainings["trainings_held"].value == 1 and trainings["trainings_held"].by_district["burli"] == 1
    assert trainings["trainings_held"].by_quarter[(ended.month - 1) // 3] == 1
    assert trainings["people_trained"].value == 2 and trainings["people_trained"].by_district["burli"] == 2
    # the standing award only: Taskala, 570 000 ₸, in the third quarter
    assert values["grants_awarded"].value == 1 and values["grants_awarded"].by_quarter == [0, 0, 1, 0]
    assert values["amount_awarded"].value == 570000 and values["amount_awarded"].by_district["taskala"] == 570000


def test_disbursements_and_accepted_reports_come_from_the_grant_records(known):
    """Protects the money figures: only paid tranches count, on the day paid; only accepted reports."""
    values = by_key(compute(2026, CODES))
    assert values["amount_disbursed"].value == 342000  # the unpaid second tranche is not counted
    assert values["amount_disbursed"].by_district["taskala"] == 342000
    assert values["amount_disbursed"].by_quarter == [0, 0, 342000, 0]
    assert values["reports_accepted"].value == 1 and values["reports_accepted"].by_quarter == [0, 0, 0, 1]


def test_indicators_without_a_source_say_no_data(known, monkeypatch):
    """Protects against a false zero: facts a site does not record are "no data yet", never 0."""
    from monitoring import sources

    monkeypatch.setitem(sources.SOURCES, "disbursements", sources.FunctionSource("grants", "grants.nowhere", "x"))
    values = by_key(compute(2026, CODES))
    assert values["amount_disbursed"].has_data is False and values["amount_disbursed"].value is None


def test_the_programme_to_date_counts_from_its_start(known, settings):
    """Protects the public figures: "to date" is since the programme began, a stock counts everything."""
    settings.MONITORING_PROGRAMME_START = "2025-01-01"
    values = by_key(compute(None, CODES))
    assert values["meetings_held"].value == 4 and values["districts_visited"].value == 3
    assert values["ngos_registered"].value == 1  # the 2019 registration is not the programme's
    settings.MONITORING_PROGRAMME_START = "2026-01-01"
    values = by_key(compute(None, CODES))
    assert values["meetings_held"].value == 3 and values["ngos_known"].value == 3


def test_baseline_and_target_come_from_the_plans(known):
    """Protects what coordinators entered: baseline, the year's target and the progress."""
    plan = IndicatorPlan.objects.create(key="meetings_held", baseline=0, baseline_year=2025)
    IndicatorTarget.objects.create(plan=plan, year=2026, value=6)
    IndicatorTarget.objects.create(plan=plan, year=2027, value=12)
    value = by_key(compute(2026, CODES))["meetings_held"]
    assert value.baseline == 0 and value.target == 6 and value.progress == 50


def test_a_constant_number_of_queries_whatever_the_data(known):
    """Protects page speed: every source in one query, the plans in one more, however many facts."""
    from cms_plugins.crm.models import Organisation

    cache.clear()  # the privacy check of pages (one query, cached and shared with every page) counts too
    with CaptureQueriesContext(connection) as small:
        compute(2026, CODES)
    Organisation.objects.bulk_create([Organisation(name=f"ОО {n}") for n in range(200)])
    cache.clear()
    with CaptureQueriesContext(connection) as large:
        compute(2026, CODES)
    assert len(small.captured_queries) == len(large.captured_queries) <= 3
    union = [q["sql"] for q in large.captured_queries if "UNION ALL" in q["sql"]]
    assert len(union) == 1 and union[0].count("UNION ALL") == 9  # ten sources in one query
    assert len(INDICATORS) == 15


def test_values_are_cached_and_renewed_when_a_source_changes(known):
    """Protects freshness: a cached table, recomputed after a new meeting report or a new plan."""
    from tests.news.conftest import add_news

    cache.clear()
    first = by_key(table(2026, CODES))["meetings_held"].value
    with CaptureQueriesContext(connection) as ctx:
        table(2026, CODES)
    assert len(ctx.captured_queries) == 0
    add_news(
        known["indexes"]["ru"],
        "Сырым 2026",
        category="district-meeting",
        districts=["syrym"],
        meeting_date=__import__("datetime").date(2026, 6, 1),
        participants=5,
    )
    assert by_key(table(2026, CODES))["meetings_held"].value == first + 1
    IndicatorPlan.objects.create(key="meetings_held", baseline=1)
    assert by_key(table(2026, CODES))["meetings_held"].baseline == 1
