"""The contacts import: clean every cell, match every row, then write in one transaction.

Rules (the same for the admin, the management command and ``services.upsert_contact``):

- Blank cells never erase what is stored; a filled cell replaces a different value.
- Organisations match by BIN, then by normalised name + district (only a record
  without a BIN, or a row without one, matches by name).
- People match by e-mail, then by phone (only when the e-mails do not disagree),
  then by normalised full name among the organisation's people (only when their
  contacts do not disagree).
- By default a file with any invalid row writes nothing; ``skip_invalid`` writes
  the valid rows and returns the invalid ones for a rejects file. Either way the
  write is one transaction.

Everything is matched in memory after a handful of bulk queries, and written with
bulk inserts and updates: 10,000 rows take about a second (see bench/).
"""

import datetime as dt
import re
import time
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email
from django.db import transaction
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _

from cms_plugins.bin import bin_error, check_digit, clean_bin
from cms_plugins.formulas import FORMULA_START
from cms_plugins.phone import normalise_phone
from cms_plugins.places.models import District
from cms_plugins.places.resolver import DistrictResolver

from . import bulk
from .columns import BY_KEY, match_headers
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
_PHONE_NOISE = re.compile(r"[\s().\-]")
_PLAN7 = re.compile(r"(?:\+7|8|7)(\d{10})")
CHUNK = 500

NEW, UPDATED, UNCHANGED, INVALID = "new", "updated", "unchanged", "invalid"

YES = {"yes", "y", "true", "1", "x", "да", "д", "иә", "ия", "иа", "+"}
NO = {"no", "n", "false", "0", "нет", "н", "жоқ", "жок", "-"}


@dataclass
class RowOutcome:
    line: int
    status: str = UNCHANGED
    organisation: str = ""  # new / updated / unchanged / "" (no organisation in the row)
    person: str = ""
    errors: list = field(default_factory=list)  # (column title, message)
    changes: list = field(default_factory=list)  # column titles that change
    cells: list = field(default_factory=list)  # the row as read, for a rejects file
    org_obj: object = None
    person_obj: object = None


@dataclass
class ImportResult:
    rows: list = field(default_factory=list)
    headers: list = field(default_factory=list)
    unknown_columns: list = field(default_factory=list)
    file_errors: list = field(default_factory=list)
    organisations_new: int = 0
    organisations_updated: int = 0
    people_new: int = 0
    people_updated: int = 0
    imported: bool = False
    dry_run: bool = True
    seconds: float = 0.0

    def count(self, status):
        return sum(1 for row in self.rows if row.status == status)

    @property
    def invalid_rows(self):
        return [row for row in self.rows if row.status == INVALID]

    @property
    def has_errors(self):
        return bool(self.file_errors or self.invalid_rows)

    def summary(self):
        return _(
            "organisations: %(on)s new, %(ou)s updated; people: %(pn)s new, %(pu)s updated; "
            "unchanged rows: %(un)s; invalid rows: %(inv)s"
        ) % {
            "on": self.organisations_new,
            "ou": self.organisations_updated,
            "pn": self.people_new,
            "pu": self.people_updated,
            "un": self.count(UNCHANGED),
            "inv": len(self.invalid_rows) + (1 if self.file_errors else 0),
        }


class _Link:
    __slots__ = ("org", "person", "pk", "role")

    def __init__(self, org, person, role, pk=None):
        self.org = org
        self.person = person
        self.role = role
        self.pk = pk


class _Entity:
    __slots__ = ("changed", "is_new", "new_tags", "obj", "tags")

    def __init__(self, obj, is_new, tags=()):
        self.obj = obj
        self.is_new = is_new
        self.changed = set()
        self.tags = {fold(t) for t in tags}
        self.new_tags = []


def _chunks(values):
    values = list(values)
    for start in range(0, len(values), CHUNK):
        yield values[start : start + CHUNK]


def _text(value):
    """A cell as text: numbers without '.0', the formula-escape apostrophe removed."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).strip()
    if text.startswith("'") and text[1:2] in FORMULA_START:
        text = text[1:]
    return text


def _choice_table(choices, extra=None):
    """Every way to write a choice: its key, its label in each language, configured aliases."""
    table = {}
    for language in ("en", "ru", "kk"):
        with translation.override(language):
            for value, label in choices:
                table.setdefault(fold(str(label)), value)
    for value, _label in choices:
        table[fold(value)] = value
        table[fold(value.replace("_", " "))] = value
    for alias, value in (extra or {}).items():
        table[fold(alias)] = value
    return table


def _date_formats():
    return ["%Y-%m-%d", "%d.%m.%Y", "%d/%m/%Y", "%d.%m.%y", "%Y.%m.%d"]


class Importer:
    """Plans and (unless dry_run) writes one import; build one per file."""

    def __init__(self, *, user=None, source="", skip_invalid=False, dry_run=True):
        from django.conf import settings

        self.user = user
        self.source = source
        self.skip_invalid = skip_invalid
        self.dry_run = dry_run
        self.districts = DistrictResolver()
        self._district_cache = {}
        self._phone_cache = {}
        noise = noise_words()
        # Settings are read once per import, not once per row (they sit behind a lazy object).
        self._name_key = lambda text: name_key_for(str(text or ""), noise)
        self._new_org = bulk.instance_factory(Organisation)
        self._new_person = bulk.instance_factory(Person)
        self._plan7 = getattr(settings, "PHONE_DEFAULT_REGION", "KZ") in {"KZ", "RU"}
        self.legal_forms = _choice_table(LegalForm.choices, getattr(settings, "CRM_LEGAL_FORM_ALIASES", {}))
        self.statuses = _choice_table(Status.choices)
        self.languages = _choice_table(Language.choices, {"қазақша": "kk", "русский": "ru", "english": "en"})
        self.titles = {}

    # --- reading ------------------------------------------------------------------
    def rows_from_table(self, table, result):
        mapping, unknown, duplicates = match_headers(table.headers)
        result.headers = table.headers
        result.unknown_columns = unknown
        self.titles = {key: str(table.headers[pos]).strip() for pos, key in mapping.items()}
        for text in duplicates:
            result.file_errors.append(_("The column “%(column)s” appears twice.") % {"column": text})
        keys = set(mapping.values())
        if not keys & {"org_name", "full_name", "bin", "email", "phone"}:
            result.file_errors.append(
                _(
                    "No column for the organisation, its BIN, or the person's name, phone or e-mail was found. "
                    "Recognised headers are, for example: %(examples)s."
                )
                % {"examples": ", ".join(BY_KEY[k].title() for k in ("org_name", "bin", "full_name", "phone", "email"))}
            )
        rows = []
        for line, cells in table.rows:
            values = {key: cells[pos] for pos, key in mapping.items() if pos < len(cells)}
            rows.append((line, values, list(cells)))
        return rows

    def title(self, key):
        return self.titles.get(key) or BY_KEY[key].title()

    # --- cleaning -----------------------------------------------------------------
    def _district(self, value):
        if isinstance(value, District):
            code = value.code
        else:
            if value in self._district_cache:
                return self._district_cache[value]
            code = self.districts.code_for(value) or self._damaged_district_code(value)
        district = self.districts.resolve(code) if code else None
        if not isinstance(value, District):
            self._district_cache[value] = district
        return district

    def _form_from_name(self, name):
        """The legal form a name starts with ("ОО «…»", "Инициативная группа …"), if any."""
        words = re.sub(r"[«»\"'“”„()]", " ", fold(name)).split()
        for length in (3, 2, 1):
            if len(words) > length:
                form = self.legal_forms.get(" ".join(words[:length]))
                if form:
                    return form
        return None

    def _damaged_district_code(self, text):
        """A name whose Kazakh letters a Windows-1251 save turned into '?' ("Б?рл?"):
        each '?' stands for one letter; accepted when exactly one district fits."""
        if "?" not in text:
            return None
        from cms_plugins.places.resolver import normalise

        noise = getattr(self.districts, "_noise", set())

        def is_noise(word):
            if "?" not in word:
                return False
            pattern = re.compile("^" + re.escape(word).replace(r"\?", ".") + "$")
            return any(pattern.match(n) for n in noise)

        words = [w for w in normalise(text).split() if w and not is_noise(w)]
        if not words:
            return None
        pattern = re.compile("^" + re.escape(" ".join(words)).replace(r"\?", ".") + "$")
        known = getattr(self.districts, "_by_key", {})
        codes = {code for key, code in known.items() if pattern.match(key)}
        return codes.pop() if len(codes) == 1 else None

    def _phone(self, text):
        """E.164 or None. Numbers of the +7 plan (Kazakhstan, Russia) typed in the usual
        ways skip the full parser: 10 national digits whose first six decide validity,
        checked once per prefix with the full parser."""
        digits = _PHONE_NOISE.sub("", text)
        match = _PLAN7.fullmatch(digits) if self._plan7 else None
        if match:
            national = match.group(1)
            prefix = national[:6]
            if prefix not in self._phone_cache:
                self._phone_cache[prefix] = normalise_phone("+7" + national) is not None
            return "+7" + national if self._phone_cache[prefix] else None
        return normalise_phone(text)

    def _date(self, value, key, errors):
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        text = _text(value)
        for fmt in _date_formats():
            try:
                return dt.datetime.strptime(text, fmt).date()
            except ValueError:
                continue
        errors.append(
            (self.title(key), _("“%(value)s” is not a date. Write it as 2024-03-31 or 31.03.2024.") % {"value": text})
        )
        return None

    def _datetime(self, value, key, errors):
        if isinstance(value, dt.datetime):
            moment = value
        elif isinstance(value, dt.date):
            moment = dt.datetime.combine(value, dt.time())
        else:
            text = _text(value).replace("T", " ")
            moment = None
            for fmt in ["%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%d.%m.%Y %H:%M:%S", "%d.%m.%Y %H:%M"]:
                try:
                    moment = dt.datetime.strptime(text, fmt)
                    break
                except ValueError:
                    continue
            if moment is None:
                day = self._date(text, key, [])
                moment = dt.datetime.combine(day, dt.time()) if day else None
            if moment is None:
                errors.append(
                    (
                        self.title(key),
                        _("“%(value)s” is not a date and time. Write it as 2024-03-31 14:30 or 31.03.2024 14:30.")
                        % {"value": text},
                    )
                )
                return None
        if timezone.is_naive(moment):
            moment = timezone.make_aware(moment)
        return moment.replace(microsecond=0)

    def _choice(self, text, key, table, errors, label, enum):
        value = table.get(fold(text))
        if value is None:
            label = {"legal_form": _("legal form"), "status": _("status"), "language": _("language")}[label]
            choices = [str(choice_label) for _value, choice_label in enum.choices]
            errors.append(
                (
                    self.title(key),
                    _("“%(value)s” is not a %(what)s we know. Use one of: %(choices)s.")
                    % {"value": text, "what": label, "choices": ", ".join(choices)},
                )
            )
        return value

    def _limit(self, model, field_name, text, key, errors):
        limit = model._meta.get_field(field_name).max_length
        if limit and len(text) > limit:
            errors.append(
                (
                    self.title(key),
                    _("At most %(max)s characters (this has %(length)s).") % {"max": limit, "length": len(text)},
                )
            )
            return False
        return True

    def clean(self, values):
        """(organisation values, person values, role, focus areas, errors): only filled cells."""
        errors, org, person, tags = [], {}, {}, []
        for key, raw in values.items():
            if key.startswith("_"):
                continue
            if isinstance(raw, District) or (isinstance(raw, dt.date) and key in {"registration_date", "consent_at"}):
                text = raw
            elif isinstance(raw, dt.date):
                text = raw.isoformat()
            else:
                text = _text(raw)
                if not text:
                    continue
            if key == "bin":
                number = clean_bin(text)
                if len(number) == 11 and number.isdigit() and check_digit("0" + number[:10]) == int(number[10]):
                    number = "0" + number  # a spreadsheet dropped the leading zero
                error = bin_error(number)
                if error:
                    errors.append((self.title(key), str(error)))
                else:
                    org["bin"] = number
            elif key == "legal_form":
                value = self._choice(text, key, self.legal_forms, errors, "legal_form", LegalForm)
                if value:
                    org["legal_form"] = value
            elif key == "status":
                value = self._choice(text, key, self.statuses, errors, "status", Status)
                if value:
                    org["status"] = value
            elif key == "preferred_language":
                value = self._choice(text, key, self.languages, errors, "language", Language)
                if value:
                    person["preferred_language"] = value
            elif key == "district":
                district = self._district(text)
                if district is None:
                    errors.append((self.title(key), _("“%(value)s” is not a district we know.") % {"value": text}))
                else:
                    org["district"] = district
            elif key == "registration_date":
                day = self._date(text, key, errors)
                if day:
                    org["registration_date"] = day
            elif key == "consent_at":
                moment = self._datetime(text, key, errors)
                if moment:
                    person["consent_at"] = moment
            elif key == "phone":
                phone = self._phone(text)
                if phone is None:
                    errors.append(
                        (
                            self.title(key),
                            _(
                                "“%(value)s” is not a phone number we recognise. "
                                "Write it as +7 701 123 45 67 or 8 701 123 45 67."
                            )
                            % {"value": text},
                        )
                    )
                else:
                    person["phone"] = phone
            elif key == "email":
                email = text.lower().removeprefix("mailto:")
                try:
                    validate_email(email)
                except ValidationError:
                    errors.append((self.title(key), _("“%(value)s” is not a valid e-mail address.") % {"value": text}))
                else:
                    if self._limit(Person, "email", email, key, errors):
                        person["email"] = email
            elif key == "mailing_opt_out":
                word = fold(text)
                if word in YES:
                    person["mailing_opt_out"] = True
                elif word in NO:
                    person["mailing_opt_out"] = False
                else:
                    errors.append((self.title(key), _("“%(value)s” is not yes or no.") % {"value": text}))
            elif key == "website":
                url = text if re.match(r"^[a-z][a-z0-9+.-]*://", text, re.I) else "https://" + text
                try:
                    URLValidator()(url)
                except ValidationError:
                    errors.append((self.title(key), _("“%(value)s” is not a web address.") % {"value": text}))
                else:
                    if self._limit(Organisation, "website", url, key, errors):
                        org["website"] = url
            elif key == "focus_areas":
                for tag in re.split(r"[;,\n]", text):
                    tag = re.sub(r"\s+", " ", tag).strip()
                    if tag and len(tag) <= 100:
                        tags.append(tag)
                org.setdefault("_tags", True)
            elif key == "role":
                if self._limit(Membership, "role", text, key, errors):
                    person["_role"] = text
            elif key in ORG_FIELDS:
                name = ORG_FIELDS[key]
                if self._limit(Organisation, name, text, key, errors):
                    org[name] = text
            elif key in PERSON_FIELDS:
                name = PERSON_FIELDS[key]
                if self._limit(Person, name, text, key, errors):
                    person[name] = text
        role = person.pop("_role", "")
        org.pop("_tags", None)
        if role and not org:
            org["_role_only"] = True
        return org, person, role, tags, errors

    # --- loading what exists ------------------------------------------------------
    def load(self, cleaned):
        bins, org_keys, emails, phones = set(), set(), set(), set()
        for _line, org, person, *_rest in cleaned:
            if org.get("bin"):
                bins.add(org["bin"])
            if org.get("name"):
                org_keys.add(self._name_key(org["name"]))
            if person.get("email"):
                emails.add(person["email"])
            if person.get("phone"):
                phones.add(person["phone"])
        orgs = {}
        for chunk in _chunks(bins):
            orgs.update({o.pk: o for o in Organisation.objects.filter(bin__in=chunk)})
        for chunk in _chunks(org_keys):
            orgs.update({o.pk: o for o in Organisation.objects.filter(name_key__in=chunk)})
        people = {}
        for chunk in _chunks(emails):
            people.update({p.pk: p for p in Person.objects.filter(email__in=chunk)})
        for chunk in _chunks(phones):
            people.update({p.pk: p for p in Person.objects.filter(phone__in=chunk)})
        memberships = {}
        for chunk in _chunks(orgs):
            for m in Membership.objects.filter(organisation_id__in=chunk).select_related("person"):
                memberships[m.pk] = m
                people.setdefault(m.person_id, m.person)
        for chunk in _chunks(people):
            for m in Membership.objects.filter(person_id__in=chunk):
                memberships[m.pk] = m
        tags = {}
        for chunk in _chunks(orgs):
            for org_id, tag in OrganisationFocusArea.objects.filter(content_object_id__in=chunk).values_list(
                "content_object_id", "tag__name"
            ):
                tags.setdefault(org_id, []).append(tag)

        self.org_entities = {pk: _Entity(o, False, tags.get(pk, ())) for pk, o in orgs.items()}
        self.person_entities = {pk: _Entity(p, False) for pk, p in people.items()}
        self.org_by_bin, self.org_by_name = {}, {}
        for entity in self.org_entities.values():
            self._index_org(entity)
        self.person_by_email, self.person_by_phone = {}, {}
        for entity in sorted(self.person_entities.values(), key=lambda e: e.obj.pk):
            self._index_person(entity)
        self.memberships = {}  # (id(org entity), id(person entity)) -> [membership, changed]
        self.members = {}  # id(org entity) -> person entities
        for m in memberships.values():
            org_entity = self.org_entities.get(m.organisation_id)
            person_entity = self.person_entities.get(m.person_id)
            if org_entity and person_entity:
                self._link(org_entity, person_entity, _Link(org_entity, person_entity, m.role, m.pk))

    def _index_org(self, entity):
        obj = entity.obj
        if obj.bin:
            self.org_by_bin.setdefault(obj.bin, entity)
        self.org_by_name.setdefault((obj.district_id, self._name_key(obj.name)), []).append(entity)

    def _index_person(self, entity):
        obj = entity.obj
        if obj.email:
            self.person_by_email.setdefault(obj.email, entity)
        if obj.phone:
            self.person_by_phone.setdefault(obj.phone, entity)

    def _link(self, org_entity, person_entity, membership):
        self.memberships[(id(org_entity), id(person_entity))] = [membership, False]
        self.members.setdefault(id(org_entity), []).append(person_entity)

    # --- matching -----------------------------------------------------------------
    def match_org(self, org):
        if org.get("bin") and org["bin"] in self.org_by_bin:
            return self.org_by_bin[org["bin"]]
        if org.get("name"):
            district = org.get("district")
            candidates = self.org_by_name.get((district.pk if district else None, self._name_key(org["name"])), [])
            for entity in candidates:
                if not entity.obj.bin or not org.get("bin"):
                    return entity
        return None

    def match_person(self, person, org_entity):
        email, phone = person.get("email"), person.get("phone")
        if email and email in self.person_by_email:
            return self.person_by_email[email]
        if phone and phone in self.person_by_phone:
            entity = self.person_by_phone[phone]
            if not email or not entity.obj.email:
                return entity
        if person.get("full_name") and org_entity is not None:
            key = person_key(person["full_name"])
            for entity in self.members.get(id(org_entity), []):
                obj = entity.obj
                if obj.name_key != key and person_key(obj.full_name) != key:
                    continue
                if email and obj.email and obj.email != email:
                    continue
                if phone and obj.phone and obj.phone != phone:
                    continue
                return entity
        return None

    # --- planning -----------------------------------------------------------------
    def _apply(self, entity, values, titles_by_field, changes):
        obj = entity.obj
        for name, value in values.items():
            if name.startswith("_"):
                continue
            if name == "district":
                if obj.district_id != value.pk:
                    obj.district = value
                    entity.changed.add("district")
                    changes.append(titles_by_field[name])
                continue
            current = getattr(obj, name)
            # The same name in another spelling (case, quotes, Kazakh letters) is no change.
            if name == "name" and current and self._name_key(current) == self._name_key(value):
                continue
            if name == "full_name" and current and person_key(current) == person_key(value):
                continue
            if name == "consent_at" and current is not None:
                current = current.replace(microsecond=0)
            if current != value:
                setattr(obj, name, value)
                entity.changed.add(name)
                changes.append(titles_by_field[name])

    def plan(self, rows):
        """Clean, match and apply every row in memory; returns the RowOutcomes."""
        cleaned = []
        for line, values, cells in rows:
            org, person, role, tags, errors = self.clean(values)
            cleaned.append((line, org, person, role, tags, errors, cells))
        self.load(cleaned)
        org_titles = {name: self.title(key) for key, name in ORG_FIELDS.items()}
        person_titles = {name: self.title(key) for key, name in PERSON_FIELDS.items()}
        outcomes = []
        for line, org, person, role, tags, errors, cells in cleaned:
            outcome = RowOutcome(line=line, cells=cells)
            outcomes.append(outcome)
            if org.pop("_role_only", False):
                errors.append(
                    (self.title("role"), _("A role is given but no organisation: fill in the organisation's columns."))
                )
            if not org and not person and not tags and not errors:
                errors.append(("", _("The row has neither an organisation nor a person.")))
            if tags and not org:
                errors.append((self.title("org_name"), _("Focus areas are given but no organisation.")))
            org_entity = self.match_org(org) if org and not errors else None
            if org and org_entity is None and not org.get("name"):
                errors.append(
                    (self.title("org_name"), _("The organisation's name is missing, and no organisation has this BIN."))
                )
            if org and not errors:
                stored = org_entity.obj if org_entity else None
                if "legal_form" not in org and (stored is None or stored.legal_form == LegalForm.OTHER):
                    inferred = self._form_from_name(org.get("name") or (stored.name if stored else ""))
                    if inferred:
                        org["legal_form"] = inferred
                bin_value = org.get("bin") or (stored.bin if stored else "")
                form = org.get("legal_form") or (stored.legal_form if stored else LegalForm.OTHER)
                if not bin_value and form not in NO_BIN_FORMS:
                    errors.append(
                        (self.title("bin"), _("A BIN is required unless the legal form is initiative group."))
                    )
            person_entity = self.match_person(person, org_entity) if person and not errors else None
            if person and person_entity is None and not person.get("full_name") and not errors:
                errors.append(
                    (
                        self.title("full_name"),
                        _("The person's full name is missing, and no person has this e-mail or phone."),
                    )
                )
            if errors:
                outcome.status = INVALID
                outcome.errors = errors
                continue
            created = False
            if org:
                if org_entity is None:
                    org_entity = _Entity(self._new_org(source=self.source), True)
                    self.org_entities[("new", id(org_entity))] = org_entity
                    outcome.organisation = NEW
                    created = True
                before = len(outcome.changes)
                self._apply(org_entity, org, org_titles, outcome.changes)
                if org_entity.is_new or "bin" in org_entity.changed:
                    self._index_org(org_entity)
                added = [t for t in tags if fold(t) not in org_entity.tags]
                for tag in added:
                    org_entity.tags.add(fold(tag))
                    org_entity.new_tags.append(tag)
                if added:
                    outcome.changes.append(self.title("focus_areas"))
                if not outcome.organisation:
                    outcome.organisation = UPDATED if len(outcome.changes) > before else UNCHANGED
                outcome.org_obj = org_entity.obj
            if person:
                if person_entity is None:
                    person_entity = _Entity(self._new_person(source=self.source), True)
                    self.person_entities[("new", id(person_entity))] = person_entity
                    outcome.person = NEW
                    created = True
                before = len(outcome.changes)
                self._apply(person_entity, person, person_titles, outcome.changes)
                if person_entity.is_new or {"email", "phone"} & person_entity.changed:
                    self._index_person(person_entity)
                if org_entity is not None:
                    link = self.memberships.get((id(org_entity), id(person_entity)))
                    if link is None:
                        self._link(org_entity, person_entity, _Link(org_entity, person_entity, role))
                        self.memberships[(id(org_entity), id(person_entity))][1] = True
                        outcome.changes.append(self.title("org_name"))
                    elif role and link[0].role != role:
                        link[0].role = role
                        link[1] = True
                        outcome.changes.append(self.title("role"))
                if not outcome.person:
                    outcome.person = UPDATED if len(outcome.changes) > before else UNCHANGED
                outcome.person_obj = person_entity.obj
            if created:
                outcome.status = NEW
            elif outcome.changes:
                outcome.status = UPDATED
        return outcomes

    # --- writing ------------------------------------------------------------------
    def write(self):
        now = timezone.now()
        org_entities = list(self.org_entities.values())
        person_entities = list(self.person_entities.values())
        new_orgs = [e.obj for e in org_entities if e.is_new]
        for obj in new_orgs:
            obj.name_key = self._name_key(obj.name)
            obj.created_at = obj.updated_at = now
        bulk.insert_returning_ids(Organisation, new_orgs)
        changed_orgs = [e for e in org_entities if not e.is_new and e.changed]
        if changed_orgs:
            fields = {"district_id" if f == "district" else f for f in set().union(*(e.changed for e in changed_orgs))}
            for entity in changed_orgs:
                entity.obj.updated_at = now
                entity.obj.name_key = self._name_key(entity.obj.name)
            bulk.update_rows(Organisation, [e.obj for e in changed_orgs], sorted(fields | {"updated_at", "name_key"}))

        new_people = [e.obj for e in person_entities if e.is_new]
        for obj in new_people:
            obj.name_key = person_key(obj.full_name)
            obj.created_at = obj.updated_at = now
        bulk.insert_returning_ids(Person, new_people)
        changed_people = [e for e in person_entities if not e.is_new and e.changed]
        if changed_people:
            fields = set().union(*(e.changed for e in changed_people))
            for entity in changed_people:
                entity.obj.updated_at = now
                entity.obj.name_key = person_key(entity.obj.full_name)
            bulk.update_rows(Person, [e.obj for e in changed_people], sorted(fields | {"updated_at", "name_key"}))

        new_links, changed_links = [], []
        for link, changed in self.memberships.values():
            if link.pk is None:
                new_links.append((link.org.obj.pk, link.person.obj.pk, link.role))
            elif changed:
                changed_links.append((link.role, link.pk))
        bulk.insert_rows(Membership, ["organisation", "person", "role"], new_links)
        if changed_links:
            from django.db import connection

            table = connection.ops.quote_name(Membership._meta.db_table)
            with connection.cursor() as cursor:
                cursor.executemany(f"UPDATE {table} SET role = %s WHERE id = %s", changed_links)  # noqa: S608
        self._write_tags(org_entities)

    def _write_tags(self, org_entities):
        wanted = {}
        for entity in org_entities:
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
        links = [(entity.obj.pk, known[fold(tag)].pk) for entity in org_entities for tag in entity.new_tags]
        bulk.insert_rows(OrganisationFocusArea, ["content_object", "tag"], links)

    # --- the whole run ------------------------------------------------------------
    def run_rows(self, rows, result=None):
        result = result or ImportResult()
        started = time.perf_counter()
        result.dry_run = self.dry_run
        outcomes = self.plan(rows)
        result.rows = outcomes
        if result.file_errors:
            for outcome in outcomes:
                if outcome.status != INVALID:
                    outcome.status = INVALID
                    outcome.errors = [("", result.file_errors[0])]
        blocked = bool(result.file_errors) or (bool(result.invalid_rows) and not self.skip_invalid)
        org_new = {id(e) for e in self.org_entities.values() if e.is_new}
        result.organisations_new = len(org_new)
        result.organisations_updated = sum(
            1
            for e in self.org_entities.values()
            if not e.is_new and (e.changed or e.new_tags or self._links_changed(e, "org"))
        )
        result.people_new = sum(1 for e in self.person_entities.values() if e.is_new)
        result.people_updated = sum(
            1 for e in self.person_entities.values() if not e.is_new and (e.changed or self._links_changed(e, "person"))
        )
        if not self.dry_run and not blocked:
            with transaction.atomic():
                self.write()
            result.imported = True
        result.seconds = time.perf_counter() - started
        return result

    def _links_changed(self, entity, side):
        if not hasattr(self, "_changed_link_ids"):
            self._changed_link_ids = {"org": set(), "person": set()}
            for (org_id, person_id), (_m, changed) in self.memberships.items():
                if changed:
                    self._changed_link_ids["org"].add(org_id)
                    self._changed_link_ids["person"].add(person_id)
        return id(entity) in self._changed_link_ids[side]

    def run_table(self, table):
        result = ImportResult()
        rows = self.rows_from_table(table, result)
        return self.run_rows(rows, result)
