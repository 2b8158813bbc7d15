"""Experts' side of the competition: assignments (one by one and in bulk), the conflict-of-interest
declaration, submitting scores and a coordinator reopening them. Each logs to the timeline."""

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from . import rubric as rubrics
from .applications import Application
from .history import ApplicationEvent
from .reviews import Assignment
from .workflow import MoveRefused

EXPERTS = "Experts"


def experts():
    return get_user_model().objects.filter(groups__name=EXPERTS, is_active=True).order_by("username")


def log(application, kind, user, reason=""):
    return ApplicationEvent.objects.create(
        application=application,
        kind=kind,
        actor=user,
        from_status=application.status,
        to_status=application.status,
        reason=reason,
    )


@transaction.atomic
def assign(application, expert, user):
    """Assign one expert (nothing happens if they already are); returns the assignment or None."""
    if not expert.groups.filter(name=EXPERTS).exists():
        raise MoveRefused(_("%(user)s is not in the Experts group.") % {"user": expert.get_username()})
    assignment, created = Assignment.objects.get_or_create(application=application, expert=expert)
    if created:
        log(application, "assigned", user, expert.get_username())
    return assignment if created else None


@transaction.atomic
def assign_in_bulk(call, status, chosen_experts, user):
    """Every application of the call in ``status`` to each of the chosen experts; returns how many
    new assignments were made (existing ones and declared conflicts are left as they are)."""
    applications = list(Application.objects.filter(call_key=call.translation_key, status=status))
    existing = set(
        Assignment.objects.filter(application__in=applications, expert__in=chosen_experts).values_list(
            "application_id", "expert_id"
        )
    )
    new = [
        Assignment(application=application, expert=expert)
        for application in applications
        for expert in chosen_experts
        if (application.pk, expert.pk) not in existing
    ]
    Assignment.objects.bulk_create(new)
    names = {expert.pk: expert.get_username() for expert in chosen_experts}
    ApplicationEvent.objects.bulk_create(
        ApplicationEvent(
            application=a.application,
            kind="assigned",
            actor=user,
            from_status=a.application.status,
            to_status=a.application.status,
            reason=names[a.expert_id],
        )
        for a in new
    )
    return len(new)


def load_per_expert(call=None):
    """[(expert, assigned, submitted, conflicts)] over all experts, optionally for one call (one query)."""
    scope = Q(grant_assignments__application__call_key=call.translation_key) if call else Q()
    return experts().annotate(
        assigned=Count("grant_assignments", filter=scope),
        submitted=Count(
            "grant_assignments",
            filter=scope & Q(grant_assignments__scored_at__isnull=False) & ~Q(grant_assignments__conflict=True),
        ),
        conflicts=Count("grant_assignments", filter=scope & Q(grant_assignments__conflict=True)),
    )


@transaction.atomic
def declare(assignment, user, conflict, note=""):
    """The expert's declaration, before they see the application; a conflict closes it to them."""
    assignment = Assignment.objects.select_for_update().select_related("application").get(pk=assignment.pk)
    if assignment.conflict is not None:
        raise MoveRefused(_("You have already made your declaration for this application."))
    if conflict and not note.strip():
        raise MoveRefused(_("Say briefly what the conflict of interest is."))
    assignment.conflict = bool(conflict)
    assignment.conflict_note = note.strip()
    assignment.declared_at = timezone.now()
    assignment.save(update_fields=["conflict", "conflict_note", "declared_at"])
    log(assignment.application, "conflict" if conflict else "no_conflict", user, assignment.conflict_note)
    return assignment


@transaction.atomic
def submit_review(assignment, user, scores, comment):
    """Store the scores against the call's rubric and their weighted total; final until reopened."""
    assignment = Assignment.objects.select_for_update().select_related("application__call").get(pk=assignment.pk)
    if assignment.conflict is not False:
        raise MoveRefused(_("Declare that you have no conflict of interest first."))
    if assignment.is_submitted:
        raise MoveRefused(_("This review is already submitted; a coordinator can reopen it."))
    criteria = assignment.application.call.criteria()
    missing = [c["label"] for c in criteria if c["key"] not in scores]
    if not criteria or missing:
        raise MoveRefused(_("Score every criterion of the rubric."))
    for criterion in criteria:
        score = scores[criterion["key"]]["score"]
        if not 0 <= int(score) <= criterion["max_score"]:
            raise MoveRefused(_("A score is outside its range."))
    assignment.scores = scores
    assignment.comment = comment
    assignment.total = rubrics.weighted_total(criteria, scores)
    assignment.scored_at = timezone.now()
    assignment.save(update_fields=["scores", "comment", "total", "scored_at"])
    log(assignment.application, "review_submitted", user, assignment.expert.get_username())
    return assignment


@transaction.atomic
def reopen(assignment, user, reason):
    """A coordinator sends a submitted review back to its expert (logged with the reason)."""
    assignment = Assignment.objects.select_for_update().select_related("application", "expert").get(pk=assignment.pk)
    if not assignment.is_submitted:
        raise MoveRefused(_("This review is not submitted: there is nothing to reopen."))
    if not (reason or "").strip():
        raise MoveRefused(_("Say why the review is reopened."))
    assignment.scored_at = None
    assignment.total = None
    assignment.save(update_fields=["scored_at", "total"])
    log(assignment.application, "review_reopened", user, f"{assignment.expert.get_username()}: {reason.strip()}")
    return assignment
