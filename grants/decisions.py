"""Decisions about applications: moving them along the workflow, awards within the budget,
and publishing the results. Each takes objects and the user who acts, never a request,
and writes the timeline (``ApplicationEvent``) in the same transaction."""

from django.apps import apps
from django.db import transaction
from django.db.models import Count, Sum
from django.utils.translation import gettext as _

from cms_plugins.formatting import format_money
from cms_plugins.mail.models import OutboundMail

from . import letters
from .applications import Application
from .grant_records import open_grants
from .history import ApplicationEvent
from .ranking import ranked_applications
from .workflow import MoveRefused, check_move

DECISION_MAILS = {"ineligible", "awarded", "not_awarded"}


def locked_call(call_key):
    """The call's rows in every language, locked in a fixed order until the transaction ends;
    the first (the original) carries the budget. Two coordinators deciding at once queue here."""
    # the model by name: the call page routes the applicant's withdrawal here (calls -> decisions)
    GrantCallPage = apps.get_model("grants", "GrantCallPage")
    calls = list(GrantCallPage.objects.select_for_update().filter(translation_key=call_key).order_by("pk"))
    return calls[0], calls


def results_published(calls):
    return any(call.review_stage == "results" for call in calls)


def _write_move(application, new_status, user, reason="", amount=None):
    ApplicationEvent.objects.create(
        application=application,
        kind="status",
        actor=user,
        from_status=application.status,
        to_status=new_status,
        reason=reason,
        amount=amount,
    )
    application.status = new_status
    fields = ["status"]
    if new_status == "awarded":
        application.awarded_amount = amount
        fields.append("awarded_amount")
    elif application.awarded_amount is not None:
        application.awarded_amount = None
        fields.append("awarded_amount")
    application.save(update_fields=fields)


@transaction.atomic
def move(application, new_status, user, reason="", ineligible_reason=""):
    """Move an application along the table, or raise ``MoveRefused`` with the reason why not."""
    _call, calls = locked_call(application.call_key)
    application = Application.objects.select_for_update().get(pk=application.pk)
    reason = (reason or "").strip()
    if new_status == "ineligible" and not ineligible_reason:
        raise MoveRefused(_("Choose why the application is ineligible."))
    if new_status == "ineligible" and not reason:
        reason = str(dict(_ineligible_reasons()).get(ineligible_reason, ineligible_reason))
    check_move(application, new_status, reason=reason, results_published=results_published(calls))
    _write_move(application, new_status, user, reason)
    if new_status == "ineligible":
        application.ineligible_reason = ineligible_reason
        application.save(update_fields=["ineligible_reason"])
        queue_decision(application, "ineligible")
    return application


# Moves made for many applications at once from the call's list; screening out (a reason and a
# letter each), awards (the ranking, the budget) and withdrawals stay one at a time.
BULK_MOVES = ("screening", "under_review", "shortlisted")


@transaction.atomic
def move_many(applications, new_status, user, reason=""):
    """Move several applications at once, all or none: a refusal names the application and why."""
    if new_status not in BULK_MOVES:
        raise MoveRefused(_("Screening out, awards and the other decisions are made one application at a time."))
    moved = []
    for application in applications:
        try:
            moved.append(move(application, new_status, user, reason))
        except MoveRefused as refused:
            raise MoveRefused(
                _("%(reference)s: %(why)s Nothing was moved.")
                % {"reference": application.reference, "why": refused.message}
            ) from None
    return moved


def _ineligible_reasons():
    from .workflow import INELIGIBLE_REASONS

    return INELIGIBLE_REASONS


def money(amount):
    return format_money(amount)


@transaction.atomic
def award(application, amount, user, *, in_order=True):
    """Award a grant in ranking order, within the cap, the number of grants and the budget.

    Every check reads the awards under the call's row lock, so two coordinators
    awarding at the same moment are served one after the other and cannot both pass.
    ``in_order=False`` lets code (the demo, the concurrency test) award out of order.
    """
    call, calls = locked_call(application.call_key)
    application = Application.objects.select_for_update().get(pk=application.pk)
    check_move(application, "awarded", via_award=True, results_published=results_published(calls))
    if amount is None or amount <= 0:
        raise MoveRefused(_("Enter the amount of the grant in whole tenge."))
    if amount > call.amount_per_grant:
        raise MoveRefused(
            _("%(amount)s is above the cap of %(cap)s per grant.")
            % {"amount": money(amount), "cap": money(call.amount_per_grant)}
        )
    if amount > application.requested_amount:
        raise MoveRefused(
            _("%(amount)s is more than the applicant requested (%(requested)s).")
            % {"amount": money(amount), "requested": money(application.requested_amount)}
        )
    for ranked in ranked_applications(call.translation_key).only("pk", "reference", "status") if in_order else []:
        if ranked.pk == application.pk:
            break
        if ranked.status == "shortlisted":
            raise MoveRefused(
                _("%(reference)s is ranked higher and still shortlisted: award or skip it first.")
                % {"reference": ranked.reference}
            )
    given = Application.objects.filter(call_key=call.translation_key, status="awarded").aggregate(
        grants=Count("pk"), total=Sum("awarded_amount")
    )
    grants, total = given["grants"], given["total"] or 0
    if grants + 1 > call.number_of_grants:
        raise MoveRefused(
            _("All %(number)s grants of this call are awarded: none is left. Withdraw an award first.")
            % {"number": call.number_of_grants}
        )
    left = call.total_budget - total
    if amount > left:
        raise MoveRefused(
            _("%(amount)s would exceed the call's budget of %(budget)s: %(left)s is left.")
            % {"amount": money(amount), "budget": money(call.total_budget), "left": money(left)}
        )
    _write_move(application, "awarded", user, amount=amount)
    return application


@transaction.atomic
def withdraw_award(application, user, reason):
    _call, calls = locked_call(application.call_key)
    application = Application.objects.select_for_update().get(pk=application.pk)
    check_move(application, "shortlisted", via_award=True, results_published=results_published(calls))
    if application.status != "awarded":
        raise MoveRefused(_("This application has no award to withdraw."))
    if not (reason or "").strip():
        raise MoveRefused(_("Say why the award is withdrawn."))
    _write_move(application, "shortlisted", user, reason=reason.strip())
    return application


def skip(application, user, reason):
    """Pass over a shortlisted application in the ranking (it is not awarded), with a reason."""
    if application.status != "shortlisted":
        raise MoveRefused(_("Only a shortlisted application can be skipped."))
    return move(application, "not_awarded", user, reason=reason)


@transaction.atomic
def publish_results(call, user):
    """Tell the public and the applicants: the winners go on the call page in every language,
    the call's status becomes "results", everyone still waiting is not awarded, and each
    applicant gets their decision in their language."""
    source, calls = locked_call(call.translation_key)
    if results_published(calls):
        raise MoveRefused(_("The results of this call are already published."))
    applications = Application.objects.select_for_update().filter(call_key=source.translation_key)
    if not applications.filter(status="awarded").exists():
        raise MoveRefused(_("Award at least one grant before publishing the results."))
    for application in applications.filter(status__in=["under_review", "shortlisted"]):
        _write_move(
            application, "not_awarded", user, reason=_("Not among the grants awarded when results were published.")
        )
    for page in calls:
        page.review_stage = "results"
        page.save_revision(user=user, log_action=True).publish(user=user)
    decided = list(applications.filter(status__in=["awarded", "not_awarded"]))
    ApplicationEvent.objects.bulk_create(
        ApplicationEvent(application=a, kind="results", actor=user, from_status=a.status, to_status=a.status)
        for a in decided
    )
    pages = letters.CallPages(source.translation_key)
    for application in decided:
        queue_decision(application, application.status, pages)
    # the winners' grant records (agreement, tranches, reports) start with the announcement
    open_grants(decided)
    return decided


def decision_topic(application, decision):
    return f"grants.decision:{application.reference}:{decision}"


def queue_decision(application, decision, pages=None):
    """The call's letter for this decision in the applicant's language, once per decision (a repeat
    is not sent), noted in the CRM history."""
    if decision not in DECISION_MAILS:
        return None
    return letters.send(application, decision, topic=decision_topic(application, decision), pages=pages)


def publication_letters(call):
    """[(application, decision)] of the letters "Publish results" would send now: the awarded, and
    the not awarded (those still in review become so), each not told already."""
    applications = list(
        Application.objects.filter(
            call_key=call.translation_key, status__in=["awarded", "not_awarded", "under_review", "shortlisted"]
        ).order_by("reference")
    )
    pairs = [(a, "awarded" if a.status == "awarded" else "not_awarded") for a in applications if a.email]
    told = set(
        OutboundMail.objects.filter(topic__in=[decision_topic(a, d) for a, d in pairs]).values_list("topic", flat=True)
    )
    return [(a, d) for a, d in pairs if decision_topic(a, d) not in told]
