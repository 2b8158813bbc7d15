"""One record per real organisation and per real person, whatever the file repeats."""

import pytest

from cms_plugins.crm.models import Membership, Organisation, Person
from cms_plugins.crm.services import run_import
from cms_plugins.places.resolver import resolve_district

from .conftest import BINS, csv_bytes

pytestmark = pytest.mark.django_db

HEADER = ["Организация", "БИН", "Район", "Организационно-правовая форма", "ФИО", "Телефон", "Эл. почта", "Должность"]


def run(*rows, skip_invalid=False, dry_run=False):
    result, _log = run_import(csv_bytes([HEADER, *rows]), file_name="t.csv", skip_invalid=skip_invalid, dry_run=dry_run)
    return result


def org(name, bin_value="", district="Уральск", **extra):
    return Organisation.objects.create(
        name=name,
        bin=bin_value,
        district=resolve_district(district),
        legal_form=extra.pop("legal_form", "other"),
        **extra,
    )


def test_organisation_matched_by_bin_even_when_renamed():
    """Protects against duplicates: the BIN identifies the organisation, the new name replaces the old."""
    existing = org("ОО Старое имя", BINS[0])
    result = run(["ОО Новое имя", BINS[0], "Уральск", "", "", "", "", ""])
    assert Organisation.objects.get().pk == existing.pk
    assert Organisation.objects.get().name == "ОО Новое имя"
    assert result.rows[0].status == "updated"


def test_organisation_without_bin_matched_by_name_and_district():
    """Protects initiative groups: no BIN, so the normalised name + district identify them."""
    existing = org("Инициативная группа «Жас Өркен»", legal_form="initiative_group", district="Бурлинский район")
    result = run(["жас оркен", "", "Бөрлі ауданы", "ИГ", "", "", "", ""])
    assert Organisation.objects.count() == 1
    assert result.rows[0].organisation == "unchanged"
    assert Organisation.objects.get().pk == existing.pk


def test_same_name_in_another_district_is_another_organisation():
    """Protects namesakes: the same name in two districts is two organisations."""
    org("ИГ Болашак", legal_form="initiative_group", district="Бурлинский район")
    run(["ИГ Болашак", "", "Таскала", "ИГ", "", "", "", ""])
    assert Organisation.objects.count() == 2


def test_name_match_fills_a_missing_bin():
    """Protects the BIN column: a known organisation without a BIN gets the file's BIN, not a twin."""
    org("ОО Ромашка", district="Уральск", legal_form="initiative_group")
    run(["ОО Ромашка", BINS[1], "Уральск", "ОО", "", "", "", ""])
    assert Organisation.objects.get().bin == BINS[1]


def test_same_name_and_district_with_different_bins_are_two_organisations():
    """Protects legal identity: a different BIN is a different legal entity even with the same name."""
    org("ОО Ромашка", BINS[2])
    run(["ОО Ромашка", BINS[3], "Уральск", "", "", "", "", ""])
    assert Organisation.objects.count() == 2


def test_person_matched_by_email_first():
    """Protects people: the e-mail identifies a person even when the phone changed."""
    person = Person.objects.create(full_name="Айгуль", email="a@b.kz", phone="+77011111111")
    run(["", "", "", "", "Айгуль Ахметова", "87022222222", "A@B.kz", ""])
    person.refresh_from_db()
    assert Person.objects.count() == 1
    assert (person.full_name, person.phone) == ("Айгуль Ахметова", "+77022222222")


def test_person_matched_by_phone_when_no_email_disagrees():
    """Protects people without e-mail: the phone identifies them, and their new e-mail is added."""
    person = Person.objects.create(full_name="Серик", phone="+77011234567")
    run(["", "", "", "", "Серик", "8 701 123 45 67", "serik@b.kz", ""])
    person.refresh_from_db()
    assert Person.objects.count() == 1
    assert person.email == "serik@b.kz"


def test_shared_phone_with_different_emails_is_two_people():
    """Protects colleagues sharing an office phone: different e-mails mean different people."""
    Person.objects.create(full_name="Серик", phone="+77112512345", email="serik@b.kz")
    run(["", "", "", "", "Мария", "8 (7112) 51-23-45", "maria@b.kz", ""])
    assert Person.objects.count() == 2


def test_person_without_contacts_matched_by_name_in_the_same_organisation():
    """Protects re-imports of people with no phone or e-mail: same name in the same organisation."""
    run(["ОО А", BINS[4], "Уральск", "", "Иванова Мария", "", "", "бухгалтер"])
    result = run(["ОО А", BINS[4], "Уральск", "", "ИВАНОВА  МАРИЯ", "", "", "бухгалтер"])
    assert Person.objects.count() == 1
    assert result.rows[0].status == "unchanged"


def test_rows_repeating_an_organisation_within_a_file_make_one_record():
    """Protects the usual sheet: one row per person repeats their organisation's columns."""
    result = run(
        ["ОО А", BINS[5], "Уральск", "", "Айгуль", "87011111111", "", "председатель"],
        ["ОО А", BINS[5], "Уральск", "", "Серик", "87012222222", "", "бухгалтер"],
    )
    assert Organisation.objects.count() == 1
    assert Membership.objects.count() == 2
    assert (result.organisations_new, result.people_new) == (1, 2)


def test_one_person_in_two_organisations():
    """Protects memberships: one person (same e-mail) in two organisations is one person with two roles."""
    run(
        ["ОО А", BINS[6], "Уральск", "", "Айгуль", "", "a@b.kz", "председатель"],
        ["ОО Б", BINS[7], "Уральск", "", "Айгуль", "", "a@b.kz", "волонтёр"],
    )
    person = Person.objects.get()
    assert sorted(person.memberships.values_list("role", flat=True)) == ["волонтёр", "председатель"]


def test_blank_cells_never_erase_stored_values():
    """Protects data already kept: an empty cell leaves the stored value as it is."""
    person = Person.objects.create(full_name="Айгуль", email="a@b.kz", phone="+77011234567")
    result = run(["", "", "", "", "Айгуль", "", "a@b.kz", ""])
    person.refresh_from_db()
    assert person.phone == "+77011234567"
    assert result.rows[0].status == "unchanged"


def test_role_change_updates_the_membership():
    """Protects roles: a new role in the file replaces the old one without a second link."""
    run(["ОО А", BINS[8], "Уральск", "", "Айгуль", "", "a@b.kz", "волонтёр"])
    result = run(["ОО А", BINS[8], "Уральск", "", "Айгуль", "", "a@b.kz", "председатель"])
    assert Membership.objects.get().role == "председатель"
    assert result.rows[0].status == "updated"


def test_reimporting_the_same_file_changes_nothing():
    """Protects idempotence: the second import of one file reports every row unchanged and writes nothing new."""
    rows = [
        ["ОО А", BINS[9], "Уральск", "ОО", "Айгуль", "87011111111", "a@b.kz", "председатель"],
        ["ИГ Б", "", "Таскала", "ИГ", "Серик", "", "", ""],
    ]
    run(*rows)
    result = run(*rows)
    assert [row.status for row in result.rows] == ["unchanged", "unchanged"]
    assert (Organisation.objects.count(), Person.objects.count(), Membership.objects.count()) == (2, 2, 2)


def test_dry_run_writes_nothing_but_counts_everything():
    """Protects the preview: it shows what would happen and leaves the database untouched."""
    result = run(["ОО А", BINS[10], "Уральск", "", "Айгуль", "", "", ""], dry_run=True)
    assert (result.organisations_new, result.people_new) == (1, 1)
    assert not Organisation.objects.exists()
    assert not Person.objects.exists()
