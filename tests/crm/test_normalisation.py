"""Every way people write a value in a spreadsheet becomes one stored value."""

import re

import pytest

from cms_plugins.crm.importing import import_table
from cms_plugins.crm.models import Organisation, Person
from cms_plugins.crm.reading import read_table
from cms_plugins.crm.services import run_import

from .conftest import BINS, csv_bytes, xlsx_bytes

pytestmark = pytest.mark.django_db

HEADER = ["Организация", "БИН", "Район", "ФИО", "Телефон", "Эл. почта"]


def import_one(row, header=HEADER):
    result, _log = run_import(csv_bytes([header, row]), file_name="one.csv")
    assert not result.invalid_rows, result.invalid_rows[0].errors
    return result


@pytest.mark.parametrize(
    "typed",
    ["8 701 123 45 67", "+7(701)123-45-67", "87011234567", "+7 701 1234567", "8-701-123-45-67", "77011234567"],
)
def test_kazakh_mobile_numbers_are_stored_as_e164(typed):
    """Protects phone matching: every usual way of typing a mobile number is one E.164 number."""
    import_one(["ОО Ромашка", BINS[0], "Бурлинский район", "Айгуль Ахметова", typed, ""])
    assert Person.objects.get().phone == "+77011234567"


def test_uralsk_landline_with_area_code_is_understood():
    """Protects landlines: 8 (7112) 51-23-45 is +77112512345."""
    import_one(["ОО Ромашка", BINS[0], "Уральск", "Серик", "8 (7112) 51-23-45", ""])
    assert Person.objects.get().phone == "+77112512345"


def test_email_is_stored_lower_case_without_spaces():
    """Protects matching by e-mail: case and surrounding spaces do not make a new person."""
    import_one(["ОО Ромашка", BINS[0], "Уральск", "Серик", "", "  Serik.A@Mail.KZ "])
    assert Person.objects.get().email == "serik.a@mail.kz"


EMAILS = [
    "a@b.kz", "a.b+c@mail.kz", "a@1.kz", "a@xn--80ak6aa92e.com", "a@sub.host.kz",  # accepted at once
    "a@localhost", "a@[127.0.0.1]", "a@х.қз", "a@x.k-z",  # accepted by Django's full check
    "a..b@x.kz", ".a@x.kz", "a.@x.kz", "a@-x.kz", "a@x-.kz", "a@x.k", "a@x.kz.", "a@x..kz", "a@x_y.kz",
    "a@@x.kz", "a b@x.kz", "a@x.k1", "a@" + "x" * 64 + ".kz",  # refused
]  # fmt: skip


@pytest.mark.parametrize("typed", EMAILS)
def test_email_widget_accepts_what_django_accepts(typed):
    """Protects the e-mail column: the quick check for plain addresses accepts nothing Django's
    validate_email refuses, and every other address still gets Django's answer."""
    from django.core.exceptions import ValidationError
    from django.core.validators import validate_email

    from cms_plugins.crm.widgets import EmailWidget

    try:
        validate_email(typed)
        valid = True
    except ValidationError:
        valid = False
    if valid:
        assert EmailWidget(254).clean(typed) == typed.lower()
    else:
        with pytest.raises(ValueError, match=re.escape(typed)):
            EmailWidget(254).clean(typed)


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("Бурлинский р-н", "burli"),
        ("Бөрлі ауданы", "burli"),
        ("Борли", "burli"),  # Kazakh letters folded to Russian ones
        ("Зеленовский район", "baiterek"),  # the old name
        ("район Бәйтерек", "baiterek"),
        ("г.а. Уральск", "uralsk"),
        ("Орал қаласы", "uralsk"),
        ("TASKALA", "taskala"),  # Latin, any case
        ("Таскала", "taskala"),
    ],
)
def test_district_spellings_resolve_to_one_district(typed, code):
    """Protects the district filter and matching: every alias, old name and folded spelling is one district."""
    import_one(["ОО Ромашка", BINS[0], typed, "", "", ""])
    assert Organisation.objects.get().district.code == code


def test_bin_that_lost_its_leading_zero_is_restored():
    """Protects BINs from Excel: a numeric cell drops the leading zero of a 2000s BIN."""
    from cms_plugins.bin import check_digit

    serial = 1
    while True:
        first = f"05{1 + serial % 12:02d}40{serial:05d}"
        if check_digit(first) is not None:
            full = first + str(check_digit(first))
            break
        serial += 1
    import_one(["ОО Ромашка", int(full), "Уральск", "", "", ""])
    assert Organisation.objects.get().bin == full


def test_bin_with_spaces_and_dashes_is_cleaned():
    """Protects BIN matching: "9401 4000 0385" is 940140000385."""
    import_one(["ОО Ромашка", "9401-4000 0385", "Уральск", "", "", ""])
    assert Organisation.objects.get().bin == "940140000385"


@pytest.mark.parametrize(
    ("typed", "form"),
    [
        ("ОО", "public_association"),
        ("общественное объединение", "public_association"),
        ("Қоғамдық бірлестік", "public_association"),
        ("public association", "public_association"),
        ("foundation", "foundation"),
        ("ОФ", "foundation"),
        ("частное учреждение", "private_institution"),
        ("initiative_group", "initiative_group"),
        ("ИГ", "initiative_group"),
        ("этнокультурный центр", "ethnocultural_centre"),
    ],
)
def test_legal_form_written_as_key_label_or_abbreviation(typed, form):
    """Protects the legal form column: keys, labels in any language and usual abbreviations all work."""
    import_one(["Ромашка", BINS[1], "Уральск", typed], header=["Organisation", "BIN", "District", "Legal form"])
    assert Organisation.objects.get().legal_form == form


@pytest.mark.parametrize(
    "header",
    [
        ["org_name", "bin", "district", "full_name", "phone", "email"],
        ["Organisation", "BIN", "District", "Full name", "Phone", "Email"],
        ["ОРГАНИЗАЦИЯ", "бин", "район", "фио", "телефон", "эл. почта"],
        ["Ұйым", "БСН", "Аудан", "Аты-жөні", "Телефон нөмірі", "Эл. пошта"],
    ],
)
def test_headers_as_keys_or_titles_in_any_language_and_case(header):
    """Protects files from colleagues: headers in kk, ru, en or as keys, any case, are understood."""
    import_one(["ОО Ромашка", BINS[2], "Уральск", "Айгуль", "87011234567", "a@b.kz"], header=header)
    person = Person.objects.get()
    assert (person.full_name, person.phone, person.email) == ("Айгуль", "+77011234567", "a@b.kz")
    assert Organisation.objects.get().bin == BINS[2]


def test_headers_in_any_order():
    """Protects column mapping: the order of the columns does not matter."""
    header = ["Эл. почта", "ФИО", "Район", "БИН", "Организация"]
    import_one(["a@b.kz", "Айгуль", "Уральск", BINS[3], "ОО Ромашка"], header=header)
    assert Person.objects.get().memberships.get().organisation.bin == BINS[3]


def test_kazakh_header_damaged_by_windows_1251_is_still_recognised():
    """Protects cp1251 files: "Ұйым" saved as "?йым" still means the organisation column."""
    data = csv_bytes([["Ұйым", "БСН", "Аты-жөні"], ["ОО Ромашка", BINS[4], "Айгуль"]], encoding="cp1251")
    result, _log = run_import(data, file_name="kk.csv")
    assert not result.unknown_columns
    assert Organisation.objects.get().bin == BINS[4]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1251"])
@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_encodings_and_delimiters_are_detected(encoding, delimiter):
    """Protects Excel CSVs: UTF-8 with or without BOM and Windows-1251, with , ; or tab, read alike."""
    rows = [HEADER, ["ОО «Ромашка, плюс»", BINS[5], "Таскалинский район", "Иванова Мария", "87011234567", ""]]
    table = read_table(csv_bytes(rows, delimiter=delimiter, encoding=encoding))
    assert table.delimiter == delimiter
    assert table.encoding == {"utf-8": "utf-8", "utf-8-sig": "utf-8-sig", "cp1251": "windows-1251"}[encoding]
    result = import_table(table, dry_run=False)
    assert result.imported
    assert Organisation.objects.get().name == "ОО «Ромашка, плюс»"
    assert Person.objects.get().full_name == "Иванова Мария"


def test_blank_rows_are_skipped_and_line_numbers_stay_true():
    """Protects error reports: blank rows are ignored but lines are counted as the spreadsheet shows them."""
    rows = [
        HEADER,
        ["ОО А", BINS[6], "Уральск", "", "", ""],
        [],
        ["", "", "", "", "", ""],
        ["ОО Б", "123", "", "", "", ""],
    ]
    result, _log = run_import(csv_bytes(rows), file_name="blank.csv")
    assert result.table.blank_rows == 2
    assert [row.line for row in result.rows] == [2, 5]
    assert result.rows[1].status == "invalid"


def test_xlsx_is_read_with_dates_and_numbers():
    """Protects XLSX uploads: the first sheet, real date cells and numeric phones are understood."""
    import datetime as dt

    rows = [
        ["Организация", "БИН", "Дата регистрации", "ФИО", "Телефон", "Без рассылок"],
        ["ОО Ромашка", BINS[7], dt.date(2015, 3, 31), "Айгуль", 87011234567, "да"],
    ]
    result, _log = run_import(xlsx_bytes(rows), file_name="book.xlsx")
    assert result.imported, [r.errors for r in result.rows]
    org = Organisation.objects.get()
    assert org.registration_date == dt.date(2015, 3, 31)
    person = Person.objects.get()
    assert (person.phone, person.mailing_opt_out) == ("+77011234567", True)


@pytest.mark.parametrize("typed", ["31.03.2015", "2015-03-31", "31/03/2015"])
def test_dates_in_usual_forms(typed):
    """Protects registration dates typed by hand in the usual forms."""
    import datetime as dt

    import_one(["ОО Ромашка", BINS[8], typed], header=["Организация", "БИН", "Дата регистрации"])
    assert Organisation.objects.get().registration_date == dt.date(2015, 3, 31)


def test_formula_escape_apostrophe_is_removed_on_import():
    """Protects the round trip: an exported '+7 … cell comes back as the number."""
    import_one(["ОО Ромашка", BINS[9], "Уральск", "Айгуль", "'+7 701 123 4567", ""])
    assert Person.objects.get().phone == "+77011234567"


def test_focus_areas_split_and_reused_case_insensitively():
    """Protects the focus area filter: "Молодёжь; экология" gives two tags, shared across organisations."""
    header = ["Организация", "БИН", "Направления деятельности"]
    run_import(
        csv_bytes([header, ["ОО А", BINS[10], "Молодёжь; экология"], ["ОО Б", BINS[11], "молодёжь"]]), file_name="t.csv"
    )
    from cms_plugins.crm.models import FocusArea

    assert sorted(FocusArea.objects.values_list("name", flat=True)) == ["Молодёжь", "экология"]
    assert Organisation.objects.get(bin=BINS[11]).focus_areas.get().name == "Молодёжь"


def test_organisation_name_key_ignores_quotes_case_and_legal_form_words():
    """Protects matching by name: «ОО "Жас Өркен"» and "жас оркен" are one name."""
    from cms_plugins.crm.names import name_key

    assert name_key('ОО "Жас Өркен"') == name_key("жас оркен") == name_key("Общественное объединение «ЖАС ӨРКЕН»")


@pytest.mark.parametrize(
    ("typed", "code"), [("Б?рл? ауданы", "burli"), ("Орал ?аласы", "uralsk"), ("Жа?а?ала", "zhangala")]
)
def test_district_names_damaged_by_windows_1251_still_resolve(typed, code):
    """Protects cp1251 files: Kazakh letters saved as '?' still name exactly one district."""
    import_one(["ОО Ромашка", BINS[0], typed, "", "", ""])
    assert Organisation.objects.get().district.code == code


def test_ambiguous_damaged_district_is_refused():
    """Protects against guessing: a '?' spelling that fits no single district is an error, not a guess."""
    result, _log = run_import(csv_bytes([HEADER, ["ОО Ромашка", BINS[0], "?", "", "", ""]]), file_name="x.csv")
    assert result.rows[0].status == "invalid"


@pytest.mark.parametrize(
    ("name", "form"),
    [
        ("Инициативная группа Болашак", "initiative_group"),
        ("ОО «Жас Өркен»", "public_association"),
        ("Қоғамдық қор Дала", "foundation"),
        ("Болашак", "other"),
    ],
)
def test_legal_form_read_from_the_name_when_no_column_gives_it(name, form):
    """Protects sheets without a legal-form column: "Инициативная группа …" needs no BIN, "ОО …" is a public association."""
    bin_value = "" if form == "initiative_group" else BINS[12]
    import_one([name, bin_value], header=["Организация", "БИН"])
    assert Organisation.objects.get().legal_form == form


def test_table_kept_between_preview_and_confirm_loses_nothing():
    """Protects the confirm step: the table kept as JSON in shared storage gives back the same cells, dates and lines."""
    import datetime as dt

    from cms_plugins.crm.reading import table_from_json, table_to_json

    rows = [
        ["Организация", "БИН", "Дата регистрации", "Телефон"],
        ["ОО А", BINS[0], dt.datetime(2015, 3, 31), 87011234567],
        [],
        ["ОО Б", "", dt.date(2016, 1, 2), ""],
    ]
    table = read_table(xlsx_bytes(rows))
    again = table_from_json(table_to_json(table))
    assert (again.headers, again.rows, again.file_format, again.blank_rows) == (table.headers, table.rows, "xlsx", 1)
