"""Figures the public site may show: counts only, never a name, phone or e-mail."""

from django.db.models import Count

from .models import Organisation


def organisations_per_district():
    """{district code: number of organisations that are not closed}, in one query.

    District codes are the same in every language; districts with none are absent.
    """
    rows = (
        Organisation.objects.exclude(status="closed")
        .filter(district__isnull=False)
        .values("district__code")
        .annotate(n=Count("id", distinct=True))
    )
    return {row["district__code"]: row["n"] for row in rows}
