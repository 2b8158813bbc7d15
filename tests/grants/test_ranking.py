"""The ranking table: weighted means, spread, disagreement, running total; sortable, exported, constant queries."""

import io
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from grants.models import Application, Assignment
from grants.ranking import ranking

from .competition import call_with_rubric, make_applications, member, scored


@pytest.fixture
def setup(db):
    call = call_with_rubric()
    call.disagreement_threshold = 5
    call.save_revision().publish()
    call.refresh_from_db()
    experts = [member(f"expert{n}", "Experts") for n in (1, 2, 3)]
    return call, experts


@pytest.mark.django_db
def test_ranking_figures(setup):
    """Mean of weighted totals, reviews counted only when submitted and unconflicted, spread, flag, running total."""
    call, (e1, e2, e3) = setup
    a, b, c = make_applications(call, 3, status="under_review", requested=500000)
    scored(a, e1, 10, 5)  # 25
    scored(a, e2, 8, 5)  # 21
    Assignment.objects.create(application=a, expert=e3, conflict=True)  # does not count
    scored(b, e1, 10, 5)  # 25
    scored(b, e2, 5, 0)  # 10 -> spread 15 > 5
    Assignment.objects.create(application=b, expert=e3, conflict=False)  # not submitted: does not count
    rows = ranking(call)
    assert [(r.application.pk, r.mean, r.reviews, r.spread, r.disagreement) for r in rows] == [
        (a.pk, Decimal("23.00"), 2, Decimal("4.00"), False),
        (b.pk, Decimal("17.50"), 2, Decimal("15.00"), True),
        (c.pk, None, 0, None, False),
    ]
    assert [r.running_total for r in rows] == [500000, 1000000, 1500000]
    by_spread = ranking(call, "spread")
    assert by_spread[0].application.pk == b.pk and by_spread[0].running_total == 1000000  # totals follow rank


@pytest.mark.django_db
def test_ranking_page_and_export_queries_do_not_grow_with_applications(client, setup):
    """10 or 1,000 shortlisted applications, three reviews each: the page (every row with its
    forms) and its XLSX cost the same number of queries."""
    call, experts = setup
    coordinator = member("coord", "Coordinators")
    client.force_login(coordinator)
    url = reverse("grants_ranking", args=[call.pk])

    def fill(count, start):
        applications = make_applications(call, count, status="shortlisted", start=start)
        Assignment.objects.bulk_create(
            Assignment(
                application=application,
                expert=e,
                conflict=False,
                total=Decimal(10 + i),
                scored_at=application.submitted_at,
            )
            for application in applications
            for i, e in enumerate(experts)
        )
        return applications

    fill(10, 0)
    client.get(url)
    with CaptureQueriesContext(connection) as ten:
        assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as export_ten:
        assert client.get(url + "?export=xlsx").status_code == 200
    last = fill(990, 10)[-1]
    with CaptureQueriesContext(connection) as thousand:
        response = client.get(url)
    html = response.content.decode()
    assert html.count('name="action" value="award"') == 1000
    assert len(thousand) == len(ten), [q["sql"] for q in thousand.captured_queries]
    # each row links to its application and posts its decision to its own address
    assert f'href="{reverse("grant_applications:inspect", args=[last.pk])}"' in html
    assert html.count(f'action="{reverse("grants_decide", args=[last.pk])}"') == 2
    assert f'id="amount-{last.pk}" name="amount" inputmode="numeric" size="9" value="570000"' in html
    with CaptureQueriesContext(connection) as export:
        response = client.get(url + "?export=xlsx")
    assert len(export) == len(export_ten) <= len(ten)
    assert len(list(load_workbook(io.BytesIO(response.content)).active.iter_rows())) == 1 + 1000


@pytest.mark.django_db
def test_ranking_exports_to_xlsx_with_formulas_escaped(client, setup):
    """The workbook has the table's columns, and an organisation named like a formula stays text."""
    call, (e1, *_rest) = setup
    (a,) = make_applications(call, 1, status="shortlisted")
    Application.objects.filter(pk=a.pk).update(organisation_name='=HYPERLINK("http://evil")')
    scored(a, e1, 7, 3)
    client.force_login(member("coord", "Coordinators"))
    response = client.get(reverse("grants_ranking", args=[call.pk]) + "?export=xlsx", HTTP_ACCEPT_LANGUAGE="en")
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:4] == ("Rank", "Reference", "Organisation or group", "District")
    assert rows[1][0] == 1 and rows[1][2] == '\'=HYPERLINK("http://evil")' and rows[1][6] == 17


@pytest.mark.django_db
def test_only_coordinators_see_the_ranking(client, setup):
    """Experts and press get neither the table nor the export."""
    call, (e1, *_rest) = setup
    for user in (e1, member("press", "Press")):
        client.force_login(user)
        url = reverse("grants_ranking", args=[call.pk])
        assert client.get(url).status_code in (302, 403)
        assert client.get(url + "?export=xlsx").status_code in (302, 403)
