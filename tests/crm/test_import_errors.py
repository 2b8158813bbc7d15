"""Bad rows are named by line, column and reason; by default nothing is half-imported."""

import io

import pytest

from cms_plugins.bin import check_digit
from cms_plugins.crm.exporting import rejects_bytes
from cms_plugins.crm.models import ImportLog, Organisation, Person
from cms_plugins.crm.reading import UnreadableFile, read_table
from cms_plugins.crm.services import import_storage, run_import

from .conftest import BINS, csv_bytes

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english():
    """Messages are compared in English, the source language."""
    from django.utils import translation

    with translation.override("en"):
        yield


HEADER = ["Организация", "БИН", "Район", "Организационно-правовая форма", "ФИО", "Телефон", "Эл. почта"]
GOOD = ["ОО А", BINS[0], "Уральск", "ОО", "Айгуль", "87011234567", "a@b.kz"]


def errors_of(row, header=HEADER, mapping=None):
    result, _log = run_import(csv_bytes([header, row]), file_name="bad.csv", dry_run=True, log=False, mapping=mapping)
    (outcome,) = result.rows
    assert outcome.status == "invalid"
    return [(column, str(message)) for column, message in outcome.errors]


def individual_bin():
    """12 digits with a valid check digit whose fifth digit says "person" (an IIN)."""
    for serial in range(1, 1000):
        first = f"850315{3}{serial:04d}"
        digit = check_digit(first)
        if digit is not None:
            return first + str(digit)
    raise AssertionError


def wrong_check_digit():
    return BINS[0][:11] + str((int(BINS[0][11]) + 1) % 10)


@pytest.mark.parametrize(
    ("column", "value", "message"),
    [
        ("БИН", "12345", "A BIN has exactly 12 digits."),
        ("БИН", "wrong-check", "This BIN's check digit does not match; check for a mistyped digit."),
        ("БИН", "individual", "This is not a BIN of a legal entity (its fifth digit must be 4, 5 or 6)."),
        ("Район", "Марс", "“Марс” is not a district we know."),
        (
            "Телефон",
            "12-34",
            "“12-34” is not a phone number we recognise. Write it as +7 701 123 45 67 or 8 701 123 45 67.",
        ),
        ("Эл. почта", "aigul@", "“aigul@” is not a valid e-mail address."),
        (
            "Организационно-правовая форма",
            "ТОО",
            "“ТОО” is not a legal form we know. Use one of: public association, foundation, private institution, initiative group, ethnocultural centre, other.",
        ),
    ],
)
def test_each_cell_error_names_the_column_and_reason(column, value, message):
    """Protects the preview: each invalid cell says which column and why, in plain words."""
    value = {"wrong-check": wrong_check_digit(), "individual": individual_bin()}.get(value, value)
    row = list(GOOD)
    row[HEADER.index(column)] = value
    assert errors_of(row) == [(column, message)]


@pytest.mark.parametrize(
    ("header", "row", "expected"),
    [
        (
            ["Organisation", "Status"],
            ["ОО А", "sleeping"],
            ("Status", "“sleeping” is not a status we know. Use one of: active, dormant, closed."),
        ),
        (
            ["Full name", "Language"],
            ["Айгуль", "fr"],
            ("Language", "“fr” is not a language we know. Use one of: Kazakh, Russian, English."),
        ),
        (
            ["Organisation", "BIN", "Registration date"],
            ["ОО А", BINS[1], "31.02.2015"],
            ("Registration date", "“31.02.2015” is not a date. Write it as 2024-03-31 or 31.03.2024."),
        ),
        (
            ["Full name", "Consent date"],
            ["Айгуль", "вчера"],
            ("Consent date", "“вчера” is not a date and time. Write it as 2024-03-31 14:30 or 31.03.2024 14:30."),
        ),
        (["Full name", "No mailings"], ["Айгуль", "maybe"], ("No mailings", "“maybe” is not yes or no.")),
        (
            ["Organisation", "BIN", "Website"],
            ["ОО А", BINS[1], "not a site"],
            ("Website", "“not a site” is not a web address."),
        ),
        (
            ["Full name", "Role"],
            ["Айгуль", "chair"],
            ("Role", "A role is given but no organisation: fill in the organisation's columns."),
        ),
        (
            ["Organisation", "Focus areas"],
            ["", "youth"],
            ("Organisation", "Focus areas are given but no organisation."),
        ),
        (
            ["Organisation", "District"],
            ["ОО А", "Уральск"],
            ("BIN", "A BIN is required unless the legal form is initiative group."),
        ),
        (
            ["BIN", "District"],
            [BINS[2], "Уральск"],
            ("Organisation", "The organisation's name is missing, and no organisation has this BIN."),
        ),
        (
            ["Phone", "Email"],
            ["87011234567", "x@y.kz"],
            ("Full name", "The person's full name is missing, and no person has this e-mail or phone."),
        ),
        (["Full name", "Short name"], ["Айгуль", "Ж" * 121], ("Short name", "At most 120 characters (this has 121).")),
        (
            ["Organisation", "Comment"],
            ["", "just a comment"],
            ("", "The row has neither an organisation nor a person."),
        ),
    ],
)
def test_each_row_error_message(header, row, expected):
    """Protects every other error message a coordinator can meet, with its column."""
    # "Comment" says neither whose comment it is: the coordinator chose to ignore it.
    assert expected in errors_of(row, header, mapping={"Comment": ""})


def test_bin_missing_is_fine_for_an_initiative_group():
    """Protects initiative groups: they have no BIN and need none."""
    result, _log = run_import(
        csv_bytes([["Organisation", "Legal form"], ["Жас Өркен", "initiative group"]]), file_name="ig.csv"
    )
    assert result.imported and Organisation.objects.get().bin == ""


def test_atomic_default_imports_nothing_and_lists_every_invalid_row():
    """Protects against half an import: one bad row and nothing is written; every bad row is listed."""
    rows = [HEADER, GOOD, ["ОО Б", "123", "Уральск", "", "", "", ""], ["ОО В", BINS[3], "Луна", "", "", "", ""]]
    result, log = run_import(csv_bytes(rows), file_name="mixed.csv")
    assert not result.imported
    assert [row.line for row in result.invalid_rows] == [3, 4]
    assert not Organisation.objects.exists() and not Person.objects.exists()
    assert (log.imported, log.invalid, log.organisations_new) == (False, 2, 0)


def test_skip_invalid_imports_valid_rows_and_keeps_rejects_to_fix():
    """Protects the fix-and-reupload flow: valid rows go in, rejected rows come back as a file that imports once fixed."""
    rows = [HEADER, GOOD, ["ОО Б", "123", "Уральск", "ОО", "Серик", "", ""]]
    result, log = run_import(csv_bytes(rows), file_name="mixed.csv", skip_invalid=True)
    assert result.imported
    assert Organisation.objects.count() == 1
    assert log.rejects_file
    rejects = import_storage().open(log.rejects_file).read()
    table = read_table(rejects)
    assert table.headers[-2:] == ["Line", "Errors"]
    assert table.rows[0][1][:2] == ["ОО Б", "123"]
    assert table.rows[0][1][-2] == "3"
    assert table.rows[0][1][-1] == "БИН: A BIN has exactly 12 digits."
    # the coordinator fixes the BIN in the rejects file and uploads it again
    fixed = [table.headers, [*table.rows[0][1][:1], BINS[4], *table.rows[0][1][2:]]]
    again, _log = run_import(csv_bytes(fixed), file_name="fixed.csv")
    assert again.imported and not again.unknown_columns
    assert Organisation.objects.filter(bin=BINS[4], name="ОО Б").exists()


def test_rejects_file_of_an_xlsx_upload_is_xlsx():
    """Protects Excel users: rejects come back in the format they uploaded."""
    from .conftest import xlsx_bytes

    result, _log = run_import(
        xlsx_bytes([HEADER, ["ОО Б", "123", "", "", "", "", ""]]), file_name="b.xlsx", dry_run=True
    )
    assert rejects_bytes(result, "xlsx").startswith(b"PK")


def test_every_import_is_logged_with_who_when_file_and_counts(coordinator):
    """Protects accountability: each import records user, file name and counts."""
    run_import(csv_bytes([HEADER, GOOD]), file_name="team.csv", user=coordinator)
    log = ImportLog.objects.get()
    assert (log.user, log.file_name, log.rows, log.organisations_new, log.people_new, log.imported) == (
        coordinator,
        "team.csv",
        1,
        1,
        1,
        True,
    )


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "The file is empty."),
        (b"\xd0\xcf\x11\xe0rest", "Old Excel files (.xls) are not supported: save the file as .xlsx or CSV."),
        (b"PK\x03\x04broken", "The workbook cannot be opened: it may be damaged or not an XLSX file."),
    ],
)
def test_unreadable_files_get_a_clear_message(data, message):
    """Protects uploads of the wrong thing: a clear message, never a 500."""
    with pytest.raises(UnreadableFile, match=message.replace("(", r"\(").replace(")", r"\)").replace(".", r"\.")):
        run_import(data, file_name="x")


def test_file_without_any_known_column_is_refused_whole():
    """Protects against importing a wrong sheet: no known column means every row is invalid."""
    result, _log = run_import(csv_bytes([["Foo", "Bar"], ["1", "2"]]), file_name="x.csv")
    assert not result.imported
    assert result.file_errors[0].startswith("No column for the organisation")
    assert result.unknown_columns == ["Foo", "Bar"]


def test_a_column_given_twice_is_refused():
    """Protects against ambiguous files: two columns meaning the same field stop the import."""
    result, _log = run_import(csv_bytes([["ФИО", "Full name"], ["А", "Б"]]), file_name="x.csv")
    assert not result.imported
    assert "Full name" in result.file_errors[0]


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_rejects_file_escapes_header_cells_too(file_format):
    """Protects finding 4: a header such as =HYPERLINK(...) comes back as text, not a formula."""
    from openpyxl import load_workbook

    evil = '=HYPERLINK("http://evil","x")'
    rows = [["Организация", "БИН", evil], ["ОО Б", "123", "-1+2"]]
    result, _log = run_import(csv_bytes(rows), file_name="b.csv", dry_run=True, mapping={evil: ""})
    data = rejects_bytes(result, file_format)
    if file_format == "csv":
        import csv

        header, row = list(csv.reader(data.decode("utf-8-sig").splitlines(), delimiter=";"))
        assert (header[2], row[2]) == ("'" + evil, "'-1+2")
    else:
        sheet = load_workbook(io.BytesIO(data)).active
        assert sheet.cell(1, 3).value == "'" + evil and sheet.cell(1, 3).data_type != "f"
        assert sheet.cell(2, 3).value == "'-1+2"


def test_an_xlsx_with_more_rows_than_allowed_is_refused_before_reading(settings):
    """Protects the server (finding 7): a sheet declaring more rows than the limit is refused at once."""
    from .conftest import xlsx_bytes

    settings.CRM_IMPORT_MAX_ROWS = 5
    data = xlsx_bytes([HEADER] + [GOOD] * 6)
    with pytest.raises(UnreadableFile, match="more than 5 rows"):
        read_table(data)
    assert len(read_table(xlsx_bytes([HEADER] + [GOOD] * 5)).rows) == 5


def test_a_csv_with_more_rows_than_allowed_is_refused(settings):
    """Protects the server: the row cap holds for CSV files too."""
    settings.CRM_IMPORT_MAX_ROWS = 3
    with pytest.raises(UnreadableFile, match="more than 3 rows"):
        read_table(csv_bytes([HEADER] + [GOOD] * 4))


def test_an_xlsx_that_unpacks_to_too_much_is_refused_unread(settings):
    """Protects against zip bombs: the unpacked size is checked before openpyxl reads anything."""
    from .conftest import xlsx_bytes

    settings.CRM_IMPORT_MAX_UNPACKED_BYTES = 2000
    with pytest.raises(UnreadableFile, match="unpacks to"):
        read_table(xlsx_bytes([HEADER] + [GOOD] * 50))


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_a_sheet_title_above_the_headers_is_skipped_and_said(file_format, coordinator_client):
    """Protects registers exported from offices: a title row above the headers is not read as the headers."""
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.urls import reverse

    from .conftest import xlsx_bytes

    rows = [
        ["Реестр НПО ЗКО на 01.10.2025", "", ""],
        ["", "", ""],
        ["Организация", "БИН", "ФИО"],
        ["ОО Ромашка", BINS[0], "Ахметова Айгуль"],
    ]
    data = csv_bytes(rows) if file_format == "csv" else xlsx_bytes(rows)
    table = read_table(data, f"registry.{file_format}")
    assert table.headers[:3] == ["Организация", "БИН", "ФИО"] and table.header_line == 3
    assert table.title == "Реестр НПО ЗКО на 01.10.2025" and [line for line, _cells in table.rows] == [4]
    page = coordinator_client.post(
        reverse("crm:import"),
        {"step": "upload", "mode": "atomic", "file": SimpleUploadedFile(f"registry.{file_format}", data)},
    ).content.decode()
    assert 'id="import-summary"' in page
    assert "Заголовок «Реестр НПО ЗКО на 01.10.2025» над таблицей пропущен; названия столбцов — в строке 3." in page


def test_a_one_column_file_keeps_its_header():
    """A single known header is a header, not a title."""
    table = read_table(csv_bytes([["Эл. почта"], ["a@example.kz"], ["b@example.kz"]]), "emails.csv")
    assert table.headers == ["Эл. почта"] and not table.title and len(table.rows) == 2
