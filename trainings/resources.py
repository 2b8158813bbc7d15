"""The participant list of an event as a spreadsheet (django-import-export's Resource).

One row per registration of the event (every language), in the order people registered;
headers and choice labels in the coordinator's language; every cell escaped against
formulas (``cms_plugins.formulas``): names and organisations are typed by the public.
"""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from import_export import fields, resources

from cms_plugins.formulas import escape_formula
from cms_plugins.phone import format_phone

from .registrations import Registration


class ParticipantResource(resources.ModelResource):
    number = fields.Field(column_name=_("No."), attribute="number")
    full_name = fields.Field(column_name=_("full name"), attribute="full_name")
    organisation_name = fields.Field(column_name=_("organisation"), attribute="organisation_name")
    district = fields.Field(column_name=_("district"), attribute="district__name")
    phone = fields.Field(column_name=_("phone"), attribute="phone")
    email = fields.Field(column_name=_("email"), attribute="email")
    language = fields.Field(column_name=_("language"), attribute="language")
    status = fields.Field(column_name=_("status"), attribute="status")
    created_at = fields.Field(column_name=_("registered at"), attribute="created_at")
    sessions_attended = fields.Field(column_name=_("sessions attended"), attribute="sessions_attended")

    class Meta:
        model = Registration
        fields = (
            "number",
            "full_name",
            "organisation_name",
            "district",
            "phone",
            "email",
            "language",
            "status",
            "created_at",
            "sessions_attended",
        )
        export_order = fields

    def dehydrate_phone(self, registration):
        return format_phone(registration.phone)

    def dehydrate_status(self, registration):
        return str(registration.get_status_display())

    def dehydrate_created_at(self, registration):
        return timezone.localtime(registration.created_at).strftime("%Y-%m-%d %H:%M")

    def export_field(self, field, instance, **kwargs):
        return escape_formula(super().export_field(field, instance, **kwargs))

    def get_export_headers(self, *args, **kwargs):
        return [str(header) for header in super().get_export_headers(*args, **kwargs)]


def participants(event_key):
    """The event's registrations, numbered, with how many sessions each attended (one query)."""
    from django.db.models import Count

    rows = list(
        Registration.objects.for_event(event_key)
        .select_related("district")
        .annotate(sessions_attended=Count("attendances"))
        .order_by("created_at", "pk")
    )
    for number, row in enumerate(rows, start=1):
        row.number = number
    return rows


def participants_xlsx(event_key):
    return ParticipantResource().export(queryset=participants(event_key)).export("xlsx")
