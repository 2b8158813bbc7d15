"""Drafts live on the server: nothing typed is lost, links are secret and revocable."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from cms_plugins.multistep.models import Draft, DraftFile
from grants.models import Application

from .factories import ANSWERS, OTHER_BIN, PDF, PNG, Applicant, make_call, resume_link_from, translate, upload


def tasks_html(applicant, call=None):
    return applicant.client.get(applicant.url("tasks", call)).content.decode()


@pytest.mark.django_db
def test_going_back_keeps_unfinished_answers(applicant):
    """Pressing Back on a half-filled step keeps what was typed there."""
    applicant.start()
    applicant.fill_all(upto="applicant")
    response = applicant.post_step("project", {"project_title": "Половина"}, extra={"wizard_goto_step": "applicant"})
    assert response.status_code == 302 and response["Location"].endswith("/apply/applicant/")
    page = applicant.client.get(applicant.url("project")).content.decode()
    assert 'value="Половина"' in page
    assert 'task-in_progress"><a href="/ru/grants/small-grants-2026/apply/project/"' in tasks_html(applicant)


@pytest.mark.django_db
def test_invalid_step_shows_errors_linked_to_fields(applicant):
    """An error names the field and is tied to it for screen readers."""
    applicant.start()
    response = applicant.post_step("eligibility", {"applicant_type": "ngo"})
    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="id_eligibility-rural_errors"' in html
    assert 'aria-describedby="id_eligibility-rural_hint id_eligibility-rural_errors"' in html


@pytest.mark.django_db
def test_ineligible_applicant_is_stopped_with_the_reason(applicant):
    """A business is told it cannot apply, and why, before filling anything else."""
    applicant.start()
    response = applicant.post_step(
        "eligibility", {"applicant_type": "other", "rural": "no", "project_in_region": "yes"}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "сельских" in html or "rural" in html
    assert Draft.objects.get().state("eligibility") == "in_progress"


@pytest.mark.django_db
def test_resume_link_opens_the_draft_in_another_browser(applicant, call):
    """The emailed link continues the draft on another device, with every answer."""
    applicant.start()
    applicant.fill_all(upto="project")
    link = resume_link_from(mail.outbox[0])
    other = Client()
    response = other.get(link)
    assert response.status_code == 302 and response["Location"].endswith("/apply/tasks/")
    page = other.get(call.multistep_url("project")).content.decode()
    assert "Детская площадка" in page


@pytest.mark.django_db
def test_new_link_revokes_the_old_one(applicant, call):
    """Asking for a new link makes the old one stop working."""
    applicant.start()
    old = resume_link_from(mail.outbox[0])
    applicant.client.post(call.multistep_url("new-link"))
    new = resume_link_from(mail.outbox[-1])
    assert new != old
    assert Client().get(old).status_code == 404
    assert Client().get(new).status_code == 302


@pytest.mark.django_db
def test_token_is_stored_hashed(applicant):
    """A database leak does not reveal working links."""
    applicant.start()
    token = resume_link_from(mail.outbox[0]).rstrip("/").rsplit("/", 1)[-1]
    draft = Draft.objects.get()
    assert token not in draft.token_hash and len(draft.token_hash) == 64


@pytest.mark.django_db
def test_one_open_draft_per_email(client, call):
    """Starting again with the same email adds no second draft and does not let the stranger in."""
    Applicant(client, call).start()
    stranger = Client()
    response = stranger.post(call.multistep_url(), {"email": "AIGUL@example.kz", "website": ""})
    assert response.status_code == 302
    assert Draft.objects.count() == 1
    # the stranger was not let into the draft
    assert stranger.get(call.multistep_url("tasks")).status_code == 302


@pytest.mark.django_db
def test_honeypot_creates_nothing(client, call):
    """A bot filling the hidden field gets a polite page and no draft."""
    response = client.post(call.multistep_url(), {"email": "bot@example.com", "website": "http://spam"})
    assert response.status_code == 302 and client.get(response["Location"]).status_code == 200
    assert Draft.objects.count() == 0 and not mail.outbox


@pytest.mark.django_db
def test_starting_drafts_is_rate_limited(client, call, settings):
    """Many starts from one address are refused with 429."""
    settings.MULTISTEP_START_RATE = (3, 3600)
    codes = [Client().post(call.multistep_url(), {"email": f"p{i}@example.com"}).status_code for i in range(4)]
    assert codes == [302, 302, 302, 429]
    assert Draft.objects.count() <= 3


@pytest.mark.django_db
def test_language_switch_keeps_the_draft(applicant, call):
    """The Kazakh page of the same call continues the same draft."""
    kk_call = translate(call, "kk")
    applicant.start()
    applicant.fill_all(upto="applicant")
    page = applicant.client.get(kk_call.multistep_url("project"))
    assert page.status_code == 200
    response = applicant.post_step("project", call=kk_call)
    assert response.status_code == 302
    html = tasks_html(applicant, kk_call)
    assert 'task-completed"><a href="/kk/grants/small-grants-2026/apply/project/"' in html
    assert Draft.objects.count() == 1
    assert Draft.objects.get().state("project") == "completed"


@pytest.mark.django_db
def test_after_deadline_draft_is_read_only_and_cannot_be_submitted(applicant, call):
    """Past the deadline the server refuses changes and submission, and shows the answers."""
    applicant.start()
    applicant.fill_all()
    call.closes_at = timezone.now() - timedelta(minutes=1)
    call.save()
    page = applicant.client.get(applicant.url("declaration"))
    assert "Детская площадка" in page.content.decode()
    assert applicant.submit().status_code == 403
    assert not Application.objects.exists()
    assert not Draft.objects.get().is_submitted


@pytest.mark.django_db
def test_budget_must_add_up_and_respect_the_cap(applicant):
    """Lines that do not sum to the request, or a request over the cap, are refused with the numbers."""
    applicant.start()
    applicant.fill_all(upto="plan")
    wrong_sum = {"requested_amount": "500000", "lines-0-item": "A", "lines-0-amount": "100"}
    html = applicant.post_step("budget", wrong_sum).content.decode()
    assert "100\u202f₸" in html and "500\u202f000\u202f₸" in html
    over_cap = {"requested_amount": "600000", "lines-0-item": "A", "lines-0-amount": "600000"}
    html = applicant.post_step("budget", over_cap).content.decode()
    assert "570\u202f000\u202f₸" in html
    bad_row = {"requested_amount": "10", "lines-0-item": "A", "lines-0-amount": "ten"}
    html = applicant.post_step("budget", bad_row).content.decode()
    assert "Row 1" in html or "Строка 1" in html


@pytest.mark.django_db
def test_upload_checked_by_content_not_name(applicant):
    """A file whose content is not what its name says is refused; a HEIC phone photo is taken."""
    applicant.start()
    applicant.fill_all(upto="budget")
    fake = upload("scan.pdf", b"MZ\x90\x00 not a pdf")
    html = applicant.post_step("attachments", {}, files={"registration": fake}).content.decode()
    assert "scan.pdf" in html and Draft.objects.get().state("attachments") == "in_progress"
    heic = upload("IMG_0001.HEIC", b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + b"\x00" * 100)
    response = applicant.post_step("attachments", {}, files={"registration": heic})
    assert response.status_code == 302
    assert DraftFile.objects.get().original_name == "IMG_0001.HEIC"


@pytest.mark.django_db
def test_upload_size_limits(applicant, settings):
    """A file over the per-file limit is refused with the limit in the message."""
    applicant.start()
    applicant.fill_all(upto="budget")
    big = upload("big.pdf", PDF + b"0" * (11 * 1024 * 1024))
    html = applicant.post_step("attachments", {}, files={"registration": big}).content.decode()
    # the sizes as people write them: "11 МБ … 10 МБ", never "10.0"
    assert "весит 11 МБ; допускается не больше 10 МБ" in html
    assert "10.0" not in html and "10,0" not in html
    assert not DraftFile.objects.exists()


@pytest.mark.django_db
def test_replacing_a_file_removes_the_old_one(applicant):
    """A replaced upload does not linger in private storage."""
    applicant.start()
    applicant.fill_all(upto="budget")
    applicant.post_step("attachments", {}, files={"registration": upload("a.pdf", PDF)})
    first = DraftFile.objects.get()
    storage, name = first.file.storage, first.file.name
    applicant.post_step("attachments", {}, files={"registration": upload("b.png", PNG)})
    assert DraftFile.objects.get().original_name == "b.png"
    assert not storage.exists(name)


@pytest.mark.django_db
def test_stored_file_counts_as_answered(applicant):
    """Re-saving the documents step without choosing the file again keeps the upload."""
    applicant.start()
    applicant.fill_all(upto="attachments")
    response = applicant.post_step("attachments", {})
    assert response.status_code == 302
    assert DraftFile.objects.count() == 1


@pytest.mark.django_db
def test_cleanup_removes_files_of_abandoned_drafts_only(client, call):
    """The clean-up command deletes old drafts' files and keeps fresh and submitted ones."""
    old = Applicant(client, call, email="old@example.com")
    old.start()
    old.fill_all(upto="attachments")
    Draft.objects.update(updated_at=timezone.now() - timedelta(days=70))
    fresh = Applicant(Client(), call, email="fresh@example.com")
    fresh.start()
    fresh.fill_all(upto="attachments")
    old_file = DraftFile.objects.get(draft__email="old@example.com")
    storage, name = old_file.file.storage, old_file.file.name
    call_command("multistep_cleanup", days=60, stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert not storage.exists(name)
    assert list(DraftFile.objects.values_list("draft__email", flat=True)) == ["fresh@example.com"]
    assert Draft.objects.get(email="old@example.com").files_removed_at


@pytest.mark.django_db
def test_reference_numbers_follow_each_other(client, call):
    """Two submissions get consecutive reference numbers."""
    for index, (email, bin_value) in enumerate(
        [("a@example.com", ANSWERS["applicant"]["bin"]), ("b@example.com", OTHER_BIN)]
    ):
        person = Applicant(Client(), call, email=email, overrides={"applicant": {"bin": bin_value}})
        person.start()
        person.fill_all()
        assert person.submit().status_code == 302, index
    assert sorted(Application.objects.values_list("reference", flat=True))[-1].endswith("-0002")


@pytest.mark.django_db
def test_submitting_twice_makes_one_application(applicant):
    """A double click on Submit does not create two applications."""
    applicant.start()
    applicant.fill_all()
    applicant.submit()
    second = applicant.submit()
    assert second.status_code == 302
    assert Application.objects.count() == 1


@pytest.mark.django_db
def test_status_page_through_the_secret_link(applicant, call):
    """After submitting, the same secret link shows the application's status."""
    applicant.start()
    link = resume_link_from(mail.outbox[0])
    applicant.fill_all()
    applicant.submit()
    other = Client()
    response = other.get(link, follow=True)
    assert Application.objects.get().reference in response.content.decode()


@pytest.mark.django_db
def test_submission_needs_consent_and_records_its_version(applicant):
    """Without the consent box ticked nothing is submitted; with it the version is kept."""
    applicant.start()
    applicant.fill_all()
    refused = applicant.post_step("declaration", {"consent_version": "2026-01", "truthful": "on"})
    assert refused.status_code == 200 and not Application.objects.exists()
    stale = applicant.post_step("declaration", {"consent_version": "2025-01", "consent": "on", "truthful": "on"})
    assert stale.status_code == 200 and not Application.objects.exists()
    applicant.submit()
    assert Application.objects.get().consent_version == "2026-01"


@pytest.mark.django_db
def test_initiative_group_needs_no_bin_but_an_organisation_does(applicant):
    """BIN required for organisations and checked by its check digit; not asked of groups."""
    applicant.start()
    applicant.fill_all(upto="eligibility")
    answers = {**ANSWERS["applicant"], "bin": ""}
    assert applicant.post_step("applicant", answers).status_code == 200
    answers["bin"] = "940140000386"
    assert applicant.post_step("applicant", answers).status_code == 200
    applicant.post_step("eligibility", {**ANSWERS["eligibility"], "applicant_type": "initiative_group"})
    answers["bin"] = ""
    assert applicant.post_step("applicant", answers).status_code == 302


@pytest.mark.django_db
def test_calls_by_date(db):
    """open() and upcoming() sort calls by their dates (for the home page)."""
    from grants.models import GrantCallPage

    open_call = make_call()
    soon = make_call(opens=5, closes=20, slug="soon", title="Soon")
    past = make_call(opens=-30, closes=-1, slug="past", title="Past")
    assert list(GrantCallPage.objects.live().open()) == [open_call]
    assert list(GrantCallPage.objects.live().upcoming()) == [soon]
    assert past.status == "closed" and soon.status == "upcoming" and open_call.status == "open"


@pytest.mark.django_db
def test_editor_cannot_change_a_question_key_once_set(call):
    """Answers stay attached to their question: a changed key is refused on save."""
    from django.core.exceptions import ValidationError

    raw = call.form_steps.raw_data
    raw[0]["value"]["questions"][0]["value"]["key"] = "renamed"
    call.form_steps = raw
    with pytest.raises(ValidationError) as error:
        call.full_clean()
    assert "form_steps" in error.value.message_dict


@pytest.mark.django_db
def test_designed_step_cannot_take_a_fixed_step_key(call):
    """An editor step named "budget" would hide the real budget step."""
    from django.core.exceptions import ValidationError

    raw = call.form_steps.raw_data
    raw.append({**raw[1], "id": "new-step", "value": {**raw[1]["value"], "key": "budget"}})
    call.form_steps = raw
    with pytest.raises(ValidationError) as error:
        call.full_clean()
    assert "budget" in str(error.value)
