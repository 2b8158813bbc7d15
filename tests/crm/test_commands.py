"""The management commands follow the admin's rules and tell scripts whether it worked."""

import io

import pytest
from django.core.management import CommandError, call_command

from cms_plugins.crm.models import Organisation, Person

from .conftest import BINS, csv_bytes

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english():
    """Output is compared in English, the source language (scripts see the site's language)."""
    from django.utils import translation

    with translation.override("en"):
        yield


HEADER = ["Организация", "БИН", "Район", "ФИО", "Телефон"]


def run(*args):
    out, err = io.StringIO(), io.StringIO()
    call_command("import_contacts", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_import_prints_one_summary_line(tmp_path):
    """Protects scripts: one line with organisations and people new/updated and invalid rows."""
    path = tmp_path / "c.csv"
    path.write_bytes(csv_bytes([HEADER, ["ОО А", BINS[0], "Уральск", "Айгуль", "87011234567"]]))
    out, _err = run(str(path))
    assert out.strip().splitlines() == [
        "organisations: 1 new, 0 updated; people: 1 new, 0 updated; unchanged rows: 0; invalid rows: 0"
    ]
    assert Person.objects.get().phone == "+77011234567"


def test_import_with_invalid_rows_exits_non_zero_and_imports_nothing(tmp_path):
    """Protects scripts from silent failure: invalid rows mean exit status 1 and nothing written."""
    path = tmp_path / "c.csv"
    path.write_bytes(csv_bytes([HEADER, ["ОО А", BINS[0], "Уральск", "", ""], ["ОО Б", "1", "", "", ""]]))
    with pytest.raises(CommandError, match="Nothing was imported"):
        run(str(path))
    assert not Organisation.objects.exists()


def test_skip_invalid_with_rejects_file(tmp_path):
    """Protects big files: --skip-invalid imports the rest and --rejects writes the bad rows with reasons."""
    path, rejects = tmp_path / "c.csv", tmp_path / "rejects.csv"
    path.write_bytes(csv_bytes([HEADER, ["ОО А", BINS[0], "Уральск", "", ""], ["ОО Б", "1", "", "", ""]]))
    out, err = run(str(path), "--skip-invalid", "--rejects", str(rejects))
    assert "invalid rows: 1" in out
    assert "line 3" in err
    assert Organisation.objects.count() == 1
    text = rejects.read_bytes().decode("utf-8-sig")
    assert "ОО Б" in text and "ОО А" not in text


def test_dry_run_writes_nothing(tmp_path):
    """Protects trying a file first: --dry-run reports and writes nothing."""
    path = tmp_path / "c.csv"
    path.write_bytes(csv_bytes([HEADER, ["ОО А", BINS[0], "Уральск", "", ""]]))
    out, _err = run(str(path), "--dry-run")
    assert "organisations: 1 new" in out
    assert not Organisation.objects.exists()


def test_missing_file_is_a_clear_error(tmp_path):
    """Protects scripts: a wrong path is a one-line error, not a traceback."""
    with pytest.raises(CommandError, match=r"nope\.csv"):
        run(str(tmp_path / "nope.csv"))


@pytest.mark.parametrize(("name", "magic"), [("all.xlsx", b"PK"), ("all.csv", b"\xef\xbb\xbf")])
def test_export_writes_xlsx_or_csv_and_it_imports_back(tmp_path, name, magic):
    """Protects the command pair: export_contacts writes a file import_contacts takes back unchanged."""
    Organisation.objects.create(name="ОО А", bin=BINS[1])
    out = tmp_path / name
    call_command("export_contacts", str(out), stdout=io.StringIO())
    assert out.read_bytes().startswith(magic)
    printed, _err = run(str(out))
    assert "organisations: 0 new, 0 updated" in printed and "unchanged rows: 1" in printed


def test_export_format_option_wins_over_extension(tmp_path):
    """Protects --format: asked for CSV, CSV it is, whatever the file is called."""
    out = tmp_path / "contacts.dat"
    call_command("export_contacts", str(out), "--format", "csv", stdout=io.StringIO())
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")


def test_clear_crm_uploads_removes_only_old_unconfirmed_uploads():
    """Protects shared storage: abandoned previews are removed after a day, fresh ones stay."""
    import os
    import time

    from cms_plugins.crm.import_storage import ImportTmpStorage
    from cms_plugins.crm.services import import_storage

    old, fresh = ImportTmpStorage(), ImportTmpStorage()
    old.save(b"{}")
    fresh.save(b"{}")
    path = import_storage().path(old.get_full_path())
    two_days_ago = time.time() - 48 * 3600
    os.utime(path, (two_days_ago, two_days_ago))
    out = io.StringIO()
    call_command("clear_crm_uploads", stdout=out)
    assert "1" in out.getvalue()
    assert not import_storage().exists(old.get_full_path())
    assert import_storage().exists(fresh.get_full_path())


def test_unknown_column_stops_the_command_naming_it_and_suggesting_keys(tmp_path):
    """Protects coordinators' notes: a column the importer does not know is never dropped silently."""
    path = tmp_path / "c.csv"
    path.write_bytes(csv_bytes([["Организация", "БИН", "Contact nam"], ["ОО А", BINS[0], "Айгуль"]]))
    with pytest.raises(CommandError) as caught:
        run(str(path))
    assert "“Contact nam”" in str(caught.value) and "full_name" in str(caught.value)
    assert not Organisation.objects.exists()


def test_ambiguous_notes_column_is_never_guessed(tmp_path):
    """Protects notes: "Примечание" may be the organisation's or the person's; the command asks."""
    path = tmp_path / "c.csv"
    path.write_bytes(csv_bytes([["Организация", "БИН", "ФИО", "Примечание"], ["ОО А", BINS[0], "Айгуль", "звонить"]]))
    with pytest.raises(CommandError, match="Примечание"):
        run(str(path))
    assert not Organisation.objects.exists()
    run(str(path), "--map", "Примечание=person_notes")
    assert Person.objects.get().notes == "звонить" and Organisation.objects.get().notes == ""


def test_map_and_ignore_options(tmp_path):
    """Protects --map and --ignore: an everyday header read as a key, another left out on purpose."""
    path = tmp_path / "c.csv"
    path.write_bytes(csv_bytes([["NGO", "BIN", "Who", "Internal id"], ["ОО А", BINS[0], "Айгуль", "17"]]))
    out, _err = run(str(path), "--map", "NGO=org_name", "--map", "Who=full_name", "--ignore", "Internal id")
    assert "organisations: 1 new" in out
    assert Person.objects.get().memberships.get().organisation.name == "ОО А"
    from cms_plugins.crm.models import ImportLog

    assert ImportLog.objects.get().column_mapping == {
        "NGO": "org_name", "BIN": "bin", "Who": "full_name", "Internal id": ""
    }  # fmt: skip


def test_map_to_an_unknown_key_is_refused(tmp_path):
    """Protects --map from typos: a key that does not exist stops the import and says so."""
    path = tmp_path / "c.csv"
    path.write_bytes(csv_bytes([["NGO", "BIN"], ["ОО А", BINS[0]]]))
    with pytest.raises(CommandError, match="NGO"):
        run(str(path), "--map", "NGO=org_nam")
    assert not Organisation.objects.exists()


def test_list_columns_prints_keys_with_titles():
    """Protects the command's help for --map: every key with its kk/ru/en titles."""
    out, _err = run("--list-columns")
    line = next(line for line in out.splitlines() if line.startswith("org_name"))
    assert "Организация" in line and "Ұйым" in line and "Organisation" in line
    assert any(line.startswith("person_notes") for line in out.splitlines())


def test_a_row_number_column_stops_the_command_until_ignored(tmp_path):
    """Protects the message: "№" is named as row numbers, and --ignore lets the file through."""
    path = tmp_path / "c.csv"
    path.write_bytes(csv_bytes([["№", "Наименование НПО", "БИН"], ["1", "ОО А", BINS[0]]]))
    with pytest.raises(CommandError) as caught:
        run(str(path))
    assert "“№”" in str(caught.value) and "row numbers" in str(caught.value)
    assert not Organisation.objects.exists()
    run(str(path), "--ignore", "№")
    assert Organisation.objects.get().name == "ОО А"
