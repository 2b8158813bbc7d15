"""Figures the public site may show: counts only, never a name, phone or e-mail."""

from django.db.models import Count, F, Subquery
from django.db.models.functions import Coalesce, TruncDate

from .models import Interaction, Organisation


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


# --- facts for a site's monitoring: rows of plain values (ids, codes, dates), never a name ---
# Changes to these models change the facts below.
FACT_MODELS = ["crm.Organisation", "crm.Interaction"]


def organisation_facts():
    """One row per organisation not closed: the day it was recorded (in the site's time zone), its
    district, its status (``kind``), whether its district is a city (``flag``), and its id."""
    return Organisation.objects.exclude(status="closed").values(
        fact_day=TruncDate("created_at"),
        fact_district=F("district__code"),
        fact_kind=F("status"),
        fact_flag=F("district__is_city"),
        fact_subject=F("pk"),
    )


def registration_facts():
    """One row per organisation with a registration date: the day it was registered."""
    return Organisation.objects.filter(registration_date__isnull=False).values(
        fact_day=F("registration_date"), fact_district=F("district__code"), fact_subject=F("pk")
    )


def interaction_facts(kind):
    """One row per history entry of ``kind`` (e.g. "consultation"): its day and the organisation's district."""
    return Interaction.objects.filter(kind=kind).values(
        fact_day=F("date"), fact_district=F("organisation__district__code"), fact_subject=F("pk")
    )
