"""Certificates of attendance as PDF, for those who were at every session of an event.

Written with fpdf2 in the participant's language (name, event, dates, hours). The text needs
a font with Kazakh letters: DejaVu Sans, found by ``cms_plugins.fonts`` (``PDF_FONT_DIR``).
"""

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override
from fpdf import FPDF

from cms_plugins.fonts import add_fonts
from cms_plugins.formatting import format_date, format_number

from .registrations import Status


def eligible(registration, sessions=None):
    """A participant with a place at an event that is over, marked present at every session."""
    page = registration.training
    if registration.status != Status.CONFIRMED or not page.is_past:
        return False
    starts = {session.starts_at for session in (sessions if sessions is not None else page.session_list())}
    attended = set(registration.attendances.values_list("session_starts_at", flat=True))
    return bool(starts) and starts <= attended


def certificate_pdf(registration):
    page = registration.training
    sessions = page.session_list()
    hours = sum(session.hours for session in sessions)
    first, last = timezone.localdate(sessions[0].starts_at), timezone.localdate(sessions[-1].starts_at)
    with override(registration.language or None):
        dates = format_date(first) if first == last else f"{format_date(first)} – {format_date(last)}"
        lines = [
            ("B", 30, _("Certificate of attendance")),
            ("", 14, _("This certifies that")),
            ("B", 24, registration.full_name),
            ("", 14, _("took part in every session of")),
            ("B", 18, f"«{page.title}»"),
            ("", 14, f"{page.get_kind_display()}, {page.place}"),
            ("", 14, _("%(dates)s, %(hours)s academic hours in all") % {"dates": dates, "hours": format_number(hours)}),
        ]
        trainers = page.trainer_list()
        if trainers:
            lines.append(("", 12, _("Trainers: %(names)s") % {"names": ", ".join(trainers)}))
    pdf = FPDF(orientation="L", format="A4")
    pdf.set_title(str(lines[0][2]))
    pdf.set_author("Auyl")
    family = add_fonts(pdf)
    pdf.add_page()
    pdf.set_line_width(1.2)
    pdf.rect(10, 10, pdf.w - 20, pdf.h - 20)
    pdf.set_y(35)
    for style, size, text in lines:
        pdf.set_font(family, style, size)
        pdf.multi_cell(0, size * 0.6, str(text), align="C", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(4)
    return bytes(pdf.output())


def certificate_response(registration):
    try:
        pdf = certificate_pdf(registration)
    except FileNotFoundError:  # the font is not installed: say so rather than answer 500
        message = _("Certificates cannot be made on this server yet: its administrator must install the font.")
        return HttpResponse(message, status=503, content_type="text/plain; charset=utf-8")
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="certificate-{registration.pk}.pdf"'
    response["Cache-Control"] = "private, no-store"
    return response
