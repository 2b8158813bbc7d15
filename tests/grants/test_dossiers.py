"""PDF of one application and ZIP dossiers (one application, a whole shortlist) for an offline panel."""

import io
import os
import zipfile

import pytest
from django.core.files.base import ContentFile
from django.db.models.fields.files import FieldFile
from django.http import StreamingHttpResponse
from django.test import Client
from django.urls import reverse

from cms_plugins.multistep.models import DraftFile
from grants.models import Application

from .competition import call_with_rubric, make_applications, member, shortlisted_with_roles
from .factories import Applicant

ROLES = ["anonymous", "press", "expert", "coordinator", "superuser"]
ALLOWED = {"coordinator", "superuser"}


@pytest.fixture
def staff(db):
    client = Client()
    client.force_login(member("coord", "Coordinators"))
    return client


@pytest.fixture
def submitted(call):
    person = Applicant(Client(), call)
    person.start()
    person.fill_all()
    person.submit()
    return Application.objects.get()


@pytest.fixture
def written(monkeypatch):
    """The text put on the PDF's pages (fpdf2 stores glyph numbers, not searchable text)."""
    from fpdf import FPDF

    lines = []
    original = FPDF.multi_cell

    def recording(self, w, h=None, text="", *args, **kwargs):
        lines.append(text)
        return original(self, w, h, text, *args, **kwargs)

    monkeypatch.setattr(FPDF, "multi_cell", recording)
    return lines


@pytest.mark.django_db
def test_pdf_has_the_answers_in_kazakh_letters_and_the_list_of_files(staff, submitted, written):
    """The PDF opens, and holds the answers (Kazakh letters included) and the files' names."""
    application = Application.objects.get()
    section = next(s for s in application.answers if s["key"] == "project")
    section["rows"][1][1] = "Балаларға ойын алаңы керек: әңгүөұқғһі"
    application.save()
    response = staff.get(reverse("grants_application_pdf", args=[submitted.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF") and b"DejaVu" in response.content
    text = "\n".join(written)
    assert submitted.reference in text and "Детям" not in text and "әңгүөұқғһі" in text and "scan.pdf" in text


@pytest.mark.django_db
def test_pdf_survives_hostile_text(staff, submitted):
    """Control characters, a 20,000-letter word and emoji in answers give a PDF, not a 500."""
    application = Application.objects.get()
    application.answers[0]["rows"][0][1] = "\x07\x08bell " + "ы" * 20000 + " 🙂"
    application.organisation_name = "\x1b[31m" + "Ж" * 250
    application.save()
    response = staff.get(reverse("grants_application_pdf", args=[submitted.pk]))
    assert response.status_code == 200 and response.content.startswith(b"%PDF")


@pytest.mark.django_db
def test_without_the_font_the_server_says_so(staff, submitted, settings, tmp_path):
    """A server without DejaVu Sans answers 503 with a message for the PDF and the ZIPs, not a 500."""
    settings.PDF_FONT_DIR = tmp_path / "no-fonts"
    for url in [
        reverse("grants_application_pdf", args=[submitted.pk]),
        reverse("grants_application_zip", args=[submitted.pk]),
        reverse("grants_shortlist_zip", args=[submitted.call_id]),
    ]:
        response = staff.get(url)
        assert response.status_code == 503 and "шрифт" in response.content.decode()


@pytest.mark.django_db
def test_zip_of_one_application_holds_its_pdf_and_attachments(staff, submitted):
    """The dossier: the application's PDF and its uploaded file, byte for byte."""
    response = staff.get(reverse("grants_application_zip", args=[submitted.pk]))
    assert isinstance(response, StreamingHttpResponse)
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    names = archive.namelist()
    assert f"{submitted.reference}/{submitted.reference}.pdf" in names
    record = submitted.files()[0]
    assert archive.read(f"{submitted.reference}/scan.pdf") == record.file.open("rb").read()


def add_file(application, name, content):
    record = DraftFile(
        draft=application.draft, step="attachments", field="other", original_name=name, size=len(content)
    )
    record.file.save("upload.bin", ContentFile(content), save=False)  # stored under its own name
    record.save()
    return record


@pytest.mark.django_db
def test_zip_names_are_safe_and_unique(staff):
    """Folders in uploaded names are dropped and two files of one name both arrive."""
    call = call_with_rubric()
    application = make_applications(call, 1)[0]
    add_file(application, "../../etc/passwd", b"one")
    add_file(application, "report.pdf", b"two")
    add_file(application, "REPORT.pdf", b"three")
    response = staff.get(reverse("grants_application_zip", args=[application.pk]))
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    names = archive.namelist()
    assert all(".." not in name and name.startswith(application.reference + "/") for name in names)
    assert {archive.read(name) for name in names if not name.endswith(".pdf") or "report" in name.lower()} >= {
        b"one",
        b"two",
        b"three",
    }


@pytest.mark.django_db
def test_a_50_application_shortlist_dossier_streams(staff, monkeypatch, tmp_path):
    """50 shortlisted applications with 400 KB each (20 MB): the response streams in small pieces,
    each file opened only when its turn comes and closed before the next one."""
    call = call_with_rubric()
    applications = make_applications(call, 50, status="shortlisted")
    make_applications(call, 3, status="under_review", start=100)
    size = 400 * 1024
    contents = {}
    for application in applications:
        contents[application.reference] = os.urandom(size)  # incompressible: the ZIP is as big as the files
        add_file(application, "budget.xlsx", contents[application.reference])
    handles = []
    original_open = FieldFile.open

    def counting_open(self, mode="rb"):
        assert all(handle.closed for handle in handles), "a file is still open when the next one opens"
        result = original_open(self, mode)
        handles.append(self.file)
        return result

    monkeypatch.setattr(FieldFile, "open", counting_open)
    response = staff.get(reverse("grants_shortlist_zip", args=[call.pk]))
    assert isinstance(response, StreamingHttpResponse) and response["Content-Type"] == "application/zip"
    assert handles == []  # nothing is read before the first byte is asked for
    chunks = iter(response.streaming_content)
    target = tmp_path / "dossier.zip"
    with target.open("wb") as out:
        out.write(next(chunks))
        assert len(handles) <= 1
        biggest = 0
        for chunk in chunks:
            biggest = max(biggest, len(chunk))
            out.write(chunk)
    assert len(handles) == 50 and all(handle.closed for handle in handles)
    assert biggest < size / 2  # no attachment goes out in one piece
    assert target.stat().st_size > 50 * size
    with zipfile.ZipFile(target) as archive:
        names = archive.namelist()
        assert len([name for name in names if name.endswith(".pdf")]) == 50 and len(names) == 100
        reference = applications[7].reference
        assert archive.read(f"{reference}/budget.xlsx") == contents[reference]


@pytest.fixture
def world(db):
    call, application, _assignment, users = shortlisted_with_roles()
    return call, application, users


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_who_may_download_pdf_and_dossiers(client, world, role):
    """Coordinators and superusers; press and experts (even the one assigned) are refused."""
    call, application, users = world
    if users[role]:
        client.force_login(users[role])
    for url in [
        reverse("grants_application_pdf", args=[application.pk]),
        reverse("grants_application_zip", args=[application.pk]),
        reverse("grants_shortlist_zip", args=[call.pk]),
    ]:
        status = client.get(url).status_code
        assert (status == 200) == (role in ALLOWED), (role, url, status)
