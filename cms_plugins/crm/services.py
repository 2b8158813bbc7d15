"""Writes that touch several CRM records. They take objects and a user, never a request."""

import time

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from cms_plugins.erasure import Identity, erase_everywhere

from .erasure import empty_person
from .exporting import rejects_bytes
from .import_storage import import_storage
from .importing import import_stream, import_table
from .models import (
    ColumnMapping,
    ImportLog,
    Interaction,
    InteractionKind,
    Membership,
    Organisation,
    OrganisationFocusArea,
    Person,
)
from .reading import Table, read_table
from .resources import INVALID


# --- import ------------------------------------------------------------------------
def run_import(
    data,
    *,
    file_name,
    user=None,
    skip_invalid=False,
    dry_run=False,
    channel="admin",
    log=True,
    table=None,
    mapping=None,
    entry=None,
    progress=None,
    stream=False,
):
    """Read, match and (unless dry_run) write a contacts file; log it; save its rejects.

    ``data`` is the file's bytes, or None with ``table`` already read; ``mapping``
    the coordinator's column choices (header -> key, "" to ignore); ``entry`` an
    ImportLog to fill (a background import's) instead of a new one; ``stream`` imports
    in batches keeping no row but the invalid ones (``importing.import_stream``). Returns
    (ImportReport, ImportLog or None). Raises reading.UnreadableFile when the file
    is not a spreadsheet at all.
    """
    started = time.perf_counter()
    table = table if table is not None else read_table(data, file_name)
    result = (import_stream if stream else import_table)(
        table, mapping=mapping, source=file_name, skip_invalid=skip_invalid, dry_run=dry_run, progress=progress
    )
    if log:
        entry = entry or ImportLog()
        counted = result.imported or dry_run
        entry.user = user if getattr(user, "pk", None) else None
        entry.file_name = file_name[:255]
        entry.channel = channel
        entry.mode = ImportLog.Mode.SKIP_INVALID if skip_invalid else ImportLog.Mode.ATOMIC
        entry.dry_run = dry_run
        entry.rows = len(table.rows)
        entry.organisations_new = result.organisations_new if counted else 0
        entry.organisations_updated = result.organisations_updated if counted else 0
        entry.people_new = result.people_new if counted else 0
        entry.people_updated = result.people_updated if counted else 0
        entry.unchanged = result.count("unchanged")
        entry.invalid = result.count(INVALID)
        entry.imported = result.imported
        if result.invalid_rows and not dry_run:
            file_format = "csv" if table.file_format == "csv" else "xlsx"
            stem = file_name.rsplit(".", 1)[0][:80] or "contacts"
            entry.rejects_file = import_storage().save(
                f"crm-rejects/{timezone.now():%Y%m%d-%H%M%S}-{stem}-rejected.{file_format}",
                ContentFile(rejects_bytes(result, file_format)),
            )
        if result.plan is not None:
            entry.column_mapping = result.plan.as_mapping()
        entry.seconds = round(time.perf_counter() - started, 3)
        entry.save()
    return result, entry


def headers_key(headers):
    """One key per set of headers, whatever their order, case or spacing."""
    import hashlib

    from .columns import header_key, is_meta_header

    # A rejects file (the same headers plus Line and Errors) finds its original's mapping.
    names = sorted({header_key(str(h)) for h in headers if str(h or "").strip() and not is_meta_header(h)})
    return hashlib.sha256("\n".join(names).encode()).hexdigest()


def saved_mapping(headers):
    """The mapping chosen last time for these headers ({} when none)."""
    found = ColumnMapping.objects.filter(headers_key=headers_key(headers)).first()
    return dict(found.mapping) if found else {}


def save_mapping(headers, mapping):
    ColumnMapping.objects.update_or_create(
        headers_key=headers_key(headers),
        defaults={"headers": [str(h) for h in headers], "mapping": dict(mapping)},
    )


# --- the contract other apps code against -----------------------------------------
CONTRACT_ORG_KEYS = {
    "name": "org_name",
    "short_name": "org_short_name",
    "legal_form": "legal_form",
    "bin": "bin",
    "district": "district",
    "settlement": "settlement",
    "address": "address",
    "registration_date": "registration_date",
    "website": "website",
    "status": "status",
}
CONTRACT_PERSON_KEYS = {
    "full_name": "full_name",
    "phone": "phone",
    "email": "email",
    "preferred_language": "preferred_language",
    "consent_version": "consent_version",
    "consent_at": "consent_at",
    "consent_method": "consent_method",
    "mailing_opt_out": "mailing_opt_out",
}


def upsert_contact(*, organisation=None, person=None, role="", source="", user=None):
    """Match or create an organisation and a person with the importer's rules.

    Fills empty fields and replaces differing ones with filled values, never blanks
    a field, links the person to the organisation with ``role``. Raises
    ValidationError (messages name the field) when a value is invalid.
    Returns (Organisation | None, Person | None).
    """
    values = {}
    for key, column in CONTRACT_ORG_KEYS.items():
        if organisation and organisation.get(key) not in (None, ""):
            values[column] = organisation[key]
    for key, column in CONTRACT_PERSON_KEYS.items():
        if person and person.get(key) not in (None, ""):
            value = person[key]
            values[column] = ("1" if value else "0") if isinstance(value, bool) else value
    if role:
        values["role"] = role
    table = Table(headers=list(values), rows=[(1, list(values.values()))], file_format="dict")
    with transaction.atomic():
        result = import_table(table, source=source, dry_run=False)
    if result.file_errors:
        raise ValidationError(result.file_errors)
    outcome = result.rows[0]
    if outcome.status == INVALID:
        raise ValidationError(
            [f"{column}: {message}" if column else str(message) for column, message in outcome.errors]
        )
    org = outcome.org_obj
    someone = outcome.person_obj
    return (
        Organisation.objects.get(pk=org.pk) if org else None,
        Person.objects.get(pk=someone.pk) if someone else None,
    )


def record_interaction(*, kind, text, organisation=None, person=None, user=None, date=None):
    if kind not in InteractionKind.values:
        raise ValidationError(_("Unknown kind of history entry: %(kind)s") % {"kind": kind})
    if organisation is None and person is None:
        raise ValidationError(_("A history entry belongs to an organisation, a person or both."))
    return Interaction.objects.create(
        kind=kind,
        text=text,
        organisation=organisation,
        person=person,
        recorded_by=user if getattr(user, "pk", None) else None,
        date=date or timezone.localdate(),
    )


# --- duplicates and merging --------------------------------------------------------
def _move_other_references(model, secondary, primary, handled):
    """Point every other app's foreign key from ``secondary`` to ``primary``.

    The plug-in does not know which apps link to its records (grants, trainings…),
    so it asks the model's relations instead of deleting what depends on them.
    """
    for relation in model._meta.related_objects:
        if relation.related_model in handled or not (relation.one_to_many or relation.one_to_one):
            continue
        field_name = relation.field.name
        relation.related_model._base_manager.filter(**{field_name: secondary}).update(**{field_name: primary})


def _fill_empty(primary, secondary, field_names):
    for name in field_names:
        if getattr(primary, name) in ("", None) and getattr(secondary, name) not in ("", None):
            setattr(primary, name, getattr(secondary, name))


ORG_MERGE_FIELDS = [
    "short_name",
    "bin",
    "registration_date",
    "district",
    "settlement",
    "address",
    "website",
    "social_links",
    "source",
]
PERSON_MERGE_FIELDS = ["full_name", "phone", "email", "consent_version", "consent_at", "consent_method", "source"]


@transaction.atomic
def merge_organisations(primary, secondary, user=None):
    """Merge ``secondary`` into ``primary``: every history entry, person and link is kept."""
    if primary.pk == secondary.pk:
        raise ValidationError(_("An organisation cannot be merged into itself."))
    primary = Organisation.objects.select_for_update().get(pk=primary.pk)
    secondary = Organisation.objects.select_for_update().get(pk=secondary.pk)
    label = f"{secondary.name} (#{secondary.pk}{', ' + secondary.bin if secondary.bin else ''})"
    for link in Membership.objects.filter(organisation=secondary):
        existing = Membership.objects.filter(organisation=primary, person_id=link.person_id).first()
        if existing:
            if not existing.role and link.role:
                existing.role = link.role
                existing.save(update_fields=["role"])
            link.delete()
        else:
            link.organisation = primary
            link.save(update_fields=["organisation"])
    Interaction.objects.filter(organisation=secondary).update(organisation=primary)
    primary.focus_areas.add(*secondary.focus_areas.all())
    OrganisationFocusArea.objects.filter(content_object=secondary).delete()
    _move_other_references(Organisation, secondary, primary, {Membership, Interaction, OrganisationFocusArea})
    _fill_empty(primary, secondary, ORG_MERGE_FIELDS)
    if secondary.notes and secondary.notes not in primary.notes:
        primary.notes = "\n\n".join(filter(None, [primary.notes, secondary.notes]))
    secondary.delete()  # first: its BIN must be free before primary takes it
    primary.save()
    record_interaction(
        kind=InteractionKind.NOTE,
        text=_("Merged the duplicate record %(label)s into this one.") % {"label": label},
        organisation=primary,
        user=user,
    )
    return primary


@transaction.atomic
def merge_people(primary, secondary, user=None):
    """Merge ``secondary`` into ``primary``: every history entry and membership is kept."""
    if primary.pk == secondary.pk:
        raise ValidationError(_("A person cannot be merged into themselves."))
    primary = Person.objects.select_for_update().get(pk=primary.pk)
    secondary = Person.objects.select_for_update().get(pk=secondary.pk)
    for link in Membership.objects.filter(person=secondary):
        existing = Membership.objects.filter(person=primary, organisation_id=link.organisation_id).first()
        if existing:
            if not existing.role and link.role:
                existing.role = link.role
                existing.save(update_fields=["role"])
            link.delete()
        else:
            link.person = primary
            link.save(update_fields=["person"])
    Interaction.objects.filter(person=secondary).update(person=primary)
    _move_other_references(Person, secondary, primary, {Membership, Interaction})
    _fill_empty(primary, secondary, PERSON_MERGE_FIELDS)
    primary.mailing_opt_out = primary.mailing_opt_out or secondary.mailing_opt_out
    if secondary.notes and secondary.notes not in primary.notes:
        primary.notes = "\n\n".join(filter(None, [primary.notes, secondary.notes]))
    secondary_id = secondary.pk
    secondary.delete()
    primary.save()
    record_interaction(
        kind=InteractionKind.NOTE,
        text=_("Merged the duplicate record #%(id)s into this one.") % {"id": secondary_id},
        person=primary,
        user=user,
    )
    return primary


@transaction.atomic
def anonymise_person(person, user=None):
    """Right to erasure: remove what identifies the person everywhere, keep the counts.

    Memberships and history entries stay (organisations still count their people and
    meetings); their free text, which may name the person, is emptied. Then every
    copy registered with ``cms_plugins.erasure`` (applications, drafts and their
    files, admin logs, import files, queued mail, …) is erased too.
    """
    person = Person.objects.select_for_update().get(pk=person.pk)
    identity = Identity.of(names=[person.full_name], emails=[person.email], phones=[person.phone])
    empty_person(person)
    erase_everywhere(identity)
    Interaction.objects.create(
        kind=InteractionKind.NOTE,
        person=person,
        text=_("Personal data removed at the person's request."),
        recorded_by=user if getattr(user, "pk", None) else None,
    )
    return person
