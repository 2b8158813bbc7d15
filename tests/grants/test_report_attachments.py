"""Files in grantee reports (photos, receipts, PDFs): limits said up front, checked by content with
the application form's check, kept privately, downloaded only by coordinators and by the grantee's
own link, erased with the person; and hostile report posts never answer with a server error."""

from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from grants import report_attachments
from grants.models import Application, Assignment, GrantReport, ReportAttachment

from .competition import member
from .factories import PDF, PNG, upload
from .test_grant_reports import POST, make_grantee, report_url

JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 64


@pytest.fixture
def grantee(client, db):
    return make_grantee(client)


def files_url(call, attachment, kind="interim"):
    return f"{call.url}apply/report/{kind}/files/{attachment.pk}/"


def admin_file_url(attachment):
    return reverse("grants_report_attachment", args=[attachment.report.grant_id, attachment.report.kind, attachment.pk])


def send(client, call, *files, **fields):
    return client.post(report_url(call), {**POST, **fields, "files-files": list(files)})


def private_root():
    from django.core.files.storage import storages

    return Path(storages["private"].location)


def stored_files():
    """Every file in private storage under the reports' folder."""
    return [path for path in private_root().rglob("*") if path.is_file() and "grant-reports" in path.parts]


def body(response):
    return b"".join(response.streaming_content)


@pytest.mark.django_db
def test_the_form_states_the_limits_before_anything_is_chosen(client, grantee):
    call, *_rest = grantee
    page = client.get(report_url(call)).content.decode()
    assert 'enctype="multipart/form-data"' in page and "multiple" in page
    assert "До 10 МБ на файл; не больше 10 файлов и 30 МБ в сумме." in page
    assert 'accept=".jpg,.jpeg,.png,.heic,.heif,.pdf' in page


@pytest.mark.django_db
def test_grantee_attaches_photos_and_receipts_kept_privately(client, grantee):
    """Protects the files' path: sent with the report, kept outside public media, listed, downloaded by the link."""
    call, _application, grant, _coordinator = grantee
    response = send(client, call, upload("чек.pdf", PDF, "application/pdf"), upload("праздник.jpg", JPEG, "image/jpeg"))
    assert response.status_code == 302
    report = GrantReport.objects.get(grant=grant)
    attachments = list(report.attachments.all())
    assert [a.original_name for a in attachments] == ["чек.pdf", "праздник.jpg"]
    assert [a.size for a in attachments] == [len(PDF), len(JPEG)]
    paths = stored_files()
    assert len(paths) == 2 and all(private_root() in path.parents for path in paths)
    assert not list(Path(settings.MEDIA_ROOT).rglob("*.pdf"))  # nothing in the public media folder
    sent = client.get(report_url(call)).content.decode()
    assert "чек.pdf" in sent and files_url(call, attachments[0]) in sent
    download = client.get(files_url(call, attachments[0]))
    assert download.status_code == 200 and body(download) == PDF
    assert download["Cache-Control"].startswith("private") and download["X-Content-Type-Options"] == "nosniff"
    assert "attachment" in download["Content-Disposition"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "name,content,says",
    [
        ("чек.pdf", PNG, "не совпадает с его расширением"),  # renamed: the content decides
        ("setup.exe", b"MZ\x90\x00", "не подходящего типа"),
        ("photo.jpg", b"", "Отправленный файл пуст"),
    ],
)
def test_a_wrong_file_is_refused_by_name_and_nothing_is_kept(client, grantee, name, content, says):
    call, _application, grant, _coordinator = grantee
    response = send(client, call, upload("ok.pdf", PDF), upload(name, content))
    assert response.status_code == 400
    page = response.content.decode()
    assert says in page and (name in page or not content)
    assert not GrantReport.objects.filter(grant=grant).exists()
    assert not ReportAttachment.objects.exists() and not stored_files()


@pytest.mark.django_db
def test_too_many_or_too_big_files_are_refused(client, grantee, monkeypatch):
    call, _application, grant, _coordinator = grantee
    many = send(client, call, *[upload(f"{n}.pdf", PDF) for n in range(report_attachments.MAX_FILES + 1)])
    assert many.status_code == 400
    assert "не больше 10 файлов; с этими было бы 11" in many.content.decode()
    monkeypatch.setattr(report_attachments.ReportFilesForm.base_fields["files"], "max_size", 100)
    big = send(client, call, upload("big.pdf", PDF + b"0" * 200))
    assert big.status_code == 400 and "Файл «big.pdf» весит" in big.content.decode()
    monkeypatch.setattr(report_attachments, "MAX_TOTAL_SIZE", len(PDF) * 2)
    total = send(client, call, *[upload(f"{n}.pdf", PDF) for n in range(3)])
    assert total.status_code == 400 and "к отчёту можно приложить не больше" in total.content.decode()
    assert not GrantReport.objects.filter(grant=grant).exists() and not stored_files()


@pytest.mark.django_db
def test_a_returned_report_opens_filled_in_keeps_or_drops_its_files(client, grantee):
    """Protects the return loop: the grantee sees the comment and their answers, drops one file, adds another."""
    from grants import grant_reports

    call, _application, grant, coordinator = grantee
    send(client, call, upload("old.pdf", PDF), upload("keep.png", PNG), **{"narrative-done": "Клуб открыт."})
    report = GrantReport.objects.get(grant=grant)
    old, _keep = report.attachments.all()
    grant_reports.decide_report(report, "returned", coordinator, "Добавьте чек за краску.")
    page = client.get(report_url(call)).content.decode()
    assert "Добавьте чек за краску." in page and "Клуб открыт." in page and 'value="360000"' in page
    assert "old.pdf" in page and f'value="{old.pk}"' in page
    response = send(
        client,
        call,
        upload("краска.pdf", PDF),
        **{"narrative-done": "Клуб открыт, чек приложен.", "files-remove": [old.pk]},
    )
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.status == "submitted" and "чек приложен" in str(report.answers)
    assert sorted(a.original_name for a in report.attachments.all()) == ["keep.png", "краска.pdf"]
    assert len(stored_files()) == 2  # the dropped file is gone from storage too
    assert client.get(files_url(call, old)).status_code == 404
    # a posted id of another report's file is refused, not followed
    grant_reports.decide_report(report, "returned", coordinator, "Ещё раз.")
    assert send(client, call, **{"files-remove": ["999999"]}).status_code == 400
    assert report.attachments.count() == 2


@pytest.mark.django_db
@pytest.mark.parametrize(
    "role", ["anonymous", "press", "assigned expert", "another applicant", "coordinator", "superuser", "grantee"]
)
def test_report_files_reach_coordinators_and_the_grantee_only(client, grantee, role):
    call, application, _grant, _coordinator = grantee
    send(client, call, upload("чек.pdf", PDF))
    attachment = ReportAttachment.objects.get()
    if role != "grantee":
        client.cookies.clear()
    users = {
        "press": lambda: member("press", "Press"),
        "assigned expert": lambda: member("expert1", "Experts"),
        "coordinator": lambda: member("coord2", "Coordinators"),
        "superuser": lambda: User.objects.create_superuser("root", "root@example.org", "pw-123456789"),
    }
    if role in users:
        user = users[role]()
        if role == "assigned expert":  # even an expert who may read the application
            Assignment.objects.create(application=application, expert=user, conflict=False)
        client.force_login(user)
    if role == "another applicant":
        other = Application.objects.exclude(pk=application.pk).get(call=call)
        token = other.draft.new_token()
        other.draft.save()
        client.get(f"{call.url}apply/resume/{token}/")
    staff_ok = role in {"coordinator", "superuser"}
    admin = client.get(admin_file_url(attachment))
    assert (admin.status_code == 200) == staff_ok, (role, admin.status_code)
    if staff_ok:
        assert body(admin) == PDF
    # the public address answers only the browser the grantee's link let in, whoever is signed in
    public = client.get(files_url(call, attachment))
    assert (public.status_code == 200) == (role == "grantee"), (role, public.status_code)
    assert client.get(files_url(call, attachment, kind="final")).status_code == 404


@pytest.mark.django_db
def test_coordinator_sees_the_files_in_the_report_review(client, grantee):
    call, _application, grant, coordinator = grantee
    send(client, call, upload("праздник.jpg", JPEG))
    attachment = ReportAttachment.objects.get()
    staff = Client()
    staff.force_login(coordinator)
    page = staff.get(reverse("grants_report_review", args=[grant.pk, "interim"])).content.decode()
    assert "праздник.jpg" in page and admin_file_url(attachment) in page


@pytest.mark.django_db
def test_report_files_are_in_nothing_public(client, grantee):
    """The results page, the call's other pages and the public media folder never show a report file."""
    call, _application, _grant, _coordinator = grantee
    send(client, call, upload("чек-айгуль.pdf", PDF))
    attachment = ReportAttachment.objects.get()
    reader = Client()
    for url in (call.url, call.get_parent().url, "/ru/"):
        response = reader.get(url, follow=True)
        assert response.status_code == 200, url
        assert "чек-айгуль" not in response.content.decode(), url
    assert reader.get(f"{settings.MEDIA_URL}{attachment.file.name}").status_code == 404
    assert reader.get(files_url(call, attachment)).status_code == 404


@pytest.mark.django_db
def test_report_files_are_erased_with_the_person(client, grantee):
    from cms_plugins.erasure import Identity, erase_everywhere

    call, application, grant, _coordinator = grantee
    send(client, call, upload("чек.pdf", PDF), upload("Айгуль Серикова.jpg", JPEG))
    assert len(stored_files()) == 2
    # a file named after someone else goes when that person is erased
    erase_everywhere(Identity.of(names=["Айгуль Серикова"]))
    assert [a.original_name for a in ReportAttachment.objects.all()] == ["чек.pdf"] and len(stored_files()) == 1
    # the grantee's own files go with their application
    erase_everywhere(Identity.of(emails=[application.email]))
    assert not ReportAttachment.objects.exists() and not stored_files()
    assert GrantReport.objects.get(grant=grant).spending  # the report's figures stay


# --- hostile posts --------------------------------------------------------------------------
FIELDS = ["narrative-done", "spending-spent_0", "spending-spent_1", "spending-explanation", "files-remove"]
hostile = st.one_of(
    st.text(max_size=200),
    st.sampled_from(
        ["", "\x00", "-1", "-570000", "9" * 400, "999999999999999", "1e309", "NaN", "٣", "𝟓𝟕𝟎", "<b>x</b>", "0x10"]
    ),
)


@pytest.mark.django_db
@hypothesis_settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)
@given(
    answers=st.dictionaries(
        st.one_of(st.sampled_from(FIELDS), st.text(max_size=20)), st.one_of(hostile, st.lists(hostile, max_size=3))
    ),
    files=st.lists(st.tuples(st.text(max_size=30), st.binary(max_size=300)), max_size=3),
    kind=st.sampled_from(["interim", "final", "nonsense"]),
)
def test_no_report_post_answers_with_a_server_error(client, grantee, answers, files, kind):
    """Missing fields, huge or negative amounts, wrong files, unknown report kinds: never a 5xx,
    and a refused post leaves nothing behind."""
    call, _application, grant, _coordinator = grantee
    client.raise_request_exception = False
    data = dict(answers)
    data["files-files"] = [upload(name.strip("/\\.") or "x", content) for name, content in files]
    response = client.post(report_url(call, kind), data)
    assert response.status_code < 500, response.content[:500]
    if response.status_code == 400:
        assert not GrantReport.objects.filter(grant=grant, kind=kind).exists()
    assert client.get(report_url(call, kind)).status_code < 500
    for report in GrantReport.objects.filter(grant=grant):
        report_attachments.remove(report.attachments.all())
        report.delete()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "field,value,says",
    [
        ("spending-spent_0", "-5", "больше либо равно 0"),
        ("spending-spent_0", "9" * 40, "Введите сумму целым числом"),
        ("spending-spent_1", "", "Требуется заполнить это поле"),
        ("narrative-done", "", "Требуется заполнить это поле"),
    ],
)
def test_a_bad_amount_or_a_missing_answer_is_named(client, grantee, field, value, says):
    call, _application, grant, _coordinator = grantee
    response = client.post(report_url(call), {**POST, field: value})
    assert response.status_code == 400 and says in response.content.decode()
    assert not GrantReport.objects.filter(grant=grant).exists()
