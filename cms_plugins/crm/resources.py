"""The contacts spreadsheet as a django-import-export Resource.

One row is one person with their organisation's columns, so a row's instance is a
``Contact``: the organisation and the person it means (found by
``loader.ContactInstanceLoader``, or new), the membership between them, and the
values the row brings (set by the fields, cleaned by the widgets in ``widgets``).

The library's flow does the rest: ``import_data(dry_run=True)`` is the preview and
its ``Result`` holds new / updated / unchanged (skipped) / invalid per row;
``use_bulk`` with ``batch_size`` writes every batch of rows through Django's
``bulk_create`` / ``bulk_update`` (``ContactResource.bulk_create``); one transaction
for the whole file, rolled back when a row is invalid unless the caller imports
the valid rows only (``rollback_on_validation_errors``).

Rules beyond one cell:

- Blank cells never erase what is stored; a filled cell replaces a different value
  (the same name in another spelling is no change).
- A row needs an organisation or a person; a role or focus areas need the
  organisation; a BIN is required unless the legal form is initiative group (read
  from the name, "ИГ …", when no column gives it).
"""

import re
from functools import lru_cache

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import DatabaseError
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from import_export import fields, resources
from import_export.results import RowResult

from cms_plugins.formulas import escape_formula

from . import widgets
from .columns import DATA_COLUMNS
from .loader import ContactIndex, ContactInstanceLoader, Entity, Link, chunks
from .models import (
    NO_BIN_FORMS,
    FocusArea,
    Language,
    LegalForm,
    Membership,
    Organisation,
    OrganisationFocusArea,
    Person,
    Status,
)
from .names import fold, name_key_for, noise_words, person_key

# Column key -> model field.
ORG_FIELDS = {
    "org_name": "name",
    "org_short_name": "short_name",
    "legal_form": "legal_form",
    "bin": "bin",
    "registration_date": "registration_date",
    "district": "district",
    "settlement": "settlement",
    "address": "address",
    "status": "status",
    "website": "website",
    "social_links": "social_links",
    "org_notes": "notes",
}
PERSON_FIELDS = {
    "full_name": "full_name",
    "phone": "phone",
    "email": "email",
    "preferred_language": "preferred_language",
    "consent_version": "consent_version",
    "consent_at": "consent_at",
    "consent_method": "consent_method",
    "mailing_opt_out": "mailing_opt_out",
    "person_notes": "notes",
}
KEYS = [*ORG_FIELDS, "focus_areas", *PERSON_FIELDS, "role"]
KEY_SET = frozenset(KEYS)
# Model field -> column key.
ORG_COLUMNS = {name: key for key, name in ORG_FIELDS.items()}
PERSON_COLUMNS = {name: key for key, name in PERSON_FIELDS.items()}
MATCH_KEYS = ("bin", "org_name", "district", "email", "phone", "full_name")
NEW, UPDATED, UNCHANGED, INVALID = "new", "updated", "unchanged", "invalid"
PROGRESS_EVERY = 250


def _max(model, name):
    return model._meta.get_field(name).max_length


def _field(key, widget):
    return fields.Field(attribute=key, column_name=key, widget=widget, saves_null_values=False)


class Contact:
    """One row's instance: the organisation and person it means, and its values
    (by column key, set by ``ContactResource.import_field``; read as attributes too)."""

    __slots__ = ("changes", "org", "org_status", "person", "person_status", "row_status", "values")
    pk = None

    def __init__(self, org=None, person=None):
        self.org = org
        self.person = person
        self.values = {}
        self.row_status = UNCHANGED
        self.org_status = ""
        self.person_status = ""
        self.changes = []  # column keys whose values change

    def __getattr__(self, name):
        if name in KEY_SET:
            return self.values.get(name)
        raise AttributeError(name)

    def __str__(self):
        parts = [entity.obj for entity in (self.org, self.person) if entity is not None]
        return " — ".join(str(part.name if isinstance(part, Organisation) else part.full_name) for part in parts)


class Blank:
    """New records of one model for one import, built from one row of field values.

    Django's positional constructor (the one ``Model.from_db`` uses) only sets each
    field; the keyword one resolves every missing field's default again for each
    record, which was a fifth of a 10,000-row preview. The defaults of the models an
    import creates are plain values (text, False, None, the time), so one row of them,
    taken when the import starts, serves every record it creates; ``values`` given to
    a call (by attribute name: ``person_id``) fill in that record's own fields.
    """

    def __init__(self, model, **values):
        self.model = model
        fields = model._meta.concrete_fields
        self.values = [values[f.attname] if f.attname in values else f.get_default() for f in fields]
        self.position = {f.attname: i for i, f in enumerate(fields)}

    def __call__(self, **values):
        if not values:
            return self.model(*self.values)
        row = self.values.copy()
        for name, value in values.items():
            row[self.position[name]] = value
        return self.model(*row)


class ContactRowResult(RowResult):
    """import-export's row result without the text of each row's instance: the library
    makes it (``object_repr``) for admin log entries, which this import does not write."""

    def add_instance_info(self, instance):
        pass


class ContactResource(resources.Resource):
    org_name = _field("org_name", widgets.TextWidget(_max(Organisation, "name")))
    org_short_name = _field("org_short_name", widgets.TextWidget(_max(Organisation, "short_name")))
    legal_form = _field(
        "legal_form",
        widgets.ChoiceWidget(LegalForm.choices, gettext_lazy("legal form"), aliases_setting="CRM_LEGAL_FORM_ALIASES"),
    )
    bin = _field("bin", widgets.BinWidget())
    registration_date = _field("registration_date", widgets.DateWidget())
    district = _field("district", widgets.DistrictWidget())
    settlement = _field("settlement", widgets.TextWidget(_max(Organisation, "settlement")))
    address = _field("address", widgets.TextWidget(_max(Organisation, "address")))
    focus_areas = _field("focus_areas", widgets.FocusAreasWidget())
    status = _field("status", widgets.ChoiceWidget(Status.choices, gettext_lazy("status")))
    website = _field("website", widgets.WebsiteWidget(_max(Organisation, "website")))
    social_links = _field("social_links", widgets.TextWidget())
    org_notes = _field("org_notes", widgets.TextWidget())
    full_name = _field("full_name", widgets.TextWidget(_max(Person, "full_name")))
    role = _field("role", widgets.TextWidget(_max(Membership, "role")))
    phone = _field("phone", widgets.PhoneWidget())
    email = _field("email", widgets.EmailWidget(_max(Person, "email")))
    preferred_language = _field(
        "preferred_language",
        widgets.ChoiceWidget(
            Language.choices, gettext_lazy("language"), extra={"қазақша": "kk", "русский": "ru", "english": "en"}
        ),
    )
    consent_version = _field("consent_version", widgets.TextWidget(_max(Person, "consent_version")))
    consent_at = _field("consent_at", widgets.DateTimeWidget())
    consent_method = _field("consent_method", widgets.TextWidget(_max(Person, "consent_method")))
    mailing_opt_out = _field("mailing_opt_out", widgets.YesNoWidget())
    person_notes = _field("person_notes", widgets.TextWidget())

    contact_class = Contact

    class Meta:
        instance_loader_class = ContactInstanceLoader
        import_id_fields = ()
        use_bulk = True
        batch_size = 2000
        skip_diff = True
        store_instance = True
        clean_model_instances = False
        report_skipped = True

    def __init__(self, source="", progress=None, language=None, **kwargs):
        super().__init__(**kwargs)
        self.language = language
        self.source = source[:255]
        self.progress = progress  # called with the rows done, every PROGRESS_EVERY rows
        self.rows_done = 0
        noise = noise_words()
        # Settings are read once per import, not once per row (they sit behind a lazy object).
        self.name_key = lambda text: name_key_for(str(text or ""), noise)
        self.index = ContactIndex(self.name_key)
        # A file names the same few focus areas on row after row.
        self.tag_key = lru_cache(maxsize=1024)(fold)
        self.new_org = Blank(Organisation, source=self.source)
        self.new_person = Blank(Person, source=self.source)
        self.new_membership = Blank(Membership)
        self.new_tag_link = Blank(OrganisationFocusArea)
        self.import_fields = list(self.fields.values())
        # Cleaned cells by column and text: a file repeats its districts, legal forms,
        # BINs and focus areas on row after row, and each widget is a pure function of
        # the cell's text within one import.
        self.cleaned = {key: {} for key in self.fields}

    def get_import_fields(self):
        return self.import_fields

    def get_row_result_class(self):
        return ContactRowResult

    # --- export: rows built by exporting.ContactRows, one dict per person and organisation
    def get_export_fields(self, selected_fields=None):
        return [self.fields[column.key] for column in DATA_COLUMNS]

    def get_export_headers(self, selected_fields=None):
        return [column.title(self.language) for column in DATA_COLUMNS]

    def export_field(self, field, instance, **kwargs):
        # Cells a spreadsheet would run as a formula get an apostrophe (the importer drops it).
        return escape_formula(instance.get(field.attribute, ""))

    # --- before the rows: load what the file may mean -----------------------------
    def clean_column(self, key, cells):
        """A column's cells through its widget, each distinct text once: values or ValueErrors."""
        cache = self.cleaned[key]
        clean = self.fields[key].widget.clean
        values = []
        for cell in cells:
            try:
                value = cache[cell]
            except KeyError:
                try:
                    value = clean(cell)
                except ValueError as error:
                    value = error
                cache[cell] = value
            except TypeError:  # an unhashable cell (never from our reader) is cleaned each time
                try:
                    value = clean(cell)
                except ValueError as error:
                    value = error
            values.append(value)
        return values

    def match_keys(self):
        """The current row's matching values; a cell in error counts as blank."""
        row = self.row_keys
        return {key: None if isinstance(v, ValueError) else v for key in MATCH_KEYS if (v := row.get(key)) is not None}

    def before_import(self, dataset, **kwargs):
        # Only the file's columns are imported: a missing column is no value, not a blank.
        headers = list(dataset.headers or ())
        self.import_fields = [f for f in self.fields.values() if f.column_name in set(headers)]
        # Cleaned cells are kept for one dataset (a batch of a streamed import), not the
        # whole file: e-mails, phones and names are mostly unique and would pile up.
        self.cleaned = {key: {} for key in self.fields}
        # Every cell through its column's widget here, by column: a file repeats its
        # districts, legal forms and BINs row after row, and the matching cells are
        # needed before the rows anyway (to load what they match). The rows then only
        # read their cleaned values (import_instance), with no call per field.
        keys = [field.attribute for field in self.import_fields]
        columns = {key: self.clean_column(key, dataset.get_col(headers.index(key))) for key in keys}
        self.keys_by_row = [dict(zip(keys, values, strict=True)) for values in zip(*columns.values(), strict=True)]
        if not keys:
            self.keys_by_row = [{} for _row in range(len(dataset))]

        def found(key):
            return {v for v in columns.get(key, ()) if v and not isinstance(v, ValueError)}

        names = {self.name_key(name) for name in found("org_name")}
        bins, emails, phones = found("bin"), found("email"), found("phone")
        self.index.prefetch(bins, names, emails, phones)

    def before_import_row(self, row, **kwargs):
        self.row_keys = self.keys_by_row[kwargs["row_number"] - 1]

    def init_instance(self, row=None):
        return self.contact_class()

    # --- one row ------------------------------------------------------------------
    def import_instance(self, instance, row, **kwargs):
        # The row's cells were cleaned by their fields' widgets before the rows
        # (before_import); a blank cell is None, and None is never set.
        errors = {}
        values = instance.values
        for key, value in self.row_keys.items():
            if value is None:
                continue
            if isinstance(value, ValueError):
                errors[key] = [str(value)]
            else:
                values[key] = value
        self.plan(instance, errors)
        if errors:
            raise ValidationError(errors)

    def plan(self, contact, errors):
        """Check the row's rules, then apply its values to its records (in memory)."""

        def error(key, message):
            errors.setdefault(key, []).append(str(message))

        values = contact.values
        org = {ORG_FIELDS[k]: v for k, v in values.items() if k in ORG_FIELDS and v is not None}
        person = {PERSON_FIELDS[k]: v for k, v in values.items() if k in PERSON_FIELDS and v is not None}
        role, tags = values.get("role") or "", values.get("focus_areas") or []
        if role and not org:
            error("role", _("A role is given but no organisation: fill in the organisation's columns."))
        if not org and not person and not tags and not errors:
            error(NON_FIELD_ERRORS, _("The row has neither an organisation nor a person."))
        if tags and not org:
            error("org_name", _("Focus areas are given but no organisation."))
        org_entity = contact.org if org and not errors else None
        if org and org_entity is None and not org.get("name"):
            error("org_name", _("The organisation's name is missing, and no organisation has this BIN."))
        if org and not errors:
            stored = org_entity.obj if org_entity else None
            if "legal_form" not in org and (stored is None or stored.legal_form == LegalForm.OTHER):
                inferred = self.form_from_name(org.get("name") or (stored.name if stored else ""))
                if inferred:
                    org["legal_form"] = inferred
            bin_value = org.get("bin") or (stored.bin if stored else "")
            form = org.get("legal_form") or (stored.legal_form if stored else LegalForm.OTHER)
            if not bin_value and form not in NO_BIN_FORMS:
                error("bin", _("A BIN is required unless the legal form is initiative group."))
        person_entity = contact.person if person and not errors else None
        if person and person_entity is None and not person.get("full_name") and not errors:
            error("full_name", _("The person's full name is missing, and no person has this e-mail or phone."))
        if errors:
            return
        created = False
        index = self.index
        if org:
            if org_entity is None:
                org_entity = index.add_org(Entity(self.new_org(), True))
                contact.org_status = NEW
                created = True
            before = len(contact.changes)
            self.apply(org_entity, org, ORG_COLUMNS, contact.changes)
            if org_entity.is_new or "bin" in org_entity.changed:
                index.index_org(org_entity)
            tag_key = self.tag_key
            added = [t for t in tags if tag_key(t) not in org_entity.tags]
            for tag in added:
                org_entity.tags.add(tag_key(tag))
                org_entity.new_tags.append(tag)
            if added:
                org_entity.touched = True
                contact.changes.append("focus_areas")
            if not contact.org_status:
                contact.org_status = UPDATED if len(contact.changes) > before else UNCHANGED
        contact.org = org_entity
        if person:
            if person_entity is None:
                person_entity = index.add_person(Entity(self.new_person(), True))
                contact.person_status = NEW
                created = True
            before = len(contact.changes)
            self.apply(person_entity, person, PERSON_COLUMNS, contact.changes)
            if person_entity.is_new or {"email", "phone"} & person_entity.changed:
                index.index_person(person_entity)
            if org_entity is not None:
                link = index.link(org_entity, person_entity)
                if link is None:
                    link = index.add_link(Link(org_entity, person_entity, role=role))
                    index.pending_links.append(link)
                    link.changed = True
                    org_entity.touched = person_entity.touched = True
                    contact.changes.append("org_name")
                elif role and link.role != role:
                    link.role = role
                    if not link.changed:
                        index.pending_links.append(link)
                    link.changed = True
                    org_entity.touched = person_entity.touched = True
                    contact.changes.append("role")
            if not contact.person_status:
                contact.person_status = UPDATED if len(contact.changes) > before else UNCHANGED
        contact.person = person_entity
        contact.row_status = NEW if created else (UPDATED if contact.changes else UNCHANGED)

    def apply(self, entity, values, keys, changes):
        obj = entity.obj
        for name, value in values.items():
            if name == "district":
                if obj.district_id != value.pk:
                    obj.district = value
                    entity.changed.add(name)
                    changes.append(keys[name])
                continue
            current = getattr(obj, name)
            # The same name in another spelling (case, quotes, Kazakh letters) is no change.
            if name == "name" and current and self.name_key(current) == self.name_key(value):
                continue
            if name == "full_name" and current and person_key(current) == person_key(value):
                continue
            if name == "consent_at" and current is not None:
                current = current.replace(microsecond=0)
            if current != value:
                setattr(obj, name, value)
                entity.changed.add(name)
                changes.append(keys[name])
        if entity.changed:
            entity.touched = True

    def form_from_name(self, name):
        """The legal form a name starts with ("ОО «…»", "Инициативная группа …"), if any."""
        table = self.fields["legal_form"].widget.table
        words = re.sub(r"[«»\"'“”„()]", " ", fold(name)).split()
        for length in (3, 2, 1):
            if len(words) > length:
                form = table.get(" ".join(words[:length]))
                if form:
                    return form
        return None

    def skip_row(self, instance, original, row, import_validation_errors=None):
        # An unchanged row is import-export's "skip": reported, nothing to write.
        return not import_validation_errors and instance.row_status == UNCHANGED

    def save_instance(self, instance, is_create, row, **kwargs):
        # Every changed row waits in one list; the library calls bulk_create per batch.
        self.create_instances.append(instance)

    def after_import_row(self, row, row_result, **kwargs):
        self.rows_done += 1
        if self.progress and self.rows_done % PROGRESS_EVERY == 0:
            self.progress(self.rows_done)
        contact = row_result.instance
        if contact is not None and not row_result.is_invalid() and not row_result.is_skip():
            row_result.import_type = row_result.IMPORT_TYPE_NEW if contact.row_status == NEW else "update"

    # --- writing a batch ----------------------------------------------------------
    def bulk_create(self, using_transactions, dry_run, raise_errors, batch_size=None, result=None):
        contacts, self.create_instances = self.create_instances, []
        if dry_run or not contacts:
            return
        try:
            self.write(contacts)
        except DatabaseError as error:  # reported in the Result (and rolled back), as the library does
            self.handle_import_error(result, error, raise_errors)

    def write(self, contacts):
        now = timezone.now()
        orgs = list({id(c.org): c.org for c in contacts if c.org is not None}.values())
        people = list({id(c.person): c.person for c in contacts if c.person is not None}.values())
        for entity in orgs:
            entity.obj.name_key = self.name_key(entity.obj.name)
        self._save(Organisation, orgs, now)
        for entity in people:
            entity.obj.name_key = person_key(entity.obj.full_name)
        self._save(Person, people, now)
        links, self.index.pending_links = self.index.pending_links, []
        stored = [link for link in links if link.obj is not None]
        for link in stored:
            link.obj.role = link.role
        new_links = [link for link in links if link.obj is None]
        for link in new_links:
            # The organisation and person got their ids in this batch, just above.
            link.obj = self.new_membership(
                organisation_id=link.org.obj.pk, person_id=link.person.obj.pk, role=link.role
            )
        Membership.objects.bulk_create([link.obj for link in new_links], batch_size=1000)
        Membership.objects.bulk_update([link.obj for link in stored], ["role"])
        for link in links:
            link.changed = False
        self._write_tags(orgs)

    def _save(self, model, entities, now):
        new = [e.obj for e in entities if e.obj.pk is None]
        model.objects.bulk_create(new, batch_size=1000)
        fresh = {id(obj) for obj in new}
        changed = [e for e in entities if e.changed and id(e.obj) not in fresh]
        if changed:
            names = set().union(*(e.changed for e in changed)) | {"updated_at", "name_key"}
            for entity in changed:
                entity.obj.updated_at = now
            for chunk in chunks(changed):
                model.objects.bulk_update([e.obj for e in chunk], sorted(names))
        for entity in entities:
            entity.changed = set()

    def _write_tags(self, orgs):
        wanted = {}
        for entity in orgs:
            for tag in entity.new_tags:
                wanted.setdefault(fold(tag), tag)
        if not wanted:
            return
        known = {fold(t.name): t for t in FocusArea.objects.all()}
        slugs = set(FocusArea.objects.values_list("slug", flat=True))
        missing = []
        for key, tag in wanted.items():
            if key not in known:
                base = slugify(tag, allow_unicode=True)[:90] or "tag"
                slug, i = base, 1
                while slug in slugs:
                    slug, i = f"{base}_{i}", i + 1
                slugs.add(slug)
                missing.append(FocusArea(name=tag, slug=slug))
        FocusArea.objects.bulk_create(missing)
        known.update({fold(t.name): t for t in missing})
        links = [
            self.new_tag_link(content_object_id=entity.obj.pk, tag_id=known[fold(tag)].pk)
            for entity in orgs
            for tag in entity.new_tags
        ]
        OrganisationFocusArea.objects.bulk_create(links, batch_size=1000)
        for entity in orgs:
            entity.new_tags = []
