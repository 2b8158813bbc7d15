"""Who may read survey answers (pure functions returning (allowed, reason))."""

from django.utils.translation import gettext_lazy as _

VIEW_ANSWERS = "surveys.view_surveyresponse"


def can_view_answers(user):
    """Answers may hold contacts and free texts: only those given the permission (Coordinators)."""
    if user.is_authenticated and user.has_perm(VIEW_ANSWERS):
        return True, ""
    return False, _("Only coordinators may read survey answers.")
