"""Figures the public site may show: counts only, never a name, phone or e-mail."""

from django.db.models import Count, Subquery
from django.db.models.functions import Coalesce

from .models import Organisation


def organisations_count_for(district_code):
    """An expression to annotate districts with: organisations (not closed) in the district
    ``district_code`` (a code, or ``OuterRef("code")``)."""
    rows = (
        Organisation.objects.exclude(status="closed")
        .filter(district__code=district_code)
        .values("district__code")
        .annotate(n=Count("id", distinct=True))
        .values("n")
    )
    return Coalesce(Subquery(rows[:1]), 0)
