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
