"""The API other apps use (grants, trainings) and the public figures."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db.models import OuterRef
from django.utils import timezone

from cms_plugins.crm import aggregates
from cms_plugins.crm.models import Interaction, Membership, Organisation, Person
from cms_plugins.crm.services import (
    anonymise_person,
    merge_organisations,
    merge_people,
    record_interaction,
    upsert_contact,
)
from cms_plugins.places.models import District
from cms_plugins.places.resolver import resolve_district

from .conftest import BINS

pytestmark = pytest.mark.django_db


def test_upsert_contact_creates_then_matches_with_the_import_rules(coordinator):
    """Protects the grants contract: the same applicant twice is one organisation and one person."""
    org, person = upsert_contact(
        organisation={"name": "ОО «Жас Өркен»", "legal_form": "public_association", "bin": BINS[0], "district": "Бөрлі"},
        person={"full_name": "Айгуль", "phone": "8 701 123 45 67", "email": "A@B.kz", "consent_version": "v1",
                "consent_at": timezone.now(), "consent_method": "online form"},
        role="председатель", source="grant application", user=coordinator,
    )  # fmt: skip
    assert (org.district.code, person.phone, person.email, org.source) == (
        "burli",
        "+77011234567",
        "a@b.kz",
        "grant application",
    )
    again_org, again_person = upsert_contact(
        organisation={"name": "жас өркен", "bin": BINS[0]}, person={"full_name": "", "email": "a@b.kz", "phone": ""}
    )
    assert (again_org.pk, again_person.pk) == (org.pk, person.pk)
    assert again_person.phone == "+77011234567"  # blanks never erase
    assert Membership.objects.get().role == "председатель"


def test_upsert_contact_accepts_a_district_instance_in_any_language():
    """Protects callers holding a District: any language's row means the same district."""
    kazakh = District.objects.get(code="taskala", locale__language_code="kk")
    org, _person = upsert_contact(organisation={"name": "ИГ Б", "legal_form": "initiative_group", "district": kazakh})
    assert org.district.code == "taskala"


def test_upsert_contact_refuses_invalid_values_naming_the_field():
    """Protects data quality from forms: an invalid BIN raises ValidationError naming the field."""
    with pytest.raises(ValidationError) as caught:
        upsert_contact(organisation={"name": "ОО", "bin": "123"})
    assert "BIN" in caught.value.messages[0] or "БИН" in caught.value.messages[0]
    assert not Organisation.objects.exists()


def test_record_interaction(coordinator):
    """Protects history entries written by other apps: kind, text, who and when are kept."""
    org = Organisation.objects.create(name="ОО", bin=BINS[1])
    entry = record_interaction(kind="application", text="Заявка на грант", organisation=org, user=coordinator)
    assert (entry.kind, entry.recorded_by, entry.date) == ("application", coordinator, timezone.localdate())
    with pytest.raises(ValidationError):
        record_interaction(kind="gossip", text="", organisation=org)


def test_merge_organisations_keeps_every_history_entry_and_person(coordinator):
    """Protects history: merging duplicates moves all entries, people and tags to the kept record."""
    kept = Organisation.objects.create(name="ОО Ромашка", district=resolve_district("Уральск"))
    twin = Organisation.objects.create(name="Ромашка", bin=BINS[2], website="https://r.kz")
    twin.focus_areas.add("экология")
    a, b = Person.objects.create(full_name="А"), Person.objects.create(full_name="Б")
    Membership.objects.create(person=a, organisation=kept, role="")
    Membership.objects.create(person=a, organisation=twin, role="председатель")
    Membership.objects.create(person=b, organisation=twin, role="бухгалтер")
    for org in (kept, twin, twin):
        Interaction.objects.create(kind="consultation", organisation=org, text="x")
    merged = merge_organisations(kept, twin, user=coordinator)
    assert not Organisation.objects.filter(pk=twin.pk).exists()
    assert merged.interactions.filter(kind="consultation").count() == 3
    assert merged.interactions.filter(kind="note").count() == 1  # the merge itself is recorded
    assert sorted(merged.memberships.values_list("person__full_name", "role")) == [
        ("А", "председатель"),
        ("Б", "бухгалтер"),
    ]
    assert (merged.bin, merged.website) == (BINS[2], "https://r.kz")
    assert [t.name for t in merged.focus_areas.all()] == ["экология"]


def test_merge_people_keeps_history_and_memberships():
    """Protects people's history: a merged person's entries and organisations move to the kept one."""
    org = Organisation.objects.create(name="ОО", bin=BINS[3])
    kept = Person.objects.create(full_name="Айгуль", phone="+77011234567")
    twin = Person.objects.create(full_name="Айгуль А.", email="a@b.kz")
    Membership.objects.create(person=twin, organisation=org, role="волонтёр")
    Interaction.objects.create(kind="training", person=twin)
    merged = merge_people(kept, twin)
    assert (merged.email, merged.phone) == ("a@b.kz", "+77011234567")
    assert merged.interactions.filter(kind="training").count() == 1
    assert merged.memberships.get().organisation == org


def test_anonymise_removes_personal_fields_and_keeps_counts():
    """Protects the right to erasure: no name, phone, e-mail or text remains; entries and links still count."""
    org = Organisation.objects.create(name="ОО", bin=BINS[4])
    person = Person.objects.create(
        full_name="Айгуль", phone="+77011234567", email="a@b.kz", consent_version="v1",
        consent_at=timezone.make_aware(dt.datetime(2025, 1, 1)), notes="позвонить",
    )  # fmt: skip
    Membership.objects.create(person=person, organisation=org, role="председатель")
    Interaction.objects.create(kind="consultation", person=person, organisation=org, text="Айгуль спросила о гранте")
    anonymise_person(person)
    person.refresh_from_db()
    assert (person.full_name, person.phone, person.email, person.notes, person.consent_at) == ("", "", "", "", None)
    assert person.anonymised_at is not None
    assert "Айгуль" not in str(person)
    assert org.interactions.count() == 1 and org.memberships.count() == 1
    assert not Interaction.objects.filter(text__contains="Айгуль").exists()


def test_public_aggregates_count_organisations_per_district_without_personal_data():
    """Protects the public pages: counts of open organisations per district, and nothing personal."""
    Organisation.objects.create(name="А", bin=BINS[5], district=resolve_district("Уральск"))
    Organisation.objects.create(name="Б", bin=BINS[6], district=resolve_district("Таскала"))
    Organisation.objects.create(name="В", bin=BINS[7], district=resolve_district("Таскала"))
    Organisation.objects.create(name="Г", bin=BINS[8], district=resolve_district("Таскала"), status="closed")
    Person.objects.create(full_name="Секретная Персона", email="secret@b.kz")
    districts = District.objects.filter(locale__language_code="kk").annotate(
        n=aggregates.organisations_count_for(OuterRef("code"))
    )
    counts = {district.code: district.n for district in districts if district.n}
    assert counts == {"uralsk": 1, "taskala": 2}
    assert "Секретная" not in repr(counts)
