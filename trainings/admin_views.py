"""Coordinators' screens: the events with their participants, the attendance checklist per
session (big touch targets, for a tablet at the door), and the participant list as XLSX."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.text import slugify
from django.utils.translation import gettext as _

from cms_plugins.locales import active_locale_id

from . import certificates, services
from .models import TrainingPage
from .permissions import can_mark_attendance, can_view_registrations
from .registrations import Registration, Status
from .resources import participants, participants_xlsx


def events_list(request):
    """Every event, newest first, once (in the coordinator's language when translated)."""
    if not can_view_registrations(request.user):
        raise PermissionDenied
    pages = TrainingPage.objects.exclude(starts_at=None).order_by("-starts_at", "pk")
    chosen = {}
    locale_id = active_locale_id()
    for page in pages.only("pk", "title", "translation_key", "locale_id", "starts_at", "capacity", "kind"):
        if page.translation_key not in chosen or page.locale_id == locale_id:
            chosen[page.translation_key] = page
    counts = {
        row["event_key"]: row
        for row in Registration.objects.values("event_key").annotate(
            confirmed=Count("pk", filter=Q(status=Status.CONFIRMED)),
            waitlisted=Count("pk", filter=Q(status=Status.WAITLISTED)),
        )
    }
    rows = [{"page": page, **counts.get(key, {"confirmed": 0, "waitlisted": 0})} for key, page in chosen.items()]
    rows.sort(key=lambda row: row["page"].starts_at, reverse=True)
    return TemplateResponse(
        request, "trainings/admin/events.html", {"rows": rows, "can_mark": can_mark_attendance(request.user)}
    )


def event_or_404(page_id):
    page = TrainingPage.objects.filter(pk=page_id).first()
    if page is None:
        raise Http404
    return page


def attendance(request, page_id, number):
    """The checklist of one session: every participant with a place (and anyone already
    marked), ticked when present; saving records the marks and the CRM history."""
    if not can_mark_attendance(request.user):
        raise PermissionDenied
    page = event_or_404(page_id)
    sessions = page.session_list()
    if not 1 <= number <= len(sessions):
        raise Http404
    session = sessions[number - 1]
    registrations = list(
        Registration.objects.for_event(page.translation_key)
        .filter(Q(status=Status.CONFIRMED) | Q(attendances__session_starts_at=session.starts_at))
        .distinct()
        .order_by("full_name", "pk")
    )
    if request.method == "POST":
        present = [value for value in request.POST.getlist("present") if value.isdigit()]
        services.mark_attendance(session.starts_at, present, registrations, user=request.user)
        messages.success(request, _("Attendance saved: %(count)s present.") % {"count": len(present)})
        return redirect(request.path)
    marked = set(
        Registration.objects.filter(
            pk__in=[r.pk for r in registrations], attendances__session_starts_at=session.starts_at
        ).values_list("pk", flat=True)
    )
    context = {
        "page": page,
        "session": session,
        "number": number,
        "sessions": sessions,
        "rows": [{"registration": r, "present": r.pk in marked} for r in registrations],
    }
    return TemplateResponse(request, "trainings/admin/attendance.html", context)


def export_participants(request, page_id):
    if not can_view_registrations(request.user):
        raise PermissionDenied
    page = event_or_404(page_id)
    response = HttpResponse(
        participants_xlsx(page.translation_key),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    name = slugify(page.slug, allow_unicode=False) or f"event-{page.pk}"
    response["Content-Disposition"] = f'attachment; filename="participants-{name}.xlsx"'
    return response


def participants_page(request, page_id):
    if not can_view_registrations(request.user):
        raise PermissionDenied
    page = event_or_404(page_id)
    sessions = page.session_list()
    rows = participants(page.translation_key)
    for row in rows:  # every session attended (the marks are one per session)
        row.certificate = page.is_past and row.status == Status.CONFIRMED and row.sessions_attended >= len(sessions)
    context = {
        "page": page,
        "rows": rows,
        "sessions": sessions,
        "can_mark": can_mark_attendance(request.user),
    }
    return TemplateResponse(request, "trainings/admin/participants.html", context)


def certificate(request, page_id, registration_id):
    """A participant's certificate, for coordinators to print or send."""
    if not can_view_registrations(request.user):
        raise PermissionDenied
    page = event_or_404(page_id)
    registration = (
        Registration.objects.for_event(page.translation_key)
        .filter(pk=registration_id)
        .select_related("training")
        .first()
    )
    if registration is None or not certificates.eligible(registration):
        raise Http404
    return certificates.certificate_response(registration)
