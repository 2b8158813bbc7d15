"""The programme's indicators, in code: key, name, unit, and how each is computed from the facts.

Computation kinds (``compute.py`` applies them to the facts of ``source``):
- ``count``: how many; with a ``subject`` in the facts, how many different subjects
  (a meeting reported in three languages counts once, a person trained twice once);
- ``sum``: the ``amount`` added up (participants, tenge), each subject once in a total;
- ``districts``: how many different districts;
- ``share``: the percentage of the facts matching ``numerator`` among all.
A ``flow`` counts what happened in a period (meetings held in 2026); a ``stock`` counts
everything recorded up to the period's end (NGOs known at the end of 2026).
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

UNITS = {
    "count": pgettext_lazy("indicator unit", "number"),
    "people": pgettext_lazy("indicator unit", "people"),
    "districts": pgettext_lazy("indicator unit", "districts"),
    "percent": pgettext_lazy("indicator unit", "%"),
    "tenge": pgettext_lazy("indicator unit", "₸"),
}


@dataclass(frozen=True)
class Indicator:
    key: str
    name: object  # a lazy translation: the name in kk, ru and en
    unit: str
    source: str
    how: str = "count"  # count, sum, districts, share
    stock: bool = False
    where: dict = field(default_factory=dict)  # facts kept: {field: value}
    numerator: dict = field(default_factory=dict)  # for a share: {field: value}
    public: bool = True  # shown in the public "programme in figures"
    per_district: bool = True

    @property
    def unit_label(self):
        return UNITS[self.unit]


INDICATORS = [
    Indicator(
        "districts_visited", _("Districts visited"), "districts", "meetings", how="districts", per_district=False
    ),
    Indicator("meetings_held", _("District meetings held"), "count", "meetings"),
    Indicator("meeting_participants", _("Participants at district meetings"), "people", "meetings", how="sum"),
    Indicator("ngos_known", _("NGOs in the programme's contacts"), "count", "organisations", stock=True),
    Indicator("ngos_active", _("Active NGOs"), "count", "organisations", stock=True, where={"kind": "active"}),
    Indicator(
        "district_level_share",
        _("Share of NGOs working at district level"),
        "percent",
        "organisations",
        how="share",
        stock=True,
        numerator={"flag": False},
        per_district=False,
    ),
    Indicator("ngos_registered", _("New NGOs registered"), "count", "registrations"),
    Indicator("consultations_given", _("Consultations given"), "count", "consultations"),
    Indicator("trainings_held", _("Trainings and webinars held"), "count", "trainings_held"),
    Indicator("people_trained", _("People trained"), "people", "people_trained"),
    Indicator("applications_received", _("Grant applications received"), "count", "applications"),
    Indicator("grants_awarded", _("Grants awarded"), "count", "grants_awarded"),
    Indicator("amount_awarded", _("Amount awarded"), "tenge", "grants_awarded", how="sum"),
    Indicator("amount_disbursed", _("Amount disbursed"), "tenge", "disbursements", how="sum"),
    Indicator("reports_accepted", _("Grant reports accepted"), "count", "reports_accepted", public=False),
]

BY_KEY = {indicator.key: indicator for indicator in INDICATORS}


def choices():
    return [(indicator.key, indicator.name) for indicator in INDICATORS]
