"""What grants offers the programme's monitoring (the contract in ``monitoring/sources.py``):
facts as rows of plain values, one query each. Monitoring finds this module by name."""

from django.db.models import F
from django.db.models.functions import TruncDate
from django.utils import timezone

from .grant_records import Tranche
from .grant_reports import GrantReport

# Changes to these models change the facts below (monitoring's cache is renewed on them).
MODELS = ["grants.Tranche", "grants.GrantReport"]


def disbursements():
    """One row per tranche paid: the day it was paid, the grantee's district and the amount in ₸."""
    return Tranche.objects.filter(paid_on__isnull=False).values(
        fact_day=F("paid_on"),
        fact_district=F("grant__application__district_code"),
        fact_amount=F("amount"),
        fact_subject=F("pk"),
    )


def reports_accepted():
    """One row per grantee report accepted: the day of the decision (in the site's time zone), the
    grantee's district, and the report."""
    return GrantReport.objects.filter(status="accepted").values(
        fact_day=TruncDate("decided_at", tzinfo=timezone.get_current_timezone()),
        fact_district=F("grant__application__district_code"),
        fact_subject=F("pk"),
    )
