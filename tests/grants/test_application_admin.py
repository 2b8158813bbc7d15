"""Coordinators' applications of a call: the list (filters, search, sorting, constant queries),
the detail with every answer under its key, files, CRM records and history, and its print version."""

import datetime
import io

import openpyxl
import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from grants.models import Application

from .competition import call_with_rubric, make_applications, member, shortlisted_with_roles
from .factories import Applicant

ROLES = ["anonymous", "press", "expert", "coordinator", "superuser"]
ALLOWED = {"coordinator", "superuser"}


@pytest.fixture
def coordinator(db):
    return member("coord", "Coordinators")


@pytest.fixture
def staff(coordinator):
    client = Client()
    client.force_login(coordinator)
    return client


@pytest.fixture
def submitted(call, django_capture_on_commit_callbacks):
    """One application sent through the real form (its answers, files and CRM records)."""
    person = Applicant(Client(), call)
    person.start()
    person.fill_all()
    with django_capture_on_commit_callbacks(execute=True):
        person.submit()
    return Application.objects.get()


def listing(client, call, **params):
    response = client.get(reverse("grants_applications", args=[call.pk]), params)
    assert response.status_code == 200
    return response


def references(response):
    return [application.reference for application in response.context["page"]]


@pytest.mark.django_db
def test_filters_search_and_sorting(staff):
    """Each filter narrows the list; search finds by reference, organisation, BIN and email; sorting orders it."""
    call = call_with_rubric()
    first, second, third = make_applications(call, 3, status="submitted")
    Application.objects.filter(pk=first.pk).update(
        status="shortlisted", district_code="syrym", bin="940140000385", requested_amount=300000
    )
    Application.objects.filter(pk=second.pk).update(applicant_type="initiative_group", email="group@example.kz")
    assert references(listing(staff, call, status="shortlisted")) == [first.reference]
    assert references(listing(staff, call, district="syrym")) == [first.reference]
    assert references(listing(staff, call, applicant_type="initiative_group")) == [second.reference]
    assert references(listing(staff, call, max_amount="400000")) == [first.reference]
    assert set(references(listing(staff, call, min_amount="400000"))) == {second.reference, third.reference}
    assert references(listing(staff, call, q="9401400")) == [first.reference]
    assert references(listing(staff, call, q="GROUP@example")) == [second.reference]
    assert references(listing(staff, call, q=third.reference)) == [third.reference]
    assert references(listing(staff, call, q="Ауыл 2»")) == [second.reference]
    assert references(listing(staff, call, sort="amount"))[0] == first.reference
    assert references(listing(staff, call, sort="reference")) == [first.reference, second.reference, third.reference]
    assert references(listing(staff, call, sort="-reference")) == [third.reference, second.reference, first.reference]


@pytest.mark.django_db
def test_list_shows_district_names_and_only_this_call(staff):
    """The district reads «Сырымский район», not "syrym"; another call's applications stay out."""
    call = call_with_rubric()
    other = call_with_rubric(title="Other", slug="other")
    make_applications(call, 1, status="submitted")
    make_applications(other, 1, status="submitted", start=5)
    Application.objects.filter(call=call).update(district_code="syrym")
    response = listing(staff, call)
    assert len(references(response)) == 1
    assert "Сырым" in response.content.decode() and ">syrym<" not in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "params",
    [
        {"min_amount": "lots"},
        {"max_amount": "-5"},
        {"status": "<script>"},
        {"sort": "password"},
        {"p": "999"},
        {"p": "x"},
        {"q": "x" * 5000},
        {"district": "\x00"},
        {"min_amount": "9" * 40},
    ],
)
def test_hostile_queries_answer_200(staff, params):
    """Nonsense in the query string is shown as a form error or ignored, never a 500."""
    call = call_with_rubric()
    make_applications(call, 2, status="submitted")
    assert client_get_ok(staff, reverse("grants_applications", args=[call.pk]), params)
    assert client_get_ok(staff, reverse("grants_application_export", args=[call.pk]), params)


def client_get_ok(client, url, params):
    return client.get(url, params).status_code == 200


def queries_of(client, url, params=None):
    client.get(url)  # warm the session and permission caches
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url, params or {}).status_code == 200
    return len(queries)


@pytest.mark.django_db
def test_list_and_export_cost_the_same_queries_for_10_and_1000(staff):
    """The list's and the exports' (XLSX, CSV) query counts do not grow with the number of applications."""
    call = call_with_rubric()
    make_applications(call, 10, status="submitted")
    export = reverse("grants_application_export", args=[call.pk])
    params = {"status": "submitted", "sort": "amount"}
    screens = [(reverse("grants_applications", args=[call.pk]), params), (export, params)]
    screens.append((export, {**params, "format": "csv"}))
    with_10 = [queries_of(staff, url, params) for url, params in screens]
    make_applications(call, 990, status="submitted", start=10)
    assert [queries_of(staff, url, params) for url, params in screens] == with_10
    assert with_10[0] <= 16
    assert len(openpyxl.load_workbook(io.BytesIO(staff.get(export).content)).active["A"]) == 2 + 1000


@pytest.mark.django_db
def test_detail_shows_answers_in_order_with_keys_files_crm_and_history(staff, submitted):
    """Every answer under its stable key in the applicant's order, the file link, CRM links, the history."""
    submitted.status = "screening"
    submitted.save()
    submitted.events.create(kind="status", from_status="submitted", to_status="screening", reason="Checked")
    response = staff.get(reverse("grants_application_detail", args=[submitted.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    keys = [
        "applicant.organisation_name",
        "project.project_title",
        "project.problem",
        "plan.activities",
        "budget.lines",
    ]
    positions = [html.index(key) for key in keys]
    assert positions == sorted(positions)
    assert "Детям негде играть." in html
    file = submitted.files()[0]
    assert reverse("grants_application_file", args=[submitted.pk, file.pk]) in html
    assert "/admin/snippets/crm/organisation/edit/" in html and "/admin/snippets/crm/person/edit/" in html
    assert "Checked" in html
    assert "Бөрлі" in html or "Бурлин" in html


@pytest.mark.django_db
def test_print_version_has_the_same_content_and_print_css(staff, submitted):
    """The print page: a page of its own with the print stylesheet and the same answers and files."""
    response = staff.get(reverse("grants_application_print", args=[submitted.pk]))
    html = response.content.decode()
    assert response.status_code == 200 and "grants/print.css" in html and "wagtailadmin" not in html
    assert "project.problem" in html and "Детям негде играть." in html and "scan.pdf" in html


@pytest.mark.django_db
def test_inspect_view_shows_the_district_name(staff, submitted):
    """The admin's inspect view names the district instead of showing its code."""
    Application.objects.update(district_code="syrym")
    html = staff.get(reverse("grant_applications:inspect", args=[submitted.pk])).content.decode()
    assert "Сырым" in html and ">syrym<" not in html


@pytest.mark.django_db
def test_inspect_view_shows_times_in_the_regions_time_zone(staff, submitted):
    """Submitted at 21:51 UTC reads 02:51 the next day in Oral (UTC+5), as in the list, not the stored UTC."""
    moment = datetime.datetime(2026, 12, 1, 21, 51, tzinfo=datetime.UTC)
    Application.objects.update(submitted_at=moment, consent_at=moment)
    html = staff.get(reverse("grant_applications:inspect", args=[submitted.pk])).content.decode()
    assert html.count("2 декабря 2026, 02:51") == 2 and "21:51" not in html


@pytest.mark.django_db
def test_unknown_application_or_call_is_404(staff):
    for url in [reverse("grants_application_detail", args=[987654]), reverse("grants_applications", args=[987654])]:
        assert staff.get(url, follow=True).status_code == 404


@pytest.fixture
def world(db):
    call, application, _assignment, users = shortlisted_with_roles()
    return call, application, users


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_who_may_open_the_applications_screens(client, world, role):
    """Coordinators and superusers only; press and experts (even the assigned one) are refused."""
    call, application, users = world
    if users[role]:
        client.force_login(users[role])
    for url in [
        reverse("grants_applications", args=[call.pk]),
        reverse("grants_application_export", args=[call.pk]),
        reverse("grants_application_export", args=[call.pk]) + "?format=csv",
        reverse("grants_application_detail", args=[application.pk]),
        reverse("grants_application_print", args=[application.pk]),
    ]:
        status = client.get(url).status_code
        assert (status == 200) == (role in ALLOWED), (role, url, status)
        if role == "anonymous":
            assert status == 302
        elif role not in ALLOWED:
            assert status in (302, 403), (role, url, status)


def move(client, call, applications, status, **extra):
    data = {"applications": [a.pk for a in applications], "status": status, "query": "status=submitted", **extra}
    return client.post(reverse("grants_move_applications", args=[call.pk]), data, follow=True)


@pytest.mark.django_db
def test_ticked_applications_move_together_from_the_list(staff, coordinator):
    """Ticking three applications and choosing "Screening" moves the three, each logged, and says so."""
    from grants.models import ApplicationEvent

    call = call_with_rubric()
    applications = make_applications(call, 4, status="submitted")
    page = listing(staff, call).content.decode()
    assert 'id="move-applications"' in page and 'name="applications"' in page
    response = move(staff, call, applications[:3], "screening", reason="Документы полные")
    assert "3 заявки переведены в статус «Проверка»." in response.content.decode()
    assert response.redirect_chain[-1][0].endswith("?status=submitted")  # back to the same filtered list
    statuses = dict(Application.objects.values_list("pk", "status"))
    assert [statuses[a.pk] for a in applications] == ["screening", "screening", "screening", "submitted"]
    events = ApplicationEvent.objects.filter(to_status="screening")
    assert events.count() == 3 and {e.actor for e in events} == {coordinator}
    assert {e.reason for e in events} == {"Документы полные"}


@pytest.mark.django_db
def test_a_refused_move_moves_none_and_names_the_application(staff):
    """All or none: one application that cannot move stops the lot, and the message names it."""
    call = call_with_rubric()
    ready = make_applications(call, 2, status="under_review")
    late = make_applications(call, 1, status="submitted", start=10)[0]
    response = move(staff, call, [*ready, late], "shortlisted")
    assert late.reference in response.content.decode() and "Ни одна заявка не переведена." in response.content.decode()
    assert set(Application.objects.values_list("status", flat=True)) == {"under_review", "submitted"}


@pytest.mark.django_db
def test_screening_out_and_awards_are_not_moved_in_bulk(staff):
    """Ineligible needs a reason and a letter each; awards the ranking: the bulk form refuses both."""
    call = call_with_rubric()
    applications = make_applications(call, 2, status="screening")
    for status in ("ineligible", "awarded"):
        move(staff, call, applications, status)
    assert set(Application.objects.values_list("status", flat=True)) == {"screening"}


@pytest.mark.django_db
def test_another_calls_application_cannot_be_ticked(staff):
    call = call_with_rubric()
    other = call_with_rubric(title="Other", slug="other")
    stranger = make_applications(other, 1, status="submitted")[0]
    move(staff, call, [stranger], "screening")
    assert Application.objects.get(pk=stranger.pk).status == "submitted"


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["anonymous", "press", "expert"])
def test_only_coordinators_move_applications(client, role):
    call = call_with_rubric()
    applications = make_applications(call, 1, status="submitted")
    if role != "anonymous":
        client.force_login(member(role, {"press": "Press", "expert": "Experts"}[role]))
    response = client.post(
        reverse("grants_move_applications", args=[call.pk]),
        {"applications": [applications[0].pk], "status": "screening"},
    )
    assert response.status_code in (302, 403) and Application.objects.get().status == "submitted"
    if role == "anonymous":
        assert "/login/" in response["Location"]


@pytest.mark.django_db
def test_moving_nothing_ticked_says_so(staff):
    """Pressing "Move" with no application ticked answers with a message, not an error page."""
    call = call_with_rubric()
    make_applications(call, 1, status="submitted")
    response = move(staff, call, [], "screening")
    assert response.status_code == 200 and "Отметьте заявки, которые нужно перевести." in response.content.decode()
    assert Application.objects.get().status == "submitted"
