"""Who sees the monitoring screen (pure functions returning (allowed, reason))."""

from django.utils.translation import gettext_lazy as _

VIEW = "monitoring.view_indicatorplan"


def can_view_monitoring(user):
    """Coordinators (and whoever is given the permission); not Press, not Experts."""
    if user.is_authenticated and user.has_perm(VIEW):
        return True, ""
    return False, _("Only coordinators may see the monitoring screen.")
