"""Figures the public site may show: counts only, never a name, phone or e-mail."""

from django.db.models import Count
from django.utils import translation

from cms_plugins.places.models import District

from .models import Organisation


def organisations_per_district(language=None, queryset=None):
    """[{"code", "name", "count"}] for every district in its order, zeros included.

    Counts organisations that are not closed.
    """
    language = language or translation.get_language() or "ru"
    queryset = queryset if queryset is not None else Organisation.objects.exclude(status="closed")
    counts = dict(
        queryset.filter(district__isnull=False)
        .values("district__translation_key")
        .annotate(n=Count("id"))
        .values_list("district__translation_key", "n")
    )
    rows, seen = [], set()
    districts = District.objects.in_order().select_related("locale")
    by_key = {}
    for district in districts:
        by_key.setdefault(district.translation_key, {})[district.locale.language_code] = district
    for district in districts:
        if district.translation_key in seen:
            continue
        seen.add(district.translation_key)
        names = by_key[district.translation_key]
        shown = names.get(language) or district
        rows.append({"code": district.code, "name": shown.name, "count": counts.get(district.translation_key, 0)})
    return rows
