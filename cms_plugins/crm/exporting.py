"""Contacts out to a spreadsheet that comes back in unchanged.

One row per person in an organisation; an organisation without people and a person
without an organisation get a row of their own. Headers and choice labels are in
the active language (the importer understands all three). Cells that a spreadsheet
would run as a formula (starting with = + - @, tab or carriage return) get a
leading apostrophe, which the importer removes.
"""

import csv
import io

from django.db.models import Prefetch
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from cms_plugins.formulas import escape_formula
from cms_plugins.phone import format_phone
from cms_plugins.places.models import District

from .models import Membership, Organisation, Person

CSV_DELIMITER = ";"


class ContactRows:
    """Builds export rows (dicts keyed by column key) in one language."""

    def __init__(self, language=None, for_csv=False):
        self.language = language or translation.get_language() or "ru"
        self.for_csv = for_csv
        with translation.override(self.language):
            self.yes, self.no = _("yes"), _("no")
        self.district_names = {}
        for district in District.objects.select_related("locale"):
            if district.locale.language_code == self.language:
                self.district_names[district.translation_key] = district.name
        self._district_keys = dict(District.objects.values_list("pk", "translation_key"))

    def _label(self, instance, field_name):
        with translation.override(self.language):
            return str(getattr(instance, f"get_{field_name}_display")())

    def _date(self, value):
        if value is None:
            return ""
        return value.isoformat() if self.for_csv else value

    def organisation(self, org):
        if org is None:
            return {}
        district = ""
        if org.district_id:
            key = self._district_keys.get(org.district_id)
            district = self.district_names.get(key) or str(org.district)
        return {
            "org_name": org.name,
            "org_short_name": org.short_name,
            "legal_form": self._label(org, "legal_form"),
            "bin": org.bin,
            "registration_date": self._date(org.registration_date),
            "district": district,
            "settlement": org.settlement,
            "address": org.address,
            "focus_areas": ", ".join(sorted(tag.name for tag in org.focus_areas.all())),
            "status": self._label(org, "status"),
            "website": org.website,
            "social_links": org.social_links,
            "org_notes": org.notes,
        }

    def person(self, person, role=""):
        if person is None:
            return {}
        consent_at = ""
        if person.consent_at:
            consent_at = timezone.localtime(person.consent_at).strftime("%Y-%m-%d %H:%M:%S")
        return {
            "full_name": person.full_name,
            "role": role,
            "phone": format_phone(person.phone),
            "email": person.email,
            "preferred_language": self._label(person, "preferred_language"),
            "consent_version": person.consent_version,
            "consent_at": consent_at,
            "consent_method": person.consent_method,
            "mailing_opt_out": self.yes if person.mailing_opt_out else self.no,
            "person_notes": person.notes,
        }


def rows_for_organisations(organisations, builder):
    memberships = Membership.objects.select_related("person").order_by("person__full_name", "pk")
    organisations = organisations.select_related("district").prefetch_related(
        "focus_areas", Prefetch("memberships", queryset=memberships)
    )
    for org in organisations.iterator(chunk_size=2000):
        org_row = builder.organisation(org)
        links = list(org.memberships.all())
        if not links:
            yield org_row
        for link in links:
            yield {**org_row, **builder.person(link.person, link.role)}


def rows_for_people(people, builder, include_members=True):
    memberships = Membership.objects.select_related("organisation__district").prefetch_related(
        "organisation__focus_areas"
    )
    people = people.prefetch_related(Prefetch("memberships", queryset=memberships))
    for person in people.iterator(chunk_size=2000):
        links = list(person.memberships.all()) if include_members else []
        if not links:
            yield builder.person(person)
        for link in links:
            yield {**builder.organisation(link.organisation), **builder.person(person, link.role)}


def all_rows(builder):
    """Every organisation with its people, then the people who belong to none."""
    yield from rows_for_organisations(Organisation.objects.order_by("name", "pk"), builder)
    yield from rows_for_people(
        Person.objects.filter(memberships__isnull=True).order_by("full_name", "pk"), builder, include_members=False
    )


def export_bytes(rows, file_format="xlsx", language=None):
    """Rows through ``ContactResource.export`` into import-export's XLSX format, or CSV
    in UTF-8 with BOM and ';' (what Excel in a Russian locale opens directly)."""
    from import_export.formats.base_formats import CSV, XLSX

    from .resources import ContactResource

    builder = ContactRows(language=language, for_csv=file_format == "csv")
    rows = rows(builder) if callable(rows) else rows
    dataset = ContactResource(language=builder.language).export(rows)
    if file_format == "csv":
        text = CSV().export_data(dataset, delimiter=CSV_DELIMITER, lineterminator="\r\n")
        return ("\ufeff" + text).encode("utf-8")
    dataset.title = str(_("Contacts"))[:31]
    return XLSX().export_data(dataset)


CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def rejects_bytes(result, file_format="xlsx", language=None):
    """The invalid rows as read, with their line and errors, to fix and upload again."""
    from .columns import BY_KEY

    language = language or translation.get_language() or "ru"
    headers = [str(h) for h in result.headers]
    # A rejects file that is itself re-uploaded keeps one Line and one Errors column.
    keep = [i for i, h in enumerate(headers) if h not in {BY_KEY["_line"].title(lg) for lg in ("en", "ru", "kk")}
            and h not in {BY_KEY["_errors"].title(lg) for lg in ("en", "ru", "kk")}]  # fmt: skip
    out_headers = [escape_formula(headers[i]) for i in keep]
    out_headers += [BY_KEY["_line"].title(language), BY_KEY["_errors"].title(language)]
    rows = []
    for outcome in result.invalid_rows:
        cells = list(outcome.cells) + [""] * (len(headers) - len(outcome.cells))
        errors = "; ".join(f"{column}: {message}" if column else str(message) for column, message in outcome.errors)
        rows.append(
            [escape_formula(_cell(cells[i], file_format)) for i in keep] + [outcome.line, escape_formula(errors)]
        )
    if file_format == "csv":
        out = io.StringIO(newline="")
        writer = csv.writer(out, delimiter=CSV_DELIMITER, lineterminator="\r\n")
        writer.writerow(out_headers)
        writer.writerows(rows)
        return ("\ufeff" + out.getvalue()).encode("utf-8")
    from import_export.formats.base_formats import XLSX
    from tablib import Dataset

    dataset = Dataset(headers=out_headers, title=str(_("Rejected rows"))[:31])
    for row in rows:
        dataset.append(row)
    return XLSX().export_data(dataset)


def _cell(value, file_format):
    if value is None:
        return ""
    if file_format == "csv" and not isinstance(value, str):
        return str(value)
    return value
