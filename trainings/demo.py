"""Demo trainings and webinars in kk, ru and en, with registrations, a waiting list and attendance.

Idempotent: pages are found by slug (and translation key) and updated; registrations by
event and email; attendance marks once per session. The texts live in ``demo_data/events.py``.
The home page is home's demo, which runs first; trainings finds it as the default site's
root, without importing home. Registrations are written directly (no mail is queued) and
reach the CRM through the same service as the public form.
"""

import datetime

from django.core.management.base import CommandError
from django.utils import timezone
from wagtail.models import Locale, Site

from cms_plugins.locales import translation_of
from cms_plugins.places.models import District

from . import services
from .consultations import ConsultationRequest
from .demo_data.events import (
    ATTENDED,
    CONSENT,
    CONSENT_VERSION,
    CONSULTATIONS,
    EVENTS,
    INDEX,
    MENTORING,
    REGISTRATIONS,
    WEBINAR_URL,
)
from .models import TrainingIndexPage, TrainingPage, TrainingSession
from .registrations import Registration, Status

LANGS = ("ru", "kk", "en")


def load(command):
    for code in LANGS:
        Locale.objects.get_or_create(language_code=code)
    indexes = ensure_indexes(site_roots())
    today = timezone.localdate()
    pages = {}
    for event in EVENTS:
        ru = _event(indexes["ru"], event, today, "ru")
        for lang in ("kk", "en"):
            _event(indexes[lang], event, today, lang, ru)
        pages[event[0]] = ru
    registered = 0
    for slug, people in REGISTRATIONS.items():
        registered += _registrations(pages[slug], people)
    for slug, sessions in ATTENDED.items():
        page = pages[slug]
        for session, emails in zip(page.session_list(), sessions, strict=False):
            group = list(Registration.objects.for_event(page.translation_key).confirmed())
            present = [r.pk for r in group if r.email in emails]
            services.mark_attendance(session.starts_at, present, group)
    _consultations()
    _mentoring()
    command.stdout.write(f"trainings: {len(EVENTS)} events in {len(LANGS)} languages, {registered} new registrations")


def _publish(page):
    page.save_revision().publish()
    return page


def site_roots():
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None or site.root_page.depth < 2:
        raise CommandError("The trainings demo needs the site's home page: run the home app's demo first.")
    return {lang: translation_of(site.root_page, lang) for lang in LANGS}


def ensure_indexes(roots):
    ru = TrainingIndexPage.objects.child_of(roots["ru"]).first()
    pages = {}
    for lang in LANGS:
        title, intro = INDEX[lang]
        if lang == "ru":
            page = ru
        else:
            page = TrainingIndexPage.objects.filter(
                translation_key=ru.translation_key, locale=roots[lang].locale
            ).first()
        if page is None:
            page = TrainingIndexPage(title=title, slug=INDEX["slug"], locale=roots[lang].locale)
            if lang != "ru":
                page.translation_key = ru.translation_key
            roots[lang].add_child(instance=page)
        page.title, page.intro, page.show_in_menus = title, intro, True
        page.consent_text, page.consent_version = CONSENT[lang], CONSENT_VERSION
        pages[lang] = _publish(page)
        if lang == "ru":
            ru = page
    return pages


def _event(index, event, today, lang, source=None):
    slug, kind, days, sessions, code, where, capacity, topics, language, trainers, texts = event
    title, intro = texts[lang]
    page = TrainingPage.objects.child_of(index).filter(slug=slug).first()
    is_new = page is None
    if is_new:
        page = TrainingPage(slug=slug, locale=index.locale)
        if source is not None:
            page.translation_key = source.translation_key
    page.title, page.intro, page.kind = title, intro, kind
    page.online = code is None
    page.district = District.objects.get(code=code, locale__language_code=lang) if code else None
    page.settlement, page.venue = where[lang] if where else ("", "")
    page.webinar_url = WEBINAR_URL if code is None else ""
    page.capacity, page.topics, page.delivery_language = capacity, topics, language
    page.trainers = [("trainer", name) for name in trainers]
    page.registration_deadline = None
    day = today + datetime.timedelta(days=days)
    starts = []
    for offset, (hour, hours) in enumerate(sessions):
        start = timezone.make_aware(
            datetime.datetime.combine(day + datetime.timedelta(days=offset), datetime.time(hour))
        )
        starts.append((start, start + datetime.timedelta(hours=hours)))
    page.sessions = [TrainingSession(starts_at=start, ends_at=end) for start, end in starts]
    if is_new:
        index.add_child(instance=page)
    return _publish(page)


def _registrations(page, people):
    """Registrations as the form makes them, in order; those beyond the places wait. Returns how many are new."""
    new = 0
    for number, (name, organisation, code, phone, email, language) in enumerate(people):
        if Registration.objects.for_event(page.translation_key).filter(email=email).exists():
            continue
        full = page.capacity is not None and number >= page.capacity
        registration = Registration(
            training=page,
            event_key=page.translation_key,
            full_name=name,
            organisation_name=organisation,
            district=District.objects.get(code=code, locale__language_code="ru"),
            phone=phone,
            email=email,
            language=language,
            consent_version=CONSENT_VERSION,
            consent_at=timezone.now(),
            status=Status.WAITLISTED if full else Status.CONFIRMED,
            created_at=timezone.now() + datetime.timedelta(seconds=number),
        )
        registration.save()
        registration.new_token()
        registration.save(update_fields=["token_version", "token_hash"])
        services.sync_registration(registration)
        new += 1
    return new


def _consultations():
    """One consultation request in each status, found again by email (no copies on a second run)."""
    for status, name, org, code, phone, email, language, topic, question, kind, days in CONSULTATIONS:
        if ConsultationRequest.objects.filter(email=email).exists():
            continue
        when = None
        if days is not None:
            day = timezone.localdate() + datetime.timedelta(days=days)
            when = timezone.make_aware(datetime.datetime.combine(day, datetime.time(11)))
        consultation = ConsultationRequest.objects.create(
            contact_name=name,
            organisation_name=org,
            district=District.objects.get(code=code, locale__language_code=language),
            phone=phone,
            email=email,
            language=language,
            topic=topic,
            question=question,
            preferred_format=kind,
            consent_version=CONSENT_VERSION,
            consent_at=timezone.now(),
            status=status,
            scheduled_at=when,
            scheduled_place="+7 7112 51 23 45" if when else "",
        )
        services.sync_consultation_safely(consultation)


def _mentoring():
    """Two mentoring pairs with their sessions (on both organisations' CRM timelines), once."""
    from cms_plugins.crm.models import LegalForm, Organisation

    from .mentoring import MentoringPair, MentoringSession

    today = timezone.localdate()
    for mentor_name, mentee_name, started, ended, goals, sessions in MENTORING:
        mentor, _ = Organisation.objects.get_or_create(
            name=mentor_name, defaults={"legal_form": LegalForm.PUBLIC_ASSOCIATION, "source": "demo"}
        )
        mentee, _ = Organisation.objects.get_or_create(
            name=mentee_name, defaults={"legal_form": LegalForm.INITIATIVE_GROUP, "source": "demo"}
        )
        if MentoringPair.objects.filter(mentor=mentor, mentee=mentee).exists():
            continue
        pair = MentoringPair.objects.create(
            mentor=mentor,
            mentee=mentee,
            starts_on=today - datetime.timedelta(days=started),
            ends_on=today - datetime.timedelta(days=ended) if ended is not None else None,
            goals=goals,
        )
        logged = [
            MentoringSession.objects.create(pair=pair, date=today - datetime.timedelta(days=days), summary=summary)
            for days, summary in sessions
        ]
        services.record_mentoring(pair, logged, started=True)
