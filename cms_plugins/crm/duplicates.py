"""Probable duplicates: records the import rules could not join but a person would.

Organisations: the same normalised name (in any district, or with one district
missing). People: the same phone, or the same normalised full name. Groups are
shown for a coordinator to decide; nothing is merged automatically.
"""

from django.db.models import Count

from .models import Organisation, Person

LIMIT = 100


def organisation_groups(limit=LIMIT):
    keys = list(
        Organisation.objects.exclude(name_key="")
        .values("name_key")
        .annotate(n=Count("*"))  # COUNT(*), not COUNT(id): answered from the index alone
        .filter(n__gt=1)
        .order_by("name_key")
        .values_list("name_key", flat=True)[:limit]
    )
    records = Organisation.objects.filter(name_key__in=keys).select_related("district").with_people_count()
    groups = {}
    for org in records.order_by("name_key", "pk"):
        groups.setdefault(org.name_key, []).append(org)
    return [group for group in groups.values() if len(group) > 1]


def people_groups(limit=LIMIT):
    groups = {}
    for field in ("phone", "name_key"):
        values = list(
            Person.objects.named()
            .exclude(**{field: ""})
            .values(field)
            .annotate(n=Count("*"))  # from the partial indexes alone (Person.Meta.indexes)
            .filter(n__gt=1)
            .order_by(field)
            .values_list(field, flat=True)[:limit]
        )
        for person in Person.objects.filter(**{f"{field}__in": values}).order_by(field, "pk"):
            groups.setdefault((field, getattr(person, field)), []).append(person)
    seen, result = set(), []
    for (field, _value), people in groups.items():
        ids = frozenset(p.pk for p in people)
        if len(ids) > 1 and ids not in seen:
            seen.add(ids)
            result.append((field, people))
    return result[:limit]
