"""The monitoring screen and its export: coordinators yes; press, experts and visitors no; the public figures."""

import io
import re

import pytest
from django.contrib.auth.models import Group, User
from openpyxl import load_workbook

from .conftest import by_key

pytestmark = pytest.mark.django_db


def member_of(name):
    user = User.objects.create_user(name.lower(), password="x")
    user.groups.add(Group.objects.get(name=name))
    return user


def test_coordinators_see_values_against_targets_with_charts(client, known):
    client.force_login(member_of("Coordinators"))
    response = client.get("/admin/monitoring/?year=2026")
    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="indicator-meetings_held"' in html and "monitoring-quarters" in html and "<svg" in html
    assert "<em>данных пока нет</em>" not in html  # every indicator has its source now
    assert client.get("/admin/snippets/monitoring/indicatorplan/add/").status_code == 200


def test_the_export_is_one_row_per_indicator_with_quarters_and_districts(client, known):
    """Protects the funder's file: fixed columns, quarters, one column per district code."""
    client.force_login(member_of("Coordinators"))
    response = client.get("/admin/monitoring/export/?year=2026&format=xlsx")
    assert response.status_code == 200 and "monitoring-2026.xlsx" in response["Content-Disposition"]
    rows = list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    header = list(rows[0])
    assert header[:12] == [
        "key",
        "indicator",
        "unit",
        "baseline",
        "baseline_year",
        "target",
        "value",
        "percent_of_target",
        "q1",
        "q2",
        "q3",
        "q4",
    ]
    assert {"burli", "taskala", "uralsk"} <= set(header[12:]) and len(rows) == 16
    meetings = dict(zip(header, next(r for r in rows if r[0] == "meetings_held"), strict=True))
    assert str(meetings["value"]) == "3" and str(meetings["burli"]) == "2"
    csv = client.get("/admin/monitoring/export/?year=2026&format=csv").content.decode("utf-8")
    assert csv.startswith("\ufeffkey;indicator")


@pytest.mark.parametrize("group", ["Press", "Experts"])
def test_press_and_experts_do_not_see_monitoring(client, known, group):
    client.force_login(member_of(group))
    for url in ("/admin/monitoring/", "/admin/monitoring/export/", "/admin/snippets/monitoring/indicatorplan/"):
        assert client.get(url).status_code in (302, 403), url
    assert "/admin/monitoring/" not in client.get("/admin/").content.decode()


def test_visitors_are_sent_to_log_in(client, known):
    response = client.get("/admin/monitoring/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_home_figures_and_the_map_read_the_same_values(client, known):
    """Protects one truth: the public figures are the monitoring values, not typed numbers."""
    from home.coverage import coverage
    from monitoring.public import figures_by_key

    home = known["homes"]["ru"]
    home.body = [("programme_figures", {"title": ""})]
    home.save_revision().publish()
    html = client.get(home.url).content.decode()
    values = figures_by_key()
    assert f"<dd>{values['meetings_held'].value}</dd>" in html and values["meetings_held"].value == 3  # since 2026
    assert f"<dd>{values['districts_visited'].value} / 13</dd>" in html
    assert re.search(r"<dt>Выплачено</dt><dd>342\s000\s₸</dd>", html)  # the paid tranche, not the award
    rows = {row.code: row for row in coverage()}
    assert rows["burli"].meetings == values["meetings_held"].by_district["burli"] == 2
    assert rows["burli"].organisations == values["ngos_known"].by_district["burli"] == 2


def test_district_pages_agree_with_the_monitoring_values(client, known):
    """Protects one truth on district pages too: their own counts follow the same rules."""
    from monitoring.public import figures_by_key
    from tests.news.conftest import add_district_page

    page = add_district_page(known["district_indexes"]["ru"], "burli")
    html = client.get(page.url).content.decode()
    values = figures_by_key()
    assert values["meetings_held"].by_district["burli"] == 2 and values["ngos_known"].by_district["burli"] == 2
    facts = html[html.index('class="district-facts"') : html.index("</dl>")]
    assert facts.count("<dd>2</dd>") == 2


def test_the_demo_gives_every_indicator_a_baseline_and_targets(db):
    """Protects `make run`: every indicator shows a baseline and targets, and a second run duplicates nothing."""
    import io as _io

    from django.core.management import call_command

    from monitoring.compute import compute

    call_command("load_demo", stdout=_io.StringIO())
    call_command("load_demo", stdout=_io.StringIO())
    values = by_key(compute(2026, ("burli",)))
    assert all(value.target is not None for value in values.values())
    assert values["ngos_known"].baseline == 655 and values["ngos_active"].baseline == 100
    assert values["district_level_share"].baseline == 8
