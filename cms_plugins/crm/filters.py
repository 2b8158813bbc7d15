"""Filters and search of the admin lists (shared by the lists and their export)."""

import django_filters
from django.conf import settings
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet

from cms_plugins.bin import clean_bin
from cms_plugins.phone import normalise_phone
from cms_plugins.places.models import District

from .models import (
    FocusArea,
    Interaction,
    InteractionKind,
    Language,
    LegalForm,
    Membership,
    Organisation,
    Person,
    Status,
)
from .names import name_key, person_key


def _districts(request=None):
    return District.objects.filter(locale__language_code=settings.LANGUAGE_CODE).order_by("sort_order", "name")


class OrganisationFilterSet(WagtailFilterSet):
    district = django_filters.ModelChoiceFilter(
        label=_("district"), queryset=_districts, method="filter_district", empty_label=_("any")
    )
    legal_form = django_filters.ChoiceFilter(label=_("legal form"), choices=LegalForm.choices, empty_label=_("any"))
    status = django_filters.ChoiceFilter(label=_("activity status"), choices=Status.choices, empty_label=_("any"))
    focus_areas = django_filters.ModelMultipleChoiceFilter(
        label=_("focus areas"), queryset=FocusArea.objects.order_by("name"), method="filter_focus_areas"
    )
    has_bin = django_filters.BooleanFilter(label=_("has a BIN"), method="filter_has_bin")

    class Meta:
        model = Organisation
        fields = ["district", "legal_form", "status", "focus_areas", "has_bin"]

    def filter_district(self, queryset, name, value):
        # A record may point at the district in any language: compare the translation key.
        return queryset.filter(district__translation_key=value.translation_key) if value else queryset

    def filter_focus_areas(self, queryset, name, value):
        if not value:
            return queryset
        return queryset.filter(
            pk__in=Organisation.focus_areas.through.objects.filter(tag__in=value).values("content_object_id")
        )

    def filter_has_bin(self, queryset, name, value):
        if value is None:
            return queryset
        return queryset.exclude(bin="") if value else queryset.filter(bin="")


class PersonFilterSet(WagtailFilterSet):
    preferred_language = django_filters.ChoiceFilter(
        label=_("preferred language"), choices=Language.choices, empty_label=_("any")
    )
    mailing_opt_out = django_filters.BooleanFilter(label=_("no mailings"))
    district = django_filters.ModelChoiceFilter(
        label=_("district of their organisation"), queryset=_districts, method="filter_district", empty_label=_("any")
    )
    has_consent = django_filters.BooleanFilter(label=_("consent recorded"), method="filter_consent")

    class Meta:
        model = Person
        fields = ["preferred_language", "mailing_opt_out", "district", "has_consent"]

    def filter_district(self, queryset, name, value):
        if not value:
            return queryset
        links = Membership.objects.filter(organisation__district__translation_key=value.translation_key)
        return queryset.filter(pk__in=links.values("person_id"))

    def filter_consent(self, queryset, name, value):
        if value is None:
            return queryset
        return queryset.exclude(consent_version="") if value else queryset.filter(consent_version="")


class InteractionFilterSet(WagtailFilterSet):
    kind = django_filters.ChoiceFilter(label=_("kind"), choices=InteractionKind.choices, empty_label=_("any"))
    date = django_filters.DateFromToRangeFilter(label=_("date"), widget=DateRangePickerWidget)

    class Meta:
        model = Interaction
        fields = ["kind", "date"]


# At most this many organisations found through their people go into a search as ids.
PEOPLE_IDS_INLINE = 500


def search_organisations(queryset, query):
    """By name (any case, Kazakh letters folded, legal-form words ignored), BIN, people's phone or e-mail."""
    query = (query or "").strip()
    if not query:
        return queryset
    condition = Q(name_key__contains=name_key(query)) | Q(short_name__icontains=query)
    digits = clean_bin(query)
    if digits.isdigit() and len(digits) >= 4:
        condition |= Q(bin__contains=digits)
    people = _people_condition(query)
    if people is not None:
        links = Membership.objects.filter(person__in=Person.objects.filter(people)).values_list(
            "organisation_id", flat=True
        )
        # The organisations of the people found, fetched first when they are a few (a
        # phone, an address): PostgreSQL then joins the name, BIN and id conditions
        # through their indexes; a subquery inside the OR made it test every organisation.
        found = list(links[: PEOPLE_IDS_INLINE + 1])
        condition |= Q(pk__in=found if len(found) <= PEOPLE_IDS_INLINE else links)
    return queryset.filter(condition)


def _people_condition(query):
    condition = None
    if "@" in query:
        condition = Q(email__icontains=query.lower())
    phone = normalise_phone(query)
    if phone:
        condition = Q(phone=phone) if condition is None else condition | Q(phone=phone)
    return condition


def search_people(queryset, query):
    """By full name (any case, Kazakh letters folded), e-mail or phone typed any way."""
    query = (query or "").strip()
    if not query:
        return queryset
    condition = Q(name_key__contains=person_key(query)) | Q(email__icontains=query.lower())
    extra = _people_condition(query)
    if extra is not None:
        condition |= extra
    return queryset.filter(condition)
