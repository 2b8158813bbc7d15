"""The grants app's models, each defined in the module of its job (Django finds them here)."""

from .applications import APPLICANT_TYPES, Application, ReferenceCounter
from .calls import CALL_STATUSES, REVIEW_STAGES, GrantCallManager, GrantCallPage, GrantCallQuerySet, GrantIndexPage
from .grant_records import Grant, Tranche
from .grant_reports import GrantReport
from .history import ApplicationEvent
from .report_attachments import ReportAttachment
from .reviews import Assignment
from .workflow import APPLICATION_STATUSES, TRANSITIONS, can_move

__all__ = [
    "APPLICANT_TYPES",
    "APPLICATION_STATUSES",
    "CALL_STATUSES",
    "REVIEW_STAGES",
    "TRANSITIONS",
    "Application",
    "ApplicationEvent",
    "Assignment",
    "Grant",
    "GrantCallManager",
    "GrantCallPage",
    "GrantCallQuerySet",
    "GrantIndexPage",
    "GrantReport",
    "ReferenceCounter",
    "ReportAttachment",
    "Tranche",
    "can_move",
]
