"""Anonymising a person reaches every copy of their data (cms_plugins.erasure).

The person applied for a grant (application, draft, attachment), was imported into
the CRM (import log, rejects file, an upload left unconfirmed), and was edited in the
admin (Wagtail's log). After "Anonymise", the whole database (every text column of
every table) and every stored file are searched for their name, email and phone.
"""

import contextlib
import io
import json
import re
import zipfile
from pathlib import Path

import pytest
from django.apps import apps
from django.contrib.auth.models import Group, User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, override_settings
from django.urls import reverse
from django_tasks import task
from wagtail.log_actions import log

from cms_plugins.crm.models import ImportLog, Person
from cms_plugins.erasure import Identity, erase_everywhere, registered
from grants.models import Application
from tests.crm.conftest import BINS, csv_bytes
from tests.grants.factories import ANSWERS, PDF, Applicant, make_call

NAME = ANSWERS["applicant"]["contact_name"]  # Айгуль Серикова
EMAIL = ANSWERS["applicant"]["email"]  # aigul@example.kz
PHONE_DIGITS = "7011234567"  # typed as 8 701 123 45 67, stored as +77011234567
TEXT_TYPES = {"CharField", "TextField", "JSONField", "FileField", "SlugField", "EmailField"}


def mentions(text):
    """Which of the person's identifiers ``text`` contains (any case; a phone in any spelling)."""
    found = []
    lowered = " ".join(text.replace("_", " ").split()).casefold()  # storage writes spaces in names as _
    if NAME.casefold() in lowered:
        found.append("name")
    if EMAIL in lowered:
        found.append("email")
    if PHONE_DIGITS in re.sub(r"\D", "", text):
        found.append("phone")
    return found


def as_text(value):
    if isinstance(value, str):
        try:  # JSON kept as text escapes Cyrillic; read it as written
            return json.dumps(json.loads(value), ensure_ascii=False)
        except ValueError:
            return value
    return json.dumps(value, ensure_ascii=False, default=str)


def database_mentions():
    """[(table, column, identifiers)] for every text column of every table that mentions the person."""
    hits = []
    for model in apps.get_models(include_auto_created=True):
        for field in model._meta.concrete_fields:
            if field.get_internal_type() not in TEXT_TYPES and type(field).__name__ != "StreamField":
                continue
            for value in model._base_manager.values_list(field.attname, flat=True).iterator():
                found = value is not None and mentions(as_text(value))
                if found:
                    hits.append((model._meta.db_table, field.column, found))
    return hits


def file_texts(data):
    if zipfile.is_zipfile(io.BytesIO(data)):
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return [as_text(archive.read(name).decode("utf-8", "replace")) for name in archive.namelist()]
    texts = [data.decode("latin-1")]
    for encoding in ("utf-8-sig", "cp1251"):
        with contextlib.suppress(UnicodeDecodeError):
            texts.append(as_text(data.decode(encoding)))
    return texts


def storage_mentions(folder):
    """[(path, identifiers)] for every stored file whose name or contents mention the person."""
    hits = []
    for path in Path(folder).rglob("*"):
        if path.is_file():
            found = set(mentions(str(path.relative_to(folder))))
            for text in file_texts(path.read_bytes()):
                found.update(mentions(text))
            if found:
                hits.append((str(path.relative_to(folder)), sorted(found)))
    return hits


def coordinator_client():
    user = User.objects.create_user("coordinator", "c@example.kz", "a-long-password-1")
    user.groups.add(Group.objects.get(name="Coordinators"))
    client = Client()
    client.force_login(user)
    return client, user


def import_through_the_admin(client, rows, name, confirm=True):
    header = ["Организация", "БИН", "Район", "ФИО", "Телефон", "Эл. почта"]
    data = csv_bytes([header, *rows])
    page = client.post(
        reverse("crm:import"), {"step": "upload", "mode": "skip_invalid", "file": SimpleUploadedFile(name, data)}
    ).content.decode()
    if confirm:
        fields = dict(re.findall(r'<input type="hidden" name="(token|file_name|mode)" value="([^"]*)"', page))
        response = client.post(reverse("crm:import"), {**fields, "step": "confirm"})
        assert response.status_code == 302, page[:3000]


@pytest.mark.django_db
def test_anonymising_leaves_no_copy_in_the_database_or_storage(client, tmp_path, django_capture_on_commit_callbacks):
    """Protects the right to erasure: after "Anonymise", name, email and phone are nowhere, table or file."""
    call = make_call()
    applicant = Applicant(client, call)
    applicant.attachments = lambda: {
        "registration": SimpleUploadedFile(f"устав {NAME}.pdf", PDF, content_type="application/pdf")
    }
    applicant.start()
    applicant.fill_all()
    with django_capture_on_commit_callbacks(execute=True):
        assert applicant.submit().status_code == 302
    application = Application.objects.get()
    person = Person.objects.get(email=EMAIL)

    coordinator, user = coordinator_client()
    import_through_the_admin(
        coordinator,
        [
            ["ОО «Жас Ауыл»", "940140000385", "Бөрлі", NAME, "+7 701 123-45-67", EMAIL],
            ["ОО Б", "12", "Бөрлі", NAME, "87011234567", "aigul(at)example.kz"],  # invalid: to the rejects file
            ["ОО В", BINS[3], "Бөрлі", "Другой Человек", "87019876543", "other@example.kz"],
        ],
        name=f"контакты {NAME}.csv",
    )
    import_through_the_admin(coordinator, [["ОО Г", BINS[4], "Бөрлі", NAME, "", EMAIL]], "new.csv", confirm=False)
    log(instance=person, action="wagtail.edit", user=user)  # what the snippet edit view records
    log(instance=application, action="wagtail.edit", user=user, data={"contact": f"{NAME} <{EMAIL}>"})

    assert {"name", "email", "phone"} <= {kind for *_where, found in database_mentions() for kind in found}
    assert ImportLog.objects.filter(file_name__contains=NAME).exists()
    assert storage_mentions(tmp_path), "the set-up left no file naming the person"

    confirm_page = coordinator.get(reverse("crm:anonymise", args=[person.pk])).content.decode()
    assert all(str(description) in confirm_page for _key, description in registered())
    response = coordinator.post(reverse("crm:anonymise", args=[person.pk]))
    assert response.status_code == 302

    assert database_mentions() == []
    assert storage_mentions(tmp_path) == []
    # what the programme counts is kept
    application.refresh_from_db()
    assert application.reference and application.requested_amount == 570000
    assert Person.objects.filter(full_name="Другой Человек").exists()
    assert ImportLog.objects.count() == 1


@pytest.mark.django_db
def test_the_exports_of_applications_lose_the_person(client, django_capture_on_commit_callbacks):
    """Protects the CSV export: it is made from the erased record, so no name, email or phone remains."""
    call = make_call()
    applicant = Applicant(client, call)
    applicant.start()
    applicant.fill_all()
    with django_capture_on_commit_callbacks(execute=True):
        applicant.submit()
    coordinator, _user = coordinator_client()
    export_url = reverse("grant_applications:index") + "?export=csv"
    before = b"".join(coordinator.get(export_url).streaming_content).decode("utf-8-sig")
    assert NAME in before and EMAIL in before
    coordinator.post(reverse("crm:anonymise", args=[Person.objects.get(email=EMAIL).pk]))
    after = b"".join(coordinator.get(export_url).streaming_content).decode("utf-8-sig")
    assert mentions(after) == [] and Application.objects.get().reference in after


def test_every_copy_is_listed_in_one_registry():
    """Protects the one list: each app registers what it erases, so a reviewer sees every copy in one place."""
    keys = [key for key, _description in registered()]
    for key in [
        "wagtail.log_entries",
        "admin.log_entries",
        "tasks.results",
        "crm.people",
        "crm.import_log",
        "crm.import_files",
        "multistep.drafts",
        "grants.applications",
        "mail.outbox",
    ]:
        assert key in keys


@task()
def notify(address, text):
    return address


@pytest.mark.django_db
@override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}})
def test_queued_mail_to_the_person_is_dropped_and_others_kept():
    """Protects the mail queue: a message naming the person is not sent after they asked to be erased."""
    from django_tasks_db.models import DBTaskResult

    notify.enqueue(EMAIL, f"Dear {NAME}")
    kept = notify.enqueue("other@example.kz", "Dear colleague")
    erase_everywhere(Identity.of(names=[NAME], emails=[EMAIL], phones=["87011234567"]))
    assert [str(pk) for pk in DBTaskResult.objects.values_list("pk", flat=True)] == [str(kept.id)]


def test_mentions_are_found_in_any_spelling():
    """Protects the text scrubber: a phone written any way, a name across a line break or in a file name."""
    identity = Identity.of(names=[NAME], emails=[EMAIL.upper()], phones=["+77011234567"])
    text = f"Звонить 8 (701) 123-45-67 или +7 701 1234567; {NAME.replace(' ', chr(10))}; AIGUL@example.KZ; 2026"
    assert identity.scrub_text(text) == "Звонить [removed] или [removed]; [removed]; [removed]; 2026"
    assert identity.scrub(["устав_Айгуль_Серикова.pdf", {"k": 5}]) == ["устав_[removed].pdf", {"k": 5}]
    assert identity.scrub_text("Budget 1 500 000 ₸ for 120 people") == "Budget 1 500 000 ₸ for 120 people"
