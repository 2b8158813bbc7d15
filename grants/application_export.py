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
from import_export.formats.base_formats import CSV

from cms_plugins.formatting import format_datetime
from cms_plugins.formulas import escape_formula
from cms_plugins.phone import format_phone
from cms_plugins.spreadsheets import FastXLSX, QuickExport

from .application_answers import answers_by_key, question_columns
from .application_list import ApplicationFilterForm, district_names
from .applications import APPLICANT_TYPES, Application
from .calls import GrantCallPage
from .competition_views import coordinator_only
from .workflow import APPLICATION_STATUSES

NUMBER = widgets.IntegerWidget(coerce_to_string=False)
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class ApplicationResource(QuickExport, resources.Resource):
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
    dataset.title = str(_("Applications"))
    return FastXLSX(header_rows=2).export_data(dataset), XLSX_TYPE, "xlsx"


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
