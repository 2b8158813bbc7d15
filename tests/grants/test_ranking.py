"""The ranking table: weighted means, spread, disagreement, running total; sortable, exported, constant queries."""

import io
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

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
def test_ranking_page_queries_do_not_grow_with_applications(client, setup):
    """10 or 100 applications, three reviews each: the same number of queries."""
    call, experts = setup
    coordinator = member("coord", "Coordinators")
    client.force_login(coordinator)
    url = reverse("grants_ranking", args=[call.pk])

    def fill(count, start):
        for application in make_applications(call, count, status="shortlisted", start=start):
            Assignment.objects.bulk_create(
                Assignment(
                    application=application,
                    expert=e,
                    conflict=False,
                    total=Decimal(10 + i),
                    scored_at=application.submitted_at,
                )
                for i, e in enumerate(experts)
            )

    fill(10, 0)
    client.get(url)
    with CaptureQueriesContext(connection) as ten:
        assert client.get(url).status_code == 200
    fill(90, 10)
    with CaptureQueriesContext(connection) as hundred:
        response = client.get(url)
    assert response.content.decode().count('name="action" value="award"') == 100
    assert len(hundred) == len(ten), [q["sql"] for q in hundred.captured_queries]
    with CaptureQueriesContext(connection) as export:
        client.get(url + "?export=xlsx")
    assert len(export) <= len(ten)


@pytest.mark.django_db
def test_ranking_exports_to_xlsx_with_formulas_escaped(client, setup):
    """The workbook has the table's columns, and an organisation named like a formula stays text."""
    from openpyxl import load_workbook

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
