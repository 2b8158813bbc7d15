"""Writes about registrations: registering, cancelling, moving up the waiting list,
reminding, marking attendance, telling the CRM. They take objects, never a request.

Capacity holds under concurrent requests: every write that can change who has a place
first locks the event's page rows (every translation, in one order) with
``select_for_update`` inside its transaction, so two registrations for the last place
are decided one after the other. (SQLite serialises writers by itself: the site's
SQLite transactions are IMMEDIATE.)
"""

import logging

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.crypto import constant_time_compare
from django.utils.translation import gettext as _
from django.utils.translation import override

from cms_plugins.crm import services as crm
from cms_plugins.crm.models import InteractionKind

from . import emails
from .registrations import Attendance, Registration, Status, hash_token

logger = logging.getLogger(__name__)


class RegistrationClosed(Exception):
    """The deadline passed (or the event started) between showing the form and posting it."""


def lock_event(training):
    """Lock every language's page of the event (in pk order: no deadlock between two
    writers); returns the page the event's capacity is read from (all share it)."""
    pages = list(
        type(training)
        .objects.select_for_update(of=("self",))
        .filter(translation_key=training.translation_key)
        .order_by("pk")
        .only("pk", "capacity", "registration_deadline", "starts_at")
    )
    return next((page for page in pages if page.pk == training.pk), pages[0] if pages else training)


def register(training, *, full_name, email, phone, language, consent_version, district=None, organisation_name=""):
    """A place if one is free, else a place on the waiting list; the confirmation is queued.

    Returns (registration, created). Someone already registered (same email, any language)
    gets their confirmation again with a new link (the old one stops working) and no second place.
    """
    email = email.strip().lower()
    with transaction.atomic():
        locked = lock_event(training)
        if not locked.registration_open():
            raise RegistrationClosed
        existing = Registration.objects.for_event(training.translation_key).active().filter(email=email).first()
        if existing is not None:
            existing.new_token()
            existing.save(update_fields=["token_version", "token_hash"])
            emails.queue(existing, emails.CONFIRMATION)
            return existing, False
        taken = Registration.objects.for_event(training.translation_key).confirmed().count()
        full = locked.capacity is not None and taken >= locked.capacity
        now = timezone.now()
        registration = Registration(
            training=training,
            event_key=training.translation_key,
            full_name=full_name.strip(),
            organisation_name=organisation_name.strip(),
            district=district,
            phone=phone,
            email=email,
            language=language,
            consent_version=consent_version,
            consent_at=now,
            status=Status.WAITLISTED if full else Status.CONFIRMED,
            created_at=now,
        )
        try:
            with transaction.atomic():
                registration.save()
        except IntegrityError:  # the same address registered at the same moment: that one stands
            existing = Registration.objects.for_event(training.translation_key).active().get(email=email)
            return existing, False
        registration.new_token()
        registration.save(update_fields=["token_version", "token_hash"])
        emails.queue(registration, emails.CONFIRMATION)
        transaction.on_commit(lambda: sync_registration_safely(registration))
    return registration, True


def registration_for_token(training, token):
    """The active registration this secret link opens for this event, or None."""
    registration = (
        Registration.objects.for_event(training.translation_key)
        .filter(token_hash=hash_token(token))
        .select_related("training")
        .first()
    )
    if registration is None or not constant_time_compare(registration.current_token(), token):
        return None
    return registration


def cancel(registration):
    """Cancel a place (or a place in the queue); the link stops working; the first on the
    waiting list moves up if a place came free. Returns the registrations promoted."""
    with transaction.atomic():
        lock_event(registration.training)
        registration = Registration.objects.select_for_update().get(pk=registration.pk)
        if registration.status == Status.CANCELLED:
            return []
        registration.status = Status.CANCELLED
        registration.cancelled_at = timezone.now()
        registration.new_token()
        registration.save(update_fields=["status", "cancelled_at", "token_version", "token_hash"])
        promoted = fill_free_places(registration.training)
    record_safely(registration, _("Cancelled the registration for “%(title)s”."))
    return promoted


def fill_free_places(training):
    """Move people up from the waiting list while places are free (inside the caller's
    transaction, with the event locked); each one promoted is emailed."""
    locked = lock_event(training)
    if locked.capacity is None:
        free = Registration.objects.for_event(training.translation_key).waitlisted().count()
    else:
        taken = Registration.objects.for_event(training.translation_key).confirmed().count()
        free = max(locked.capacity - taken, 0)
    promoted = []
    if not free or not locked.registration_open():
        return promoted
    now = timezone.now()
    for registration in Registration.objects.for_event(training.translation_key).waitlisted()[:free]:
        registration.status = Status.CONFIRMED
        registration.promoted_at = now
        registration.save(update_fields=["status", "promoted_at"])
        emails.queue(registration, emails.PROMOTION)
        promoted.append(registration)
    return promoted


def promote_after_edit(training):
    """An editor published the event with more places: the waiting list moves up."""
    with transaction.atomic():
        return fill_free_places(training)


def send_reminders(now=None):
    """Queue the day-before reminder of every confirmed registration that has none yet.

    Idempotent: the stamp is set in the statement that claims the registration, so a
    second run (or two at once) sends nothing twice. Returns how many were queued.
    """
    now = now or timezone.now()
    sent = 0
    for pk in list(Registration.objects.reminder_due(now).values_list("pk", flat=True)):
        with transaction.atomic():
            if not Registration.objects.filter(pk=pk, reminded_at__isnull=True).update(reminded_at=now):
                continue
            emails.queue(Registration.objects.select_related("training").get(pk=pk), emails.REMINDER)
            sent += 1
    return sent


# --- attendance ---------------------------------------------------------------------------
def mark_attendance(session_starts_at, present, registrations, user=None):
    """Set who was at the session among ``registrations`` (``present``: the ids ticked).

    Each first mark of a participant at an event becomes "training attended" in the CRM.
    """
    present = {int(pk) for pk in present}
    changed = 0
    with transaction.atomic():
        for registration in registrations:
            marked = Attendance.objects.filter(registration=registration, session_starts_at=session_starts_at)
            if registration.pk in present and not marked.exists():
                first = not registration.attendances.exists()
                Attendance.objects.create(
                    registration=registration, session_starts_at=session_starts_at, marked_by=user
                )
                if first:
                    record_attended(registration, user)
                changed += 1
            elif registration.pk not in present and marked.exists():
                marked.delete()
                changed += 1
    return changed


def record_attended(registration, user=None):
    training = registration.training
    with override(registration.language or None):
        text = _("Attended “%(title)s” (%(kind)s).") % {"title": training.title, "kind": training.get_kind_display()}
    if registration.person_id or registration.organisation_id:
        crm.record_interaction(
            kind=InteractionKind.TRAINING,
            text=text,
            person=registration.person,
            organisation=registration.organisation,
            user=user,
            date=timezone.localdate(training.starts_at) if training.starts_at else None,
        )


# --- the CRM ------------------------------------------------------------------------------
def sync_registration_safely(registration):
    """The registration is saved: a CRM failure is logged, never shown to the visitor."""
    try:
        sync_registration(registration)
    except Exception:
        logger.exception("CRM sync failed for training registration %s", registration.pk)


def sync_registration(registration):
    """Match or create the person (and their organisation when the CRM can) with the CRM's
    rules, link them to the registration, and note the registration in their history."""
    org, someone = _upsert(
        full_name=registration.full_name,
        phone=registration.phone,
        email=registration.email,
        language=registration.language,
        consent_version=registration.consent_version,
        consent_at=registration.consent_at,
        method="training registration",
        organisation_name=registration.organisation_name,
        district=registration.district,
        source=f"training registration #{registration.pk}",
    )
    Registration.objects.filter(pk=registration.pk).update(person=someone, organisation=org)
    registration.person, registration.organisation = someone, org
    training = registration.training
    text = _("Registered for “%(title)s” (%(status)s).") % {
        "title": training.title,
        "status": registration.get_status_display(),
    }
    if registration.organisation_name and org is None:
        text += " " + registration.organisation_name
    crm.record_interaction(kind=InteractionKind.NOTE, text=text, person=someone, organisation=org)
    return org, someone


def record_safely(registration, message):
    if not (registration.person_id or registration.organisation_id):
        return
    try:
        crm.record_interaction(
            kind=InteractionKind.NOTE,
            text=message % {"title": registration.training.title},
            person=registration.person,
            organisation=registration.organisation,
        )
    except Exception:
        logger.exception("CRM note failed for training registration %s", registration.pk)


# --- consultations ------------------------------------------------------------------------
def request_consultation(**fields):
    """Record a consultation request from the public form; the CRM learns of it after the commit."""
    from .consultations import ConsultationRequest

    with transaction.atomic():
        consultation = ConsultationRequest.objects.create(consent_at=timezone.now(), **fields)
        transaction.on_commit(lambda: sync_consultation_safely(consultation))
    return consultation


def sync_consultation_safely(consultation):
    try:
        org, someone = _upsert(
            full_name=consultation.contact_name,
            phone=consultation.phone,
            email=consultation.email,
            language=consultation.language,
            consent_version=consultation.consent_version,
            consent_at=consultation.consent_at,
            method="consultation request",
            organisation_name=consultation.organisation_name,
            district=consultation.district,
            source=f"consultation request #{consultation.pk}",
        )
        type(consultation).objects.filter(pk=consultation.pk).update(person=someone, organisation=org)
        consultation.person, consultation.organisation = someone, org
        crm.record_interaction(
            kind=InteractionKind.NOTE,
            text=_("Asked for a consultation: %(question)s") % {"question": consultation.question[:300]},
            person=someone,
            organisation=org,
        )
    except Exception:
        logger.exception("CRM sync failed for consultation request %s", consultation.pk)


def _upsert(*, full_name, phone, email, language, consent_version, consent_at, method, organisation_name, district,
            source):  # fmt: skip
    person = {
        "full_name": full_name,
        "phone": phone,
        "email": email,
        "preferred_language": language if language in ("kk", "ru", "en") else "",
        "consent_version": consent_version,
        "consent_at": consent_at,
        "consent_method": method,
    }
    organisation = None
    if organisation_name:
        organisation = {"name": organisation_name}
        if district is not None:
            organisation["district"] = district.code
    try:
        return crm.upsert_contact(organisation=organisation, person=person, source=source)
    except ValidationError:  # a new organisation needs a BIN the form does not ask for
        return crm.upsert_contact(person=person, source=source)


def consultation_changed(consultation, old_status, user=None):
    """After a coordinator's edit: a newly scheduled consultation is mailed to the requester; a
    scheduled or done one goes on the CRM timeline."""
    from .consultations import ConsultationStatus

    if consultation.status == old_status:
        return
    if consultation.status == ConsultationStatus.SCHEDULED:
        emails.queue_consultation_scheduled(consultation)
    if consultation.person_id or consultation.organisation_id:
        if consultation.status == ConsultationStatus.DONE:
            kind, text = InteractionKind.CONSULTATION, _("Consultation given: %(question)s")
        else:
            kind, text = InteractionKind.NOTE, _("Consultation request: %(status)s.")
        crm.record_interaction(
            kind=kind,
            text=text % {"question": consultation.question[:300], "status": consultation.get_status_display()},
            person=consultation.person,
            organisation=consultation.organisation,
            user=user,
        )


# --- mentoring ----------------------------------------------------------------------------
def record_mentoring(pair, new_sessions, *, started=False, user=None):
    """Put the pair's start and each new session on both organisations' CRM timelines."""
    entries = []
    if started:
        text = _("Mentoring pair: %(mentor)s mentors %(mentee)s. Goals: %(goals)s") % {
            "mentor": pair.mentor.name,
            "mentee": pair.mentee.name,
            "goals": pair.goals[:300],
        }
        entries.append((pair.starts_on, text))
    for session in new_sessions:
        text = _("Mentoring session (%(mentor)s → %(mentee)s): %(summary)s") % {
            "mentor": pair.mentor.name,
            "mentee": pair.mentee.name,
            "summary": session.summary,
        }
        entries.append((session.date, text))
    for date, text in entries:
        for organisation in (pair.mentor, pair.mentee):
            crm.record_interaction(
                kind=InteractionKind.MENTORING, text=text, organisation=organisation, user=user, date=date
            )
