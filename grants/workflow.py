"""The life of an application, as data: its statuses, the moves between them, and what
each move needs. ``check_move`` is the one judge; ``services.move`` the one writer."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

APPLICATION_STATUSES = [
    ("submitted", _("Submitted")),
    ("screening", _("Screening")),
    ("ineligible", _("Ineligible")),
    ("under_review", _("Under review")),
    ("shortlisted", _("Shortlisted")),
    ("awarded", _("Awarded")),
    ("not_awarded", _("Not awarded")),
    ("withdrawn", _("Withdrawn")),
]
STATUS_LABELS = dict(APPLICATION_STATUSES)

# The allowed moves: {from: {to: what the move is called}}. Nothing else is possible.
TRANSITIONS = {
    "submitted": {"screening": _("Start screening"), "withdrawn": _("Withdraw")},
    "screening": {
        "under_review": _("Eligible: send to review"),
        "ineligible": _("Ineligible"),
        "withdrawn": _("Withdraw"),
    },
    "ineligible": {"screening": _("Screen again")},
    "under_review": {
        "shortlisted": _("Shortlist"),
        "not_awarded": _("Not awarded"),
        "withdrawn": _("Withdraw"),
    },
    "shortlisted": {
        "awarded": _("Award"),
        "not_awarded": pgettext_lazy("award", "Skip"),
        "under_review": _("Back to review"),
        "withdrawn": _("Withdraw"),
    },
    "awarded": {"shortlisted": _("Withdraw the award")},
    "not_awarded": {"shortlisted": _("Back to the shortlist")},
    "withdrawn": {},
}
# Moves that need a written reason (the timeline and the applicant's letter say why).
REASON_REQUIRED = {"ineligible", "not_awarded", "withdrawn"}
# Moves made only through the ranking (an amount, the budget check under a lock).
AWARD_MOVES = {("shortlisted", "awarded"), ("awarded", "shortlisted")}
# Statuses frozen once the results are published.
DECIDED = {"shortlisted", "awarded", "not_awarded"}

INELIGIBLE_REASONS = [
    ("applicant_type", _("The applicant is not of a kind the call accepts")),
    ("outside_region", _("The project is not in the region's rural areas")),
    ("over_cap", _("The amount requested is above the per-grant cap")),
    ("documents", _("Required documents are missing")),
    ("duplicate", _("Another application from the same organisation")),
    ("other", _("Another reason (see the note)")),
]


class MoveRefused(Exception):
    """A move the table does not allow, with a message for the person who tried it."""

    def __init__(self, message):
        super().__init__(str(message))
        self.message = message


def can_move(old_status, new_status):
    """Whether the table allows ``old_status`` → ``new_status`` (staying is always allowed)."""
    return new_status == old_status or new_status in TRANSITIONS.get(old_status, {})


def next_statuses(status, *, include_awards=False):
    """[(status, label of the move)] that may follow ``status``."""
    return [
        (new, label)
        for new, label in TRANSITIONS.get(status, {}).items()
        if include_awards or (status, new) not in AWARD_MOVES
    ]


def check_move(application, new_status, *, reason="", via_award=False, results_published=False):
    """Raise ``MoveRefused`` unless the application may move to ``new_status`` now."""
    old = application.status
    names = {"old": STATUS_LABELS.get(old, old), "new": STATUS_LABELS.get(new_status, new_status)}
    if new_status not in TRANSITIONS.get(old, {}):
        raise MoveRefused(_("An application cannot move from “%(old)s” to “%(new)s”.") % names)
    if (old, new_status) in AWARD_MOVES and not via_award:
        raise MoveRefused(_("Awards are given and withdrawn on the call's ranking, where the budget is checked."))
    if results_published and old in DECIDED:
        raise MoveRefused(_("The results of this call are published: decisions can no longer change."))
    if new_status in REASON_REQUIRED and not reason.strip():
        raise MoveRefused(_("Say why the application moves to “%(new)s”.") % names)
