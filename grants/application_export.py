"""Every application of a call as a spreadsheet, through a django-import-export Resource.

XLSX by default, CSV (UTF-8 with BOM, ``;``) on request. The first header row names the
columns in the coordinator's language; the second holds the stable keys (``reference``,
``project.problem`` ...) that stay the same whatever the language and the labels' wording,
so formulas and scripts can rely on them. One column per question of the call, in the
order the applicant saw them. Every cell is formula-escaped; phones are written as text.
"""

from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from import_export import fields, resources, widgets
from import_export.formats.base_formats import CSV, XLSX

from cms_plugins.formatting import format_datetime
from cms_plugins.formulas import escape_formula
from cms_plugins.phone import format_phone

from .application_answers import answers_by_key, question_columns
from .application_list import ApplicationFilterForm, district_names
from .applications import APPLICANT_TYPES, Application
from .calls import GrantCallPage
from .competition_views import coordinator_only
from .workflow import APPLICATION_STATUSES

NUMBER = widgets.IntegerWidget(coerce_to_string=False)
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class FastXLSX(XLSX):
    """XLSX written by openpyxl's write-only workbook: the same file as tablib writes, about
    twice as fast for a call's thousands of rows (no cell objects kept, no width measuring).
    The two header rows are bold and stay in view when scrolling."""

    def export_data(self, dataset, **kwargs):
        import io

        from openpyxl import Workbook
        from openpyxl.cell import WriteOnlyCell
        from openpyxl.styles import Font

        workbook = Workbook(write_only=True)
        sheet = workbook.create_sheet(dataset.title or "Sheet")
        sheet.freeze_panes = "A3"
        bold = Font(bold=True)
        rows = iter(dataset)
        for header in (dataset.headers, next(rows, None)):
            if header is not None:
                sheet.append([bold_cell(WriteOnlyCell(sheet, value=value), bold) for value in header])
        for row in rows:
            sheet.append(list(row))
        stream = io.BytesIO()
        workbook.save(stream)
        return stream.getvalue()


def bold_cell(cell, font):
    cell.font = font
    return cell


class ApplicationResource(resources.Resource):
    reference = fields.Field(attribute="reference", column_name=_("Reference"))
    status = fields.Field(column_name=_("Status"))
    applicant_type = fields.Field(column_name=_("Applicant type"))
    organisation_name = fields.Field(attribute="organisation_name", column_name=_("Organisation or group"))
    bin = fields.Field(attribute="bin", column_name=_("BIN"))
    district = fields.Field(column_name=_("District"))
    settlement = fields.Field(attribute="settlement", column_name=_("Village or town"))
    contact_name = fields.Field(attribute="contact_name", column_name=_("Contact person"))
    email = fields.Field(attribute="email", column_name=_("Email"))
    phone = fields.Field(column_name=_("Phone"))
    language = fields.Field(attribute="language", column_name=_("Language"))
    requested_amount = fields.Field(attribute="requested_amount", column_name=_("Requested (₸)"), widget=NUMBER)
    awarded_amount = fields.Field(attribute="awarded_amount", column_name=_("Awarded (₸)"), widget=NUMBER)
    submitted_at = fields.Field(column_name=_("Submitted"))

    def __init__(self, call, **kwargs):
        super().__init__(**kwargs)
        self.districts = district_names()
        # labels and phones translated or formatted once per export, not once per row
        self.labels = {key: str(label) for key, label in [*APPLICATION_STATUSES, *APPLICANT_TYPES]}
        self.phones = {}
        self.columns = question_columns(call)
        for step_key, step_title, questions in self.columns:
            for name, label in questions:
                key = f"{step_key}.{name}"
                self.fields[key] = fields.Field(column_name=f"{step_title}: {label}", dehydrate_method=self.answer(key))
        self.keys = list(self.fields)
        # import-export looks each field's name and dehydrate method up again for every cell
        # (a loop over all fields); with thousands of rows of forty columns, once is enough
        self.methods = {}
        for name, field in self.fields.items():
            method = field.get_dehydrate_method(name)
            self.methods[id(field)] = method if callable(method) else getattr(self, method, None)

    def answer(self, key):
        return lambda application: application.answer_texts.get(key, "")

    def iter_queryset(self, queryset):
        for application in super().iter_queryset(queryset):
            application.answer_texts = answers_by_key(application, self.columns)
            yield application

    def dehydrate_status(self, application):
        return self.labels.get(application.status, application.status)

    def dehydrate_applicant_type(self, application):
        return self.labels.get(application.applicant_type, application.applicant_type)

    def dehydrate_district(self, application):
        return self.districts.get(application.district_code, application.district_code)

    def dehydrate_phone(self, application):
        if application.phone not in self.phones:  # "+7 701 123 45 67": text, never a number
            self.phones[application.phone] = format_phone(application.phone)
        return self.phones[application.phone]

    def dehydrate_submitted_at(self, application):
        return format_datetime(application.submitted_at)

    def export_field(self, field, instance, **kwargs):
        method = self.methods.get(id(field))
        value = method(instance) if method is not None else field.export(instance, **kwargs)
        return escape_formula(value)

    def get_export_headers(self, *args, **kwargs):
        return [escape_formula(str(header)) for header in super().get_export_headers(*args, **kwargs)]

    def export(self, queryset=None, **kwargs):
        dataset = super().export(queryset, **kwargs)
        dataset.insert(0, [escape_formula(key) for key in self.keys])  # the second header row: stable keys
        return dataset


def export_applications(call, queryset, file_format="xlsx"):
    """(bytes, content type, file extension) of the applications as a spreadsheet."""
    dataset = ApplicationResource(call).export(queryset)
    if file_format == "csv":
        text = CSV().export_data(dataset, delimiter=";")
        return ("\ufeff" + text).encode("utf-8"), "text/csv; charset=utf-8", "csv"
    dataset.title = str(_("Applications"))[:31]
    return FastXLSX().export_data(dataset), XLSX_TYPE, "xlsx"


def applications_export(request, call_id):
    """The call's applications (the list's filters apply) as XLSX, or CSV with ``?format=csv``."""
    coordinator_only(request)
    call = get_object_or_404(GrantCallPage, pk=call_id)
    form = ApplicationFilterForm(request.GET, districts=district_names())
    form.is_valid()
    queryset = form.filter(Application.objects.of_call(call))
    content, content_type, extension = export_applications(
        call, queryset, "csv" if request.GET.get("format") == "csv" else "xlsx"
    )
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="applications-{call.slug}.{extension}"'
    response["Cache-Control"] = "private, no-store"
    return response
