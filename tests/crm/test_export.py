"""Exports open in Excel, cannot run formulas, and come back in without any change."""

import datetime as dt
import io

import pytest
from django.utils import timezone, translation

from cms_plugins.crm.exporting import all_rows, export_bytes
from cms_plugins.crm.models import Interaction, Membership, Organisation, Person
from cms_plugins.crm.services import run_import
from cms_plugins.formulas import escape_formula
from cms_plugins.places.resolver import resolve_district

from .conftest import BINS

pytestmark = pytest.mark.django_db


@pytest.fixture
def contacts():
    org = Organisation.objects.create(
        name="ОО «Жас Өркен»", short_name="Жас Өркен", legal_form="public_association", bin=BINS[0],
        registration_date=dt.date(2015, 3, 31), district=resolve_district("Бурлинский район"), settlement="Аксай",
        address="ул. Абая, 1", status="dormant", website="https://zhas.kz", social_links="https://t.me/zhas",
        notes="=HYPERLINK(\"http://evil\")", source="demo",
    )  # fmt: skip
    org.focus_areas.add("молодёжь", "экология")
    alone = Organisation.objects.create(
        name="ИГ Болашак", legal_form="initiative_group", district=resolve_district("Таскала")
    )
    aigul = Person.objects.create(
        full_name="Ахметова Айгуль", phone="+77011234567", email="aigul@mail.kz", preferred_language="kk",
        consent_version="v2", consent_at=timezone.make_aware(dt.datetime(2025, 5, 1, 14, 30, 15)),
        consent_method="бумажная форма", mailing_opt_out=True, notes="@note",
    )  # fmt: skip
    Membership.objects.create(person=aigul, organisation=org, role="председатель")
    Person.objects.create(full_name="-Серик", phone="+77112512345")
    return org, alone, aigul


def snapshot():
    orgs = [
        (o.name, o.short_name, o.legal_form, o.bin, o.registration_date, o.district_id, o.settlement, o.address,
         o.status, o.website, o.social_links, o.notes, sorted(t.name for t in o.focus_areas.all()))
        for o in Organisation.objects.order_by("pk")
    ]  # fmt: skip
    people = [
        (p.full_name, p.phone, p.email, p.preferred_language, p.consent_version, p.consent_at, p.consent_method,
         p.mailing_opt_out, p.notes)
        for p in Person.objects.order_by("pk")
    ]  # fmt: skip
    links = list(Membership.objects.order_by("pk").values_list("person_id", "organisation_id", "role"))
    return orgs, people, links


@pytest.mark.parametrize("file_format", ["xlsx", "csv"])
@pytest.mark.parametrize("language", ["ru", "kk", "en"])
def test_round_trip_changes_nothing(contacts, file_format, language):
    """Protects the export → Excel → import loop: re-importing an export is all "unchanged" and changes no value."""
    before = snapshot()
    with translation.override(language):
        data = export_bytes(all_rows, file_format)
        result, _log = run_import(data, file_name=f"export.{file_format}")
    assert not result.invalid_rows, [r.errors for r in result.invalid_rows]
    assert {row.status for row in result.rows} == {"unchanged"}
    assert len(result.rows) == 3  # org with its person, org without people, person without organisation
    assert snapshot() == before


def test_csv_has_bom_semicolons_and_escaped_formulas(contacts):
    """Protects Excel in a Russian locale and formula injection: BOM, ';', cells starting = + - @ escaped."""
    with translation.override("ru"):
        data = export_bytes(all_rows, "csv")
    assert data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig")
    header = text.splitlines()[0]
    assert header.startswith("Организация;Краткое название;")
    assert "'=HYPERLINK" in text
    assert ";'+7 701 123 45 67;" in text
    assert ";'@note" in text
    assert ";'-Серик;" in text


def test_xlsx_is_the_default_and_cells_are_text_not_formulas(contacts):
    """Protects Excel users: the default export is XLSX, and no cell becomes a formula."""
    from openpyxl import load_workbook

    data = export_bytes(all_rows)
    assert data.startswith(b"PK")
    sheet = load_workbook(io.BytesIO(data)).active
    values = [cell.value for row in sheet.iter_rows() for cell in row if cell.value is not None]
    assert '\'=HYPERLINK("http://evil")' in values
    assert not [cell for row in sheet.iter_rows() for cell in row if cell.data_type == "f"]


@pytest.mark.parametrize("value", ["=1+2", "+7", "-1", "@SUM(A1)", "\tcmd", "\rcmd"])
def test_formula_escape(value):
    """Protects spreadsheets opening exports: every dangerous first character gets an apostrophe."""
    assert escape_formula(value) == "'" + value


def test_export_carries_no_history_text(contacts):
    """Protects personal data: history entries stay in the CRM, they are not exported."""
    Interaction.objects.create(kind="note", text="секретная заметка", organisation=contacts[0])
    assert "секретная заметка" not in export_bytes(all_rows, "csv").decode("utf-8-sig")
