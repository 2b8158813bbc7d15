"""The competition panels on the admin's home: coordinators see calls by status, a server-drawn
chart of applications per district, reviews pending per expert and overdue reports; press and
experts do not; the panels cost the same number of queries for 10 or 60 applications."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from grants import decisions
from grants.dashboard import district_chart
from grants.models import Application, Assignment, Grant

from .competition import call_with_rubric, make_applications, member, scored

ROLES = ["press", "expert", "coordinator", "superuser"]


@pytest.fixture
def world(db):
    call = call_with_rubric(closes=-1, opens=-30)
    applications = make_applications(call, 4)
    Application.objects.filter(pk=applications[0].pk).update(district_code="akzhaik")
    expert = member("expert1", "Experts")
    for application in applications[1:]:
        Assignment.objects.create(application=application, expert=expert)
    coordinator = member("coord", "Coordinators")
    decisions.award(applications[1], 570000, coordinator, in_order=False)
    decisions.publish_results(call, coordinator)
    Grant.objects.update(interim_report_due=timezone.localdate() - timedelta(days=3))
    return call, applications, coordinator, expert


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_panels_for_coordinators_only(client, world, role):
    _call, applications, coordinator, expert = world
    users = {
        "press": member("press", "Press"),
        "expert": expert,
        "coordinator": coordinator,
        "superuser": User.objects.create_superuser("root", "root@example.org", "pw-123456789"),
    }
    client.force_login(users[role])
    page = client.get("/admin/").content.decode()
    shown = "grants-dashboard" in page
    assert shown == (role in {"coordinator", "superuser"}), role
    if shown:
        assert "<svg" in page and "<script" not in page.split("grants-dashboard")[1].split("</section>")[0]
        assert "expert1" in page  # two reviews still pending (one went with the award)
        assert applications[1].reference in page  # its interim report is overdue


@pytest.mark.django_db
def test_chart_bars_follow_the_counts(client, world):
    """Three applications in Burli, one in Akzhaik: two bars, the first three times as long."""
    _call, _applications, coordinator, _expert = world
    client.force_login(coordinator)
    page = client.get("/admin/").content.decode()
    chart = page.split('aria-labelledby="grants-districts-heading"')[1].split("</svg>")[0]
    assert chart.count("<rect") == 2
    assert ">3</text>" in chart and ">1</text>" in chart
    bars, _height = district_chart({"burli": 3, "akzhaik": 1}, {"burli": "Бурлинский"})
    assert [bar["label"] for bar in bars] == ["Бурлинский", "akzhaik"]
    assert abs(bars[0]["width"] - 3 * bars[1]["width"]) <= 1  # rounded to whole pixels


@pytest.mark.django_db
def test_panels_in_constant_queries(client, world):
    call, _applications, coordinator, _expert = world
    client.force_login(coordinator)
    client.get("/admin/")  # warm what every admin page loads once

    def panel_queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/admin/").status_code == 200
        return len(captured)

    few = panel_queries()
    make_applications(call, 60, status="under_review", start=100)
    assert panel_queries() == few


@pytest.mark.django_db
def test_an_expert_home_says_what_waits_for_them(client):
    """Two to declare, one to score, one submitted; a conflicted one is not theirs any more; press see none of it."""
    call = call_with_rubric(closes=-1, opens=-30)
    applications = make_applications(call, 5)
    expert = member("expert1", "Experts")
    for application in applications[:2]:
        Assignment.objects.create(application=application, expert=expert)
    Assignment.objects.create(application=applications[2], expert=expert, conflict=False)
    Assignment.objects.create(application=applications[3], expert=expert, conflict=True)
    scored(applications[4], expert, 4, 4)
    client.force_login(expert)
    page = client.get("/admin/").content.decode()
    assert "2 заявки ждут вашей декларации о конфликте интересов." in page
    assert "1 заявка ждёт вашей оценки." in page and "Вы отправили 1 оценку." in page
    assert reverse("grants_reviews") in page and "grants-dashboard" not in page
    client.force_login(member("press", "Press"))
    assert reverse("grants_reviews") not in client.get("/admin/").content.decode()
