"""Personal data nobody finished with expires: rejects files and abandoned drafts
(PERSONAL_DATA_RETENTION_DAYS, 90 days by default), removed by the daily commands."""

import io
import os
import time
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from cms_plugins.crm.models import ImportLog
from cms_plugins.crm.services import import_storage, run_import
from cms_plugins.multistep.models import Draft, DraftFile
from tests.crm.conftest import BINS, csv_bytes
from tests.grants.factories import Applicant, make_call

HEADER = ["Организация", "БИН", "Район", "ФИО", "Телефон", "Эл. почта"]


def import_with_rejects(name):
    data = csv_bytes([HEADER, ["ОО А", BINS[1], "", "Айгуль", "", ""], ["ОО Б", "12", "", "Берик", "", ""]])
    _result, log = run_import(data, file_name=name, skip_invalid=True)
    assert log.rejects_file
    return log


def test_the_default_retention_is_90_days(settings):
    """Protects the promise in SECURITY.md and the personal-data notice."""
    from cms_plugins.erasure import retention_days

    assert settings.PERSONAL_DATA_RETENTION_DAYS == 90 == retention_days()


@pytest.mark.django_db
def test_rejects_files_expire_after_the_retention_period(settings):
    """Protects rejected rows (names, phones): the daily clean-up deletes them after 90 days, keeps fresh ones."""
    old, fresh = import_with_rejects("old.csv"), import_with_rejects("fresh.csv")
    ImportLog.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=91))
    orphan = import_storage().save("crm-rejects/orphan-rejected.csv", io.BytesIO(b"x"))
    long_ago = time.time() - 91 * 86400
    os.utime(import_storage().path(orphan), (long_ago, long_ago))
    call_command("clear_crm_uploads", stdout=io.StringIO())
    old.refresh_from_db()
    assert old.rejects_file == "" and not import_storage().exists(orphan)
    assert import_storage().exists(ImportLog.objects.get(pk=fresh.pk).rejects_file)
    assert not any("old" in name for name in import_storage().listdir("crm-rejects")[1])


@pytest.mark.django_db
def test_abandoned_drafts_expire_with_their_answers_and_files(client):
    """Protects applicants who gave up: after 90 untouched days their draft (email, answers, files) is gone."""
    call = make_call()
    old = Applicant(client, call, email="old@example.com")
    old.start()
    old.fill_all(upto="attachments")
    stored = DraftFile.objects.get()
    storage, name = stored.file.storage, stored.file.name
    Draft.objects.update(updated_at=timezone.now() - timedelta(days=91))
    recent = Applicant(Client(), call, email="recent@example.com")
    recent.start()
    recent.fill_all(upto="applicant")
    Draft.objects.filter(email="recent@example.com").update(updated_at=timezone.now() - timedelta(days=80))
    call_command("multistep_cleanup", stdout=io.StringIO())
    assert list(Draft.objects.values_list("email", flat=True)) == ["recent@example.com"]
    assert not storage.exists(name) and not DraftFile.objects.exists()
