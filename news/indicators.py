"""What news offers the programme's monitoring (the contract in ``monitoring/sources.py``):
facts as rows of plain values, one query each. Monitoring finds this module by name."""

from django.db.models import F
from django.db.models.functions import Coalesce

from .models import NewsPage

# Changes to these models change the facts below (monitoring's cache is renewed on them).
MODELS = ["news.NewsPage"]


def meetings():
    """One row per district-meeting report and district: the day of the meeting, the district's
    code, the participants, and the meeting (its translation key: one meeting in every language)."""
    return (
        NewsPage.objects.live()
        .public()
        .meetings()
        .values(
            fact_day=Coalesce(F("meeting_date"), F("date")),
            fact_district=F("districts__code"),
            fact_amount=F("participants"),
            fact_subject=F("translation_key"),
        )
    )
