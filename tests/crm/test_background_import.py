"""Big files are previewed and imported by the task worker, with progress, rollback and one at a time."""

import html
import re

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from cms_plugins.crm import background
from cms_plugins.crm.models import ImportLog, Organisation
from cms_plugins.crm.resources import ContactResource

from .conftest import BINS, csv_bytes

pytestmark = pytest.mark.django_db

HEADER = ["Организация", "БИН", "ФИО"]
ROWS = [["ОО А", BINS[0], "Айгуль"], ["ОО Б", BINS[1], "Серик"], ["ОО В", BINS[2], "Мария"]]


@pytest.fixture(autouse=True)
def _small_threshold(settings):
    settings.CRM_IMPORT_BACKGROUND_ROWS = 2  # three rows are "big" here


def upload(client):
    data = csv_bytes([HEADER, *ROWS])
    return client.post(
        reverse("crm:import"), {"step": "upload", "mode": "atomic", "file": SimpleUploadedFile("big.csv", data)}
    )


def hidden_fields(page):
    found = re.findall(r'<input type="hidden" name="(token|file_name|mode|mapping)" value="([^"]*)"', page)
    return {name: html.unescape(value) for name, value in found}


def test_big_file_is_previewed_then_imported_in_the_background(coordinator_client):
    """Protects long imports: the request only enqueues; the log page shows the preview, then the result."""
    response = upload(coordinator_client)
    preview_log = ImportLog.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("crm:import_result", args=[preview_log.pk])
    assert (preview_log.state, preview_log.dry_run, preview_log.running_lock) == ("done", True, None)
    page = coordinator_client.get(response["Location"]).content.decode()
    assert 'data-count="new">3<' in page and 'id="confirm-import"' in page
    assert not Organisation.objects.exists()
    confirm = coordinator_client.post(reverse("crm:import"), {**hidden_fields(page), "step": "confirm"})
    log = ImportLog.objects.exclude(pk=preview_log.pk).get()
    assert confirm["Location"] == reverse("crm:import_result", args=[log.pk])
    assert (log.state, log.imported, log.organisations_new) == ("done", True, 3)
    assert Organisation.objects.count() == 3


def test_progress_page_shows_rows_done_and_refreshes_itself(coordinator_client):
    """Protects the coordinator who waits: rows done of total, a refresh without JavaScript, and JSON for scripts."""
    log = ImportLog.objects.create(file_name="big.csv", rows=10000, state="running", running_lock="contacts")
    cache.set(background.progress_key(log.pk), 2500)
    page = coordinator_client.get(reverse("crm:import_result", args=[log.pk])).content.decode()
    assert '<meta http-equiv="refresh" content="3">' in page
    assert '<progress id="import-progress-bar" max="10000" value="2500">' in page
    data = coordinator_client.get(reverse("crm:import_result", args=[log.pk]), {"format": "json"}).json()
    assert data == {"state": "running", "rows_done": 2500, "rows": 10000}


def test_a_failed_background_import_rolls_back_and_says_why(coordinator_client, monkeypatch):
    """Protects the data: an import that fails half-way writes nothing and the log tells why."""
    page = coordinator_client.get(upload(coordinator_client)["Location"]).content.decode()
    original = ContactResource.write

    def write_then_fail(self, contacts):
        original(self, contacts)
        assert Organisation.objects.exists()  # written inside the import's transaction…
        raise RuntimeError("disk full")

    monkeypatch.setattr(ContactResource, "write", write_then_fail)
    coordinator_client.post(reverse("crm:import"), {**hidden_fields(page), "step": "confirm"})
    log = ImportLog.objects.get(dry_run=False)
    assert (log.state, log.imported, log.running_lock) == ("failed", False, None)
    assert "disk full" in log.error
    assert not Organisation.objects.exists()  # …and rolled back
    page = coordinator_client.get(reverse("crm:import_result", args=[log.pk])).content.decode()
    assert "disk full" in page


def test_two_imports_of_the_contacts_never_run_at_once(coordinator_client):
    """Protects against two workers writing the same records: a second import waits its turn."""
    ImportLog.objects.create(file_name="first.csv", rows=9000, state="running", running_lock="contacts")
    response = upload(coordinator_client)
    assert response.status_code == 302 and response["Location"] == reverse("crm:import")
    page = coordinator_client.get(response["Location"]).content.decode()
    assert "first.csv" in html.unescape(page)
    assert ImportLog.objects.count() == 1 and not Organisation.objects.exists()


def test_small_files_stay_in_the_request(coordinator_client, settings):
    """Protects quick imports: below the threshold the preview comes at once, no task."""
    settings.CRM_IMPORT_BACKGROUND_ROWS = 5000
    page = upload(coordinator_client).content.decode()
    assert 'data-count="new">3<' in page and not ImportLog.objects.exists()


def test_anonymising_a_person_scrubs_a_background_previews_messages(coordinator_client):
    """Protects erasure: an invalid row's message kept by a background preview loses the person's e-mail."""
    from cms_plugins.crm.models import Person
    from cms_plugins.crm.services import anonymise_person

    person = Person.objects.create(full_name="Секретова Айгуль", email="secret@mail.kz")
    log = ImportLog.objects.create(
        file_name="big.csv",
        rows=3,
        dry_run=True,
        preview={"invalid": [[3, "Email", "“secret@mail.kz” is not a valid e-mail address."]]},
    )
    anonymise_person(person)
    log.refresh_from_db()
    assert "secret@mail.kz" not in str(log.preview)


STREAM_HEADER = ["Организация", "БИН", "ФИО", "Эл. почта", "Должность"]
# Row 4 repeats row 1's organisation and person in another batch (two rows a batch):
# one organisation, one person, the role updated — as in one pass.
STREAM_ROWS = [
    ["ОО А", BINS[0], "Айгуль", "a@mail.kz", "председатель"],
    ["ОО Б", BINS[1], "Серик", "s@mail.kz", ""],
    ["ОО В", BINS[2], "Мария", "m@mail.kz", ""],
    ["ОО А", BINS[0], "Айгуль", "a@mail.kz", "бухгалтер"],
    ["ОО Б", BINS[1], "Мария", "m@mail.kz", ""],
]


def stream(rows, **kwargs):
    from cms_plugins.crm.importing import import_stream
    from cms_plugins.crm.reading import read_table

    table = read_table(csv_bytes([STREAM_HEADER, *rows]), "big.csv")
    return import_stream(table, batch_rows=2, **kwargs)


def test_a_streamed_import_matches_across_batches_as_one_pass_does():
    """Protects big files: a record made in one batch is found, not duplicated, by a later batch."""
    from cms_plugins.crm.importing import import_table
    from cms_plugins.crm.models import Membership, Person
    from cms_plugins.crm.reading import read_table

    one_pass = import_table(read_table(csv_bytes([STREAM_HEADER, *STREAM_ROWS]), "big.csv"), dry_run=True)
    report = stream(STREAM_ROWS, dry_run=False)
    assert report.imported and not report.rows  # no per-row results kept
    assert {s: report.count(s) for s in ("new", "updated", "unchanged", "invalid")} == {
        s: one_pass.count(s) for s in ("new", "updated", "unchanged", "invalid")
    }
    assert (
        (report.organisations_new, report.people_new, report.organisations_updated, report.people_updated)
        == (
            one_pass.organisations_new,
            one_pass.people_new,
            one_pass.organisations_updated,
            one_pass.people_updated,
        )
        == (3, 3, 0, 0)
    )
    assert (Organisation.objects.count(), Person.objects.count(), Membership.objects.count()) == (3, 3, 4)
    assert Membership.objects.get(person__email="a@mail.kz").role == "бухгалтер"


def test_a_streamed_dry_run_or_blocked_import_writes_nothing():
    """Protects the data: the background preview, and an all-or-nothing file with a bad row late on, leave no trace."""
    preview = stream(STREAM_ROWS, dry_run=True)
    assert preview.count("new") == 3 and not preview.imported and not Organisation.objects.exists()
    bad = [*STREAM_ROWS[:4], ["ОО Г", "123", "Ерлан", "e@mail.kz", ""]]
    blocked = stream(bad, dry_run=False)
    assert not blocked.imported and not Organisation.objects.exists()
    assert [row.line for row in blocked.invalid_rows] == [6] and blocked.invalid_rows[0].cells[1] == "123"
    skipped = stream(bad, dry_run=False, skip_invalid=True)
    assert skipped.imported and Organisation.objects.count() == 3 and skipped.count("invalid") == 1


def test_background_import_reads_the_stored_upload_a_row_at_a_time(coordinator_client, monkeypatch):
    """Protects memory on big files: the worker never loads the stored table whole."""
    from cms_plugins.crm import reading

    def refuse(data):
        raise AssertionError("the background import read the whole stored table")

    page = coordinator_client.get(upload(coordinator_client)["Location"]).content.decode()
    monkeypatch.setattr(reading, "table_from_json", refuse)
    coordinator_client.post(reverse("crm:import"), {**hidden_fields(page), "step": "confirm"})
    assert ImportLog.objects.get(dry_run=False).imported and Organisation.objects.count() == 3


def test_progress_json_is_for_importers_only(client, coordinator, press):
    """Protects the import log: the progress endpoint answers who may import, refuses the others."""
    log = ImportLog.objects.create(file_name="big.csv", rows=100, state="running", running_lock="contacts")
    cache.set(background.progress_key(log.pk), 40)
    url = reverse("crm:import_progress", args=[log.pk])
    assert client.get(url).status_code in (302, 403)  # signed out: the admin's login, no figures
    client.force_login(press)
    refused = client.get(url)
    assert refused.status_code == 403 and "rows" not in refused.json()
    client.force_login(coordinator)
    assert client.get(url).json() == {"state": "running", "rows_done": 40, "rows": 100}


def test_progress_page_updates_live_with_a_same_origin_script(coordinator_client):
    """Protects the live progress bar: a script file (no inline script, CSP) polls the JSON; without JS the
    page still refreshes itself."""
    log = ImportLog.objects.create(file_name="big.csv", rows=100, state="running", running_lock="contacts")
    page = coordinator_client.get(reverse("crm:import_result", args=[log.pk])).content.decode()
    assert re.search(r'<script src="[^"]*crm/import_progress\.js"', page)
    assert f'data-progress-url="{reverse("crm:import_progress", args=[log.pk])}"' in page
    assert re.search(r"<noscript>\s*<meta http-equiv=\"refresh\" content=\"3\">\s*</noscript>", page)
    assert "<script>" not in page


def test_the_command_streams_a_big_file(tmp_path, settings, monkeypatch):
    """Protects memory on the command line: a file over the threshold is imported in batches, with the same result."""
    from django.core.management import call_command

    from cms_plugins.crm import services

    settings.CRM_IMPORT_BACKGROUND_ROWS = 2
    path = tmp_path / "big.csv"
    path.write_bytes(csv_bytes([STREAM_HEADER, *STREAM_ROWS]))
    streamed = []
    original = services.import_stream

    def spy(*args, **kwargs):
        streamed.append(True)
        return original(*args, **kwargs)

    monkeypatch.setattr(services, "import_stream", spy)
    call_command("import_contacts", str(path))
    assert streamed and Organisation.objects.count() == 3
