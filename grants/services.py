"""Writes that touch several models: submitting an application, numbering it,
telling the CRM, changing its status. They take objects, never a request."""

import logging

from django.apps import apps
from django.db import IntegrityError, transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from cms_plugins.mail.models import OutboundMail
from cms_plugins.mail.services import queue_mail
from cms_plugins.multistep.steps import SubmissionRefused

from .applications import Application, ReferenceCounter

logger = logging.getLogger(__name__)
REFERENCE_PREFIX = "ZKO"


def next_reference(year=None):
    """The next reference of the year, ZKO-2026-0001; safe with concurrent submissions.

    The counter is incremented in the database (``UPDATE ... SET last = last + 1``
    locks the row until the transaction ends; SQLite serialises writers); the first
    submission of a year creates the row, ignoring a concurrent creation.
    """
    year = year or timezone.localdate().year
    with transaction.atomic(savepoint=False):
        if not ReferenceCounter.objects.filter(year=year).update(last=F("last") + 1):
            ReferenceCounter.objects.bulk_create([ReferenceCounter(year=year, last=0)], ignore_conflicts=True)
            ReferenceCounter.objects.filter(year=year).update(last=F("last") + 1)
        number = ReferenceCounter.objects.values_list("last", flat=True).get(year=year)
    return f"{REFERENCE_PREFIX}-{year}-{number:04d}"


def answers_snapshot(form_dict, steps):
    """[{"step": title, "rows": [[label, text], ...]}] in the applicant's language."""
    snapshot = []
    for step in steps:
        form = form_dict.get(step.key)
        if form is None or step.kind != "questions":
            continue
        snapshot.append(
            {
                "step": str(step.title),
                "key": step.key,
                "rows": [[str(label), str(text)] for label, text in form.display_answers()],
            }
        )
    return snapshot


def crm_installed():
    return apps.is_installed("cms_plugins.crm")


def upsert_contact(**kwargs):
    """The CRM's ``upsert_contact`` (cms_plugins.crm); nothing when the CRM is not installed."""
    if not crm_installed():
        return None, None
    from cms_plugins.crm import services as crm_services

    return crm_services.upsert_contact(**kwargs)


def record_interaction(**kwargs):
    if not crm_installed():
        return None
    from cms_plugins.crm import services as crm_services

    return crm_services.record_interaction(**kwargs)


def record_decision(application, text):
    """A decision in the CRM history of the applicant's organisation (by BIN) and person (by email)."""
    if not crm_installed():
        return None
    from cms_plugins.crm.models import Organisation, Person

    person = Person.objects.filter(email=application.email.strip().lower()).first() if application.email else None
    organisation = Organisation.objects.filter(bin=application.bin).first() if application.bin else None
    if person is None and organisation is None:
        return None
    return record_interaction(kind="application", text=text, organisation=organisation, person=person)


def submit_application(*, call, draft, form_dict, steps):
    """Create the Application from a complete, valid draft (inside the caller's transaction)."""
    eligibility = form_dict["eligibility"].cleaned_data
    applicant = form_dict["applicant"].cleaned_data
    budget = form_dict["budget"].cleaned_data
    declaration = form_dict["declaration"].cleaned_data
    now = timezone.now()
    project_title = ""
    for step in steps:
        form = form_dict.get(step.key)
        for name in ("project_title", "title"):
            if form is not None and name in form.fields and not project_title:
                project_title = str(form.cleaned_data.get(name) or "")[:255]
    fields = {
        "call": call,
        "call_key": call.translation_key,
        "draft": draft,
        "applicant_type": eligibility["applicant_type"],
        "organisation_name": applicant["organisation_name"],
        "bin": applicant.get("bin") or "",
        "district_code": applicant["district"],
        "settlement": applicant["settlement"],
        "contact_name": applicant["contact_name"],
        "contact_role": applicant.get("contact_role") or "",
        "email": applicant["email"],
        "phone": applicant["phone"],
        "language": draft.language,
        "project_title": project_title,
        "requested_amount": budget["requested_amount"],
        "answers": answers_snapshot(form_dict, steps),
        "consent_version": declaration["consent_version"],
        "consent_at": now,
        "submitted_at": draft.submitted_at or now,
    }
    try:
        application = Application.objects.create(reference=next_reference(), **fields)
    except IntegrityError as error:
        # another application from this BIN reached the call first (the constraint decides,
        # so two at once cannot both pass): the submission is rolled back and the
        # applicant step says why
        raise SubmissionRefused("applicant") from error
    transaction.on_commit(lambda: sync_to_crm_safely(application))
    return application


LEGAL_FORMS = {
    "ngo": "public_association",
    "initiative_group": "initiative_group",
    "ethnocultural_centre": "ethnocultural_centre",
}


def sync_to_crm_safely(application):
    """The application is already saved: a CRM failure is logged, not shown to the applicant."""
    try:
        sync_to_crm(application)
    except Exception:
        logger.exception("CRM sync failed for %s", application.reference)


def sync_to_crm(application):
    """Match or create the organisation and contact person in the CRM (after commit)."""
    organisation = {
        "name": application.organisation_name,
        "legal_form": LEGAL_FORMS.get(application.applicant_type, "other"),
        "bin": application.bin,
        "district": application.district_code,
        "settlement": application.settlement,
        "address": "",
    }
    person = {
        "full_name": application.contact_name,
        "phone": application.phone,
        "email": application.email,
        "preferred_language": application.language,
        "consent_version": application.consent_version,
        "consent_at": application.consent_at,
        "consent_method": "grant_application",
    }
    organisation_record, person_record = upsert_contact(
        organisation=organisation,
        person=person,
        role=application.contact_role,
        source=f"application {application.reference}",
    )
    if organisation_record is not None or person_record is not None:
        record_interaction(
            kind="application",
            text=f"{application.reference}: {application.call.title} — {application.project_title}".strip(" —"),
            organisation=organisation_record,
            person=person_record,
            date=timezone.localdate(application.submitted_at),
        )
    return organisation_record, person_record


def confirmation_topic(application):
    return f"grants.application:{application.reference}"


def queue_confirmation(application):
    """Queue the confirmation in the submission's own transaction: stored together, never lost.

    It keeps to the reference and a short summary; the answers stay behind the secret
    link and in the admin (a mail is copied and forwarded, and goes to two addresses).
    """
    with translation.override(application.language or None):
        context = {"application": application, "call": application.call}
        subject = _("Application %(reference)s received") % {"reference": application.reference}
        body = render_to_string("grants/email/confirmation.txt", context)
    return [
        queue_mail(recipient, subject, body, topic=confirmation_topic(application), language=application.language)
        for recipient in sorted({application.email, application.draft.email})
    ]


def confirmation_mails(application):
    """The confirmation messages of the application with their delivery state."""
    return list(OutboundMail.objects.about(confirmation_topic(application)).order_by("recipient"))
