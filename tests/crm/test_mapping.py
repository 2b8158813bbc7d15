"""The column-mapping step: every column is read as a key or ignored on purpose, never dropped."""

import html
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from cms_plugins.crm.columns import plan_columns
from cms_plugins.crm.models import ColumnMapping, ImportLog, Organisation, Person

from .conftest import BINS, csv_bytes

pytestmark = pytest.mark.django_db

HEADER = ["Организация", "БИН", "Contact name", "Примечание", "Internal code"]
ROW = ["ОО Ромашка", BINS[0], "Ахметова Айгуль", "звонить после обеда", "X-17"]


def upload(client, rows, name="colleague.csv"):
    data = csv_bytes(rows)
    return client.post(
        reverse("crm:import"), {"step": "upload", "mode": "atomic", "file": SimpleUploadedFile(name, data)}
    )


def hidden_fields(page):
    return {
        name: html.unescape(value)
        for name, value in re.findall(
            r'<input type="hidden" name="(token|file_name|mode|mapping)" value="([^"]*)"', page
        )
    }


def selected(page, position):
    select = re.search(rf'<select name="column_{position}".*?</select>', page, re.S).group(0)
    found = re.search(r'<option value="([^"]*)" selected>', select)
    return (found.group(1) or None) if found else None


def test_headers_are_suggested_from_keys_titles_and_synonyms():
    """Protects the suggestions: keys, kk/ru/en titles and everyday synonyms map without asking."""
    plan = plan_columns(["org_name", "БСН", "Full name", "Contact name", "E-mail address", "Мобильный"])
    assert list(plan.positions.values()) == ["org_name", "bin", "full_name", "email", "phone"]
    assert plan.duplicates == ["Contact name"]  # two columns for the full name: refused, not merged


@pytest.mark.parametrize(
    "headers",
    [["ФИО", "notes"], ["ФИО", "Примечание"], ["ФИО", "Ескерту"], ["ФИО", "Мобильный", "Телефон"]],
)
def test_ambiguous_headers_are_never_guessed(headers):
    """Protects notes and phones: a header that does not say whose it is waits for the coordinator."""
    plan = plan_columns(headers)
    assert [header for header, _keys in plan.ambiguous] == [headers[-1]]
    assert len(plan.positions) == len(headers) - 1


def test_unknown_header_gets_the_closest_keys():
    """Protects the refusal message: an unknown header comes with the keys it most resembles."""
    plan = plan_columns(["Организация", "Emial"])
    assert plan.unknown == [("Emial", plan.unknown[0][1])]
    assert "email" in plan.unknown[0][1]


def test_admin_shows_the_mapping_screen_for_unknown_and_ambiguous_columns(coordinator_client):
    """Protects the coordinator's notes: unknown and ambiguous columns stop at the mapping screen, nothing guessed."""
    page = upload(coordinator_client, [HEADER, ROW]).content.decode()
    assert 'id="column-mapping"' in page and 'id="import-summary"' not in page
    for header in HEADER:
        assert f">{header}</label>" in page
    assert "звонить после обеда" in page  # sample values shown beside each column
    assert selected(page, 0) == "org_name" and selected(page, 1) == "bin"
    assert selected(page, 3) is None and selected(page, 4) is None  # ambiguous, unknown: no guess
    assert not Organisation.objects.exists()


def test_admin_refuses_to_preview_until_every_column_is_chosen(coordinator_client):
    """Protects "nothing silently dropped": a column left unchosen is named and the preview waits."""
    page = upload(coordinator_client, [HEADER, ROW]).content.decode()
    fields = {**hidden_fields(page), "step": "map", "column_0": "org_name", "column_1": "bin", "column_2": "full_name"}
    again = coordinator_client.post(reverse("crm:import"), fields).content.decode()
    assert 'id="column-mapping"' in again and 'id="import-summary"' not in again
    assert again.count('class="error-message"') == 2


def test_mapped_file_previews_imports_and_logs_the_mapping(coordinator_client):
    """Protects the whole mapping flow: chosen columns previewed, imported, and recorded in the log."""
    page = upload(coordinator_client, [HEADER, ROW]).content.decode()
    choices = {"column_0": "org_name", "column_1": "bin", "column_2": "full_name", "column_3": "person_notes",
               "column_4": "-"}  # fmt: skip
    preview = coordinator_client.post(reverse("crm:import"), {**hidden_fields(page), "step": "map", **choices})
    preview_page = preview.content.decode()
    assert 'data-count="new">1<' in preview_page and "Internal code" in preview_page
    response = coordinator_client.post(reverse("crm:import"), {**hidden_fields(preview_page), "step": "confirm"})
    assert response.status_code == 302
    person = Person.objects.get()
    assert (person.full_name, person.notes) == ("Ахметова Айгуль", "звонить после обеда")
    assert Organisation.objects.get().notes == ""
    assert ImportLog.objects.get().column_mapping == {
        "Организация": "org_name", "БИН": "bin", "Contact name": "full_name", "Примечание": "person_notes",
        "Internal code": "",
    }  # fmt: skip


def test_the_saved_mapping_is_offered_next_time(coordinator_client):
    """Protects the coordinator's time: the same headers next month come with last choices filled in."""
    page = upload(coordinator_client, [HEADER, ROW]).content.decode()
    choices = {"column_0": "org_name", "column_1": "bin", "column_2": "full_name", "column_3": "org_notes",
               "column_4": "-"}  # fmt: skip
    coordinator_client.post(reverse("crm:import"), {**hidden_fields(page), "step": "map", **choices})
    assert ColumnMapping.objects.count() == 1
    again = upload(coordinator_client, [[h.upper() for h in HEADER], ROW], name="next-month.csv").content.decode()
    assert 'id="saved-mapping"' in again
    assert [selected(again, i) for i in range(5)] == ["org_name", "bin", "full_name", "org_notes", "-"]


def test_file_with_known_columns_goes_straight_to_the_preview(coordinator_client):
    """Protects the usual case: our own headers need no mapping screen."""
    page = upload(coordinator_client, [["Организация", "БИН", "ФИО"], ROW[:3]]).content.decode()
    assert 'id="import-summary"' in page and 'id="column-mapping"' not in page


def test_a_forged_mapping_that_leaves_a_column_out_is_refused_by_name(coordinator_client):
    """Protects the confirm step: a mapping that drops a column names it and imports nothing."""
    page = upload(coordinator_client, [HEADER, ROW]).content.decode()
    fields = {**hidden_fields(page), "step": "confirm", "mapping": '{"Организация": "org_name", "БИН": "bin"}'}
    response = coordinator_client.post(reverse("crm:import"), fields)
    assert not Organisation.objects.exists()
    log = ImportLog.objects.get()
    assert not log.imported
    result_page = coordinator_client.get(response["Location"]).content.decode()
    assert "Internal code" in html.unescape(result_page)


def test_headers_coordinators_really_write_are_understood():
    """Protects everyday spreadsheets: an NGO register's own headers map without asking."""
    headers = [
        "Наименование НПО",
        "БИН/ИИН",
        "Район области",
        "ФИО руководителя",
        "Моб. телефон",
        "Эл.адрес",
        "Направление деятельности",
    ]
    plan = plan_columns(headers)
    assert list(plan.positions.values()) == [
        "org_name",
        "bin",
        "district",
        "full_name",
        "phone",
        "email",
        "focus_areas",
    ]
    assert not plan.unmapped


def test_a_contact_phone_beside_a_mobile_is_asked_not_guessed():
    plan = plan_columns(["ФИО", "Сот. тел", "Контактный телефон"])
    assert [header for header, _keys in plan.ambiguous] == ["Контактный телефон"]


@pytest.mark.parametrize("header", ["№", "№ п/п", "No", "#"])
def test_a_row_number_column_is_offered_for_ignoring_with_a_reason(coordinator_client, header):
    """Protects the refusal message: a column of row numbers is named as such, and "ignore" comes preselected."""
    plan = plan_columns([header, "Организация", "БИН"])
    assert plan.row_numbers == [header] and plan.unmapped == [header]
    page = upload(coordinator_client, [[header, "Организация", "БИН"], ["1", "ОО Ромашка", BINS[0]]]).content.decode()
    assert 'id="column-mapping"' in page and selected(page, 0) == "-"
