"""Applications for an offline panel: a PDF of one application (its answers and the list of
its files) and a ZIP dossier (the PDF and the attachments) of one application or of a call's
whole shortlist.

The ZIP is streamed: it is written into the response as it is made, one application after
another and each attachment in chunks, so a dossier of fifty applications never sits in
memory (zipfile writes to a stream that cannot seek with data descriptors).
"""

import os
import re
import zipfile

from django.http import HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from fpdf import FPDF

from cms_plugins.fonts import add_fonts, fonts_installed
from cms_plugins.formatting import format_datetime, format_file_size, format_money
from cms_plugins.phone import format_phone

from .application_answers import keyed_sections, question_columns
from .application_list import district_names
from .applications import Application
from .calls import GrantCallPage
from .competition_views import coordinator_only

CHUNK = 64 * 1024
SHORTLIST = "shortlisted"
# characters fpdf2 cannot place (controls other than line breaks) and path separators in names
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
UNSAFE_NAME = re.compile(r'[\x00-\x1f\x7f/\\:*?"<>|]+')


def clean(text):
    return CONTROL.sub("", str(text or ""))


def application_pdf(application, columns=None, districts=None):
    """The application as PDF bytes: who, what they asked for, every answer, the list of files."""
    columns = question_columns(application.call) if columns is None else columns
    districts = district_names() if districts is None else districts
    pdf = FPDF(format="A4")
    pdf.set_title(f"{application.reference} {clean(application.organisation_name)}")
    pdf.set_author("Auyl")
    family = add_fonts(pdf)
    pdf.set_auto_page_break(True, margin=15)
    pdf.add_page()

    def line(text, size=10, style=""):
        pdf.set_font(family, style, size)
        pdf.multi_cell(0, size * 0.5, clean(text), new_x="LMARGIN", new_y="NEXT")

    line(f"{application.reference} — {application.organisation_name}", 16, "B")
    line(application.call.title, 11)
    pdf.ln(3)
    district = districts.get(application.district_code, application.district_code)
    for label, value in [
        (_("Status"), application.get_status_display()),
        (_("BIN"), application.bin or "—"),
        (_("District"), ", ".join(part for part in [district, application.settlement] if part) or "—"),
        (_("Contact person"), f"{application.contact_name}, {application.email}, {format_phone(application.phone)}"),
        (_("Requested"), format_money(application.requested_amount, "₸")),
        (_("Submitted"), format_datetime(application.submitted_at)),
    ]:
        line(f"{label}: {value}")
    for section in keyed_sections(application, columns):
        pdf.ln(3)
        line(section["step"], 13, "B")
        for key, label, text in section["rows"]:
            line(f"{label}{f'  [{key}]' if key else ''}", 10, "B")
            line(text or "—")
    pdf.ln(3)
    line(_("Files"), 13, "B")
    files = list(application.files())
    for file in files:
        line(f"{file.original_name} ({format_file_size(file.size)})")
    if not files:
        line(_("No files."))
    return bytes(pdf.output())


def font_missing():
    message = _("PDFs cannot be made on this server yet: its administrator must install the font.")
    return HttpResponse(message, status=503, content_type="text/plain; charset=utf-8")


def pdf_view(request, application_id):
    coordinator_only(request)
    application = get_object_or_404(Application.objects.select_related("call", "draft"), pk=application_id)
    if not fonts_installed():
        return font_missing()
    response = HttpResponse(application_pdf(application), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{application.reference}.pdf"'
    response["Cache-Control"] = "private, no-store"
    return response


class ChunkStream:
    """A write-only file for zipfile: what is written waits in ``take()`` for the response."""

    def __init__(self):
        self.parts = []

    def write(self, data):
        self.parts.append(bytes(data))
        return len(data)

    def flush(self):
        pass

    def take(self):
        data, self.parts = b"".join(self.parts), []
        return data


def safe_name(name, taken):
    """A file name without folders or odd characters, unique within its folder."""
    base = UNSAFE_NAME.sub("_", os.path.basename(name.replace("\\", "/"))).strip(" .") or "file"
    stem, ext = os.path.splitext(base)
    candidate, n = base, 1
    while candidate.lower() in taken:
        n += 1
        candidate = f"{stem}-{n}{ext}"
    taken.add(candidate.lower())
    return candidate


def zip_chunks(applications, columns, districts):
    """The ZIP's bytes, piece by piece: per application a folder with its PDF and attachments."""
    stream = ChunkStream()
    with zipfile.ZipFile(stream, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for application in applications:
            folder = application.reference
            archive.writestr(f"{folder}/{folder}.pdf", application_pdf(application, columns, districts))
            yield stream.take()
            taken = {f"{folder}.pdf".lower()}
            for record in application.files():
                try:
                    source = record.file.open("rb")
                except (OSError, ValueError):
                    continue  # a file gone from storage: the PDF still lists it
                with source, archive.open(f"{folder}/{safe_name(record.original_name, taken)}", "w") as target:
                    while chunk := source.read(CHUNK):
                        target.write(chunk)
                        yield stream.take()
    yield stream.take()


def zip_response(applications, call, filename):
    if not fonts_installed():
        return font_missing()
    columns, districts = question_columns(call), district_names()
    response = StreamingHttpResponse(
        (chunk for chunk in zip_chunks(applications, columns, districts) if chunk), content_type="application/zip"
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response


def application_zip(request, application_id):
    coordinator_only(request)
    application = get_object_or_404(Application.objects.select_related("call", "draft"), pk=application_id)
    return zip_response([application], application.call, f"{application.reference}.zip")


def shortlist_zip(request, call_id):
    """Every shortlisted application of the call (any language), in reference order."""
    coordinator_only(request)
    call = get_object_or_404(GrantCallPage, pk=call_id)
    applications = (
        Application.objects.of_call(call).filter(status=SHORTLIST).select_related("call", "draft").order_by("reference")
    )
    return zip_response(applications, call, f"shortlist-{call.slug}.zip")
