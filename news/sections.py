"""What other apps offer the home and district pages, looked up without importing them.

Grants, trainings and the CRM are built separately and may be missing or empty; each
lookup returns an empty result then, so a page never fails for lack of them. They
are read only through public query methods:

- ``grants.GrantCallPage.objects.live().open()`` (and ``.in_district(code)``); the deadline shown is ``closes_at``
- ``trainings.TrainingPage.objects.live().upcoming()`` (and ``.in_district(code)``)
- ``cms_plugins.crm.aggregates.organisations_per_district() -> [{"code", "name", "count"}]``
"""

from importlib import import_module

from django.apps import apps
from wagtail.models import Locale


def page_model(app_label, model_name):
    try:
        return apps.get_model(app_label, model_name)
    except LookupError:
        return None


def _listing(app_label, model_name, method, limit, district_code=None):
    model = page_model(app_label, model_name)
    if model is None:
        return []
    pages = model.objects.live().public()
    if not hasattr(pages, method):
        return []
    pages = getattr(pages, method)().filter(locale=Locale.get_active())
    if district_code:
        if not hasattr(pages, "in_district"):
            return []
        pages = pages.in_district(district_code)
    return list(pages[:limit])


def open_grant_calls(limit=3, district_code=None):
    """Open grant calls in the active language (nothing when the grants app has none)."""
    return _listing("grants", "GrantCallPage", "open", limit, district_code)


def upcoming_trainings(limit=3, district_code=None):
    """Upcoming trainings in the active language (nothing when the trainings app has none)."""
    return _listing("trainings", "TrainingPage", "upcoming", limit, district_code)


def organisations_by_district():
    """{district code: number of NGOs in the CRM}, or None when there is no CRM."""
    if not apps.is_installed("cms_plugins.crm"):
        return None
    try:
        aggregates = import_module("cms_plugins.crm.aggregates")
    except ImportError:
        return None
    per_district = getattr(aggregates, "organisations_per_district", None)
    if per_district is None:
        return None
    return {row["code"]: row["count"] for row in per_district()}
