"""Which organisation and person a row means: the matching rules, as an instance loader.

- Organisations match by BIN, then by normalised name + district (only a record
  without a BIN, or a row without one, matches by name).
- People match by e-mail, then by phone (only when the e-mails do not disagree),
  then by normalised full name among the organisation's people (only when their
  contacts do not disagree).

``ContactIndex`` holds the records a file may mean, loaded in a few queries before
the import (``ContactResource.before_import``), and the records earlier rows of the
same file create, so a file that repeats an organisation on every person's row makes
one organisation — in the dry run too, where nothing is written.
"""

from import_export.instance_loaders import BaseInstanceLoader

from .models import Membership, Organisation, OrganisationFocusArea, Person
from .names import fold, person_key

CHUNK = 500


def chunks(values):
    values = list(values)
    for start in range(0, len(values), CHUNK):
        yield values[start : start + CHUNK]


class Entity:
    """A model instance (stored or new) and what this import changed on it."""

    __slots__ = ("changed", "is_new", "new_tags", "obj", "tags", "touched")

    def __init__(self, obj, is_new, tags=()):
        self.obj = obj
        self.is_new = is_new
        self.changed = set()  # field names waiting to be written
        self.touched = False  # changed at all by this import (for the counts)
        self.tags = {fold(t) for t in tags}
        self.new_tags = []  # focus areas waiting to be written


class Link:
    """A membership between two entities: stored (``obj``) or new (``obj`` is None
    until it is written, so a dry run builds no Membership at all)."""

    __slots__ = ("changed", "obj", "org", "person", "role")

    def __init__(self, org, person, obj=None, role=""):
        self.org = org
        self.person = person
        self.obj = obj
        self.role = obj.role if obj is not None else role
        self.changed = False


class ContactIndex:
    def __init__(self, name_key):
        self.name_key = name_key
        self.orgs, self.people = [], []
        self.org_by_bin, self.org_by_name = {}, {}
        self.person_by_email, self.person_by_phone = {}, {}
        self.links = {}  # (id(org entity), id(person entity)) -> Link
        self.pending_links = []  # links new or changed since the last write
        self.members = {}  # id(org entity) -> person entities

    def forget(self):
        """Drop every record held (a batch is written: the next batch finds them stored)."""
        self.__init__(self.name_key)

    def prefetch(self, bins, org_keys, emails, phones):
        """Load the stored records these keys may mean, with their people and tags
        (records already held are kept as they are, not loaded twice)."""
        known_orgs = {e.obj.pk for e in self.orgs if e.obj.pk is not None}
        known_people = {e.obj.pk for e in self.people if e.obj.pk is not None}
        orgs = {}
        for chunk in chunks(bins):
            orgs.update({o.pk: o for o in Organisation.objects.filter(bin__in=chunk)})
        for chunk in chunks(org_keys):
            orgs.update({o.pk: o for o in Organisation.objects.filter(name_key__in=chunk)})
        people = {}
        for chunk in chunks(emails):
            people.update({p.pk: p for p in Person.objects.filter(email__in=chunk)})
        for chunk in chunks(phones):
            people.update({p.pk: p for p in Person.objects.filter(phone__in=chunk)})
        memberships = {}
        for chunk in chunks(orgs):
            memberships.update({m.pk: m for m in Membership.objects.filter(organisation_id__in=chunk)})
        missing = {m.person_id for m in memberships.values()} - set(people)
        for chunk in chunks(missing):
            people.update({p.pk: p for p in Person.objects.filter(pk__in=chunk)})
        for chunk in chunks(people):
            memberships.update({m.pk: m for m in Membership.objects.filter(person_id__in=chunk)})
        tags = {}
        for chunk in chunks(orgs):
            pairs = OrganisationFocusArea.objects.filter(content_object_id__in=chunk).values_list(
                "content_object_id", "tag__name"
            )
            for org_id, tag in pairs:
                tags.setdefault(org_id, []).append(tag)
        org_entities = {e.obj.pk: e for e in self.orgs if e.obj.pk in orgs}
        person_entities = {e.obj.pk: e for e in self.people if e.obj.pk in people}
        for pk, o in sorted(orgs.items()):
            if pk not in known_orgs:
                org_entities[pk] = self.add_org(Entity(o, False, tags.get(pk, ())))
        for pk, p in sorted(people.items()):
            if pk not in known_people:
                person_entities[pk] = self.add_person(Entity(p, False))
        for m in memberships.values():
            org, person = org_entities.get(m.organisation_id), person_entities.get(m.person_id)
            if org and person and self.link(org, person) is None:
                self.add_link(Link(org, person, m))

    # --- indexes ------------------------------------------------------------------
    def add_org(self, entity):
        self.orgs.append(entity)
        self.index_org(entity)
        return entity

    def add_person(self, entity):
        self.people.append(entity)
        self.index_person(entity)
        return entity

    def index_org(self, entity):
        obj = entity.obj
        if obj.bin:
            self.org_by_bin.setdefault(obj.bin, entity)
        self.org_by_name.setdefault((obj.district_id, self.name_key(obj.name)), []).append(entity)

    def index_person(self, entity):
        obj = entity.obj
        if obj.email:
            self.person_by_email.setdefault(obj.email, entity)
        if obj.phone:
            self.person_by_phone.setdefault(obj.phone, entity)

    def add_link(self, link):
        self.links[(id(link.org), id(link.person))] = link
        self.members.setdefault(id(link.org), []).append(link.person)
        return link

    def link(self, org, person):
        return self.links.get((id(org), id(person)))

    # --- the matching rules -------------------------------------------------------
    def match_org(self, bin_value, name, district):
        if bin_value and bin_value in self.org_by_bin:
            return self.org_by_bin[bin_value]
        if name:
            key = (district.pk if district else None, self.name_key(name))
            for entity in self.org_by_name.get(key, []):
                if not entity.obj.bin or not bin_value:
                    return entity
        return None

    def match_person(self, email, phone, full_name, org):
        if email and email in self.person_by_email:
            return self.person_by_email[email]
        if phone and phone in self.person_by_phone:
            entity = self.person_by_phone[phone]
            if not email or not entity.obj.email:
                return entity
        members = self.members.get(id(org)) if org is not None else None
        if full_name and members:
            key = person_key(full_name)
            for entity in members:
                obj = entity.obj
                if obj.name_key != key and person_key(obj.full_name) != key:
                    continue
                if email and obj.email and obj.email != email:
                    continue
                if phone and obj.phone and obj.phone != phone:
                    continue
                return entity
        return None


class ContactInstanceLoader(BaseInstanceLoader):
    """import-export's instance loader: the row's organisation and person, if known."""

    def get_instance(self, row):
        resource = self.resource
        keys = resource.match_keys()
        index = resource.index
        org = None
        if keys.get("bin") or keys.get("org_name"):
            org = index.match_org(keys.get("bin"), keys.get("org_name"), keys.get("district"))
        person = None
        if keys.get("email") or keys.get("phone") or keys.get("full_name"):
            person = index.match_person(keys.get("email"), keys.get("phone"), keys.get("full_name"), org)
        if org is None and person is None:
            return None
        return resource.contact_class(org=org, person=person)
