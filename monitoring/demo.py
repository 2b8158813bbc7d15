"""Baselines from the programme's description and yearly targets, so that every indicator shows.

Idempotent: one plan per indicator key, one target per plan and year (updated, never duplicated).
"""

from .models import IndicatorPlan, IndicatorTarget

# key: (baseline, baseline year, source, {year: target})
PLANS = {
    "districts_visited": (0, 2025, "", {2026: 13, 2027: 13}),
    "meetings_held": (0, 2025, "", {2026: 13, 2027: 26}),
    "meeting_participants": (0, 2025, "", {2026: 300, 2027: 600}),
    "ngos_known": (
        655,
        2025,
        "Registered public associations in the region (programme description)",
        {2026: 700, 2027: 750},
    ),
    "ngos_active": (100, 2025, "About a hundred active (programme description)", {2026: 110, 2027: 130}),
    "district_level_share": (8, 2025, "Share working at district level (programme description)", {2026: 10, 2027: 15}),
    "ngos_registered": (0, 2025, "", {2026: 5, 2027: 10}),
    "consultations_given": (0, 2025, "", {2026: 40, 2027: 80}),
    "trainings_held": (0, 2025, "", {2026: 6, 2027: 12}),
    "people_trained": (0, 2025, "", {2026: 120, 2027: 240}),
    "applications_received": (0, 2025, "", {2026: 30, 2027: 40}),
    "grants_awarded": (0, 2025, "", {2026: 5, 2027: 5}),
    "amount_awarded": (0, 2025, "", {2026: 2850000, 2027: 2850000}),
    "amount_disbursed": (0, 2025, "", {2026: 2850000, 2027: 2850000}),
    "reports_accepted": (0, 2025, "", {2026: 0, 2027: 5}),
}


def load(command):
    for key, (baseline, year, note, targets) in PLANS.items():
        plan, _created = IndicatorPlan.objects.update_or_create(
            key=key, defaults={"baseline": baseline, "baseline_year": year, "source_note": note}
        )
        for target_year, value in targets.items():
            IndicatorTarget.objects.update_or_create(plan=plan, year=target_year, defaults={"value": value})
    command.stdout.write(f"monitoring: {len(PLANS)} indicators with baselines and targets")
