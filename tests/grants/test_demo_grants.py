"""The demo's past call after the award: agreements, a paid tranche, an accepted interim report,
exactly one overdue report, the report questions on the call; loading again changes nothing."""

import io

import pytest
from django.core.management import call_command

from grants import grant_reports
from grants.models import Grant, GrantCallPage, GrantReport, Tranche
from tests.home.conftest import _demo_in_module, _media_in_tmp, demo, demo_media  # noqa: F401 - module-wide demo


@pytest.mark.usefixtures("demo")
def test_demo_grants_after_the_award():
    call = GrantCallPage.objects.get(slug="small-grants-2025", locale__language_code="ru")
    grants = Grant.objects.of_call(call).prefetch_related("reports", "tranches").select_related("application")
    assert grants.count() == 5
    assert all(grant.agreement_number for grant in grants)
    paid = Tranche.objects.filter(grant__in=grants, paid_on__isnull=False)
    assert paid.count() == 1 and paid.get().amount <= paid.get().grant.application.awarded_amount
    accepted = GrantReport.objects.get(grant__in=grants)
    assert accepted.kind == "interim" and accepted.status == "accepted"
    # the accepted report's spending reads against the budget lines the grantee applied with
    lines = grant_reports.budget_lines(accepted.grant.application)
    assert [(line["item"], line["amount"]) for line in lines] == [(r["item"], r["planned"]) for r in accepted.spending]
    assert sum(line["amount"] for line in lines) == accepted.grant.application.requested_amount
    for grant in grants:
        assert sum(line["amount"] for line in grant_reports.budget_lines(grant.application)) == grant.award
    overdue = [row for row in grant_reports.report_rows(grants) if row[4]]
    assert len(overdue) == 1
    for language in ("ru", "kk", "en"):
        page = GrantCallPage.objects.get(slug="small-grants-2025", locale__language_code=language)
        assert page.report_steps[0].value["key"] == "narrative"
    before = (Grant.objects.count(), Tranche.objects.count(), GrantReport.objects.count())
    call_command("load_demo", stdout=io.StringIO())
    assert (Grant.objects.count(), Tranche.objects.count(), GrantReport.objects.count()) == before
