"""The grants app's models, each defined in the module of its job (Django finds them here)."""

from .applications import (
    APPLICANT_TYPES,
    APPLICATION_STATUSES,
    SCORES,
    TRANSITIONS,
    Application,
    Assignment,
    ReferenceCounter,
    can_move,
)
from .calls import CALL_STATUSES, REVIEW_STAGES, GrantCallManager, GrantCallPage, GrantCallQuerySet, GrantIndexPage

__all__ = [
    "APPLICANT_TYPES",
    "APPLICATION_STATUSES",
    "CALL_STATUSES",
    "REVIEW_STAGES",
    "SCORES",
    "TRANSITIONS",
    "Application",
    "Assignment",
    "GrantCallManager",
    "GrantCallPage",
    "GrantCallQuerySet",
    "GrantIndexPage",
    "ReferenceCounter",
    "can_move",
]
