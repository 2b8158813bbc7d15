"""Grantee reports: what the grantee sends through their secret link (the call's report questions
and a spending table against the budget lines), and the coordinator's acceptance or return."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from . import letters
from .grant_records import note

REPORT_KINDS = [("interim", _("interim report")), ("final", _("final report"))]
REPORT_STATES = [
    ("submitted", _("submitted, awaiting review")),
    ("accepted", _("accepted")),
    ("returned", _("returned for changes")),
]
# a report in one of these states is in: not overdue whatever the date
IN_STATES = {"submitted", "accepted"}


class GrantReport(models.Model):
    grant = models.ForeignKey("grants.Grant", on_delete=models.CASCADE, related_name="reports", verbose_name=_("grant"))
    kind = models.CharField(_("report"), max_length=10, choices=REPORT_KINDS)
    status = models.CharField(_("status"), max_length=12, choices=REPORT_STATES, default="submitted")
    answers = models.JSONField(_("answers"), default=list, help_text=_("As the grantee saw them."))
    spending = models.JSONField(_("spending"), default=list)
    # the answers as posted (the form's own fields only): a returned report opens filled in
    posted = models.JSONField(default=dict, blank=True, editable=False)
    submitted_at = models.DateTimeField(_("submitted"), default=timezone.now)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    comment = models.TextField(_("coordinator's comment"), blank=True, max_length=4000)

    wagtail_reference_index_ignore = True

    class Meta:
        verbose_name = _("grantee report")
        verbose_name_plural = _("grantee reports")
        constraints = [models.UniqueConstraint(fields=["grant", "kind"], name="grants_one_report_per_kind")]

    def __str__(self):
        return f"{self.grant_id} {self.kind} {self.status}"

    @property
    def may_edit(self):
        """The grantee may (re)send it until it is accepted; a submitted one waits for the coordinator."""
        return self.status == "returned"


def due_date(grant, kind):
    return grant.interim_report_due if kind == "interim" else grant.final_report_due


def is_overdue(grant, kind, report, today=None):
    due = due_date(grant, kind)
    today = today or timezone.localdate()
    return due is not None and due < today and (report is None or report.status not in IN_STATES)


def report_rows(grants, today=None):
    """[(grant, kind, due, report, overdue)] for every report that has a due date (grants prefetched
    with their reports)."""
    rows = []
    for grant in grants:
        reports = {report.kind: report for report in grant.reports.all()}
        for kind, _label in REPORT_KINDS:
            due = due_date(grant, kind)
            if due is None:
                continue
            report = reports.get(kind)
            rows.append((grant, kind, due, report, is_overdue(grant, kind, report, today)))
    return rows


def overdue_filter(today=None):
    """A Q on Grant: a report past its due date and not in (for counting in one query)."""
    today = today or timezone.localdate()
    q = models.Q()
    for kind, _label in REPORT_KINDS:
        in_states = models.Q(reports__kind=kind, reports__status__in=IN_STATES)
        q |= models.Q(**{f"{kind}_report_due__lt": today}) & ~models.Q(pk__in=_grants_with(in_states))
    return q


def _grants_with(q):
    from .grant_records import Grant

    return Grant.objects.filter(q).values("pk")


def budget_lines(application):
    """The budget lines the applicant submitted ([{item, amount}]), read back through the budget
    step's own form from the draft (empty when the draft holds none)."""
    from django.utils.datastructures import MultiValueDict

    from .forms import BudgetForm

    stored = ((application.draft.data or {}).get("step_data") or {}).get("budget") or {}
    if not stored:
        return []
    form = BudgetForm(data=MultiValueDict(stored), prefix="budget", page=application.call)
    form.is_valid()
    return [
        {"item": str(line.get("item") or ""), "amount": line.get("amount") or 0}
        for line in (form.cleaned_data.get("lines") or [])
    ]


@transaction.atomic
def submit_report(grant, kind, answers, spending, *, posted=None, files=(), dropped=()):
    """Store the grantee's report (a returned one is replaced); refused once it is in.

    ``files`` are checked uploads to attach; ``dropped`` attachments of a returned report the
    grantee no longer sends."""
    from .grant_records import Grant
    from .report_attachments import attach, remove

    grant = Grant.objects.select_for_update().get(pk=grant.pk)
    report = GrantReport.objects.filter(grant=grant, kind=kind).first()
    if report is not None and not report.may_edit:
        raise ValidationError(gettext("This report is already sent."))
    if report is None:
        report = GrantReport(grant=grant, kind=kind)
    report.status = "submitted"
    report.answers = answers
    report.spending = spending
    report.posted = posted or {}
    report.submitted_at = timezone.now()
    report.save()
    remove(report.attachments.filter(pk__in=[attachment.pk for attachment in dropped]))
    attach(report, files)
    note(grant, gettext("%(report)s submitted by the grantee.") % {"report": report.get_kind_display()})
    return report


def report_topic(report, decision):
    return (
        f"grants.report:{report.grant.application.reference}:{report.kind}:{decision}:{report.decided_at:%Y%m%d%H%M%S}"
    )


REPORT_DECISIONS = ("accepted", "returned")


@transaction.atomic
def decide_report(report, decision, user, comment=""):
    """Accept or return a submitted report; the grantee is told in their language."""
    report = GrantReport.objects.select_for_update().select_related("grant__application__call").get(pk=report.pk)
    comment = (comment or "").strip()
    if decision not in REPORT_DECISIONS:
        raise ValidationError(gettext("Unknown action."))
    if report.status != "submitted":
        raise ValidationError(gettext("Only a report awaiting review can be accepted or returned."))
    if decision == "returned" and not comment:
        raise ValidationError(gettext("Say what the grantee should change."))
    report.status = decision
    report.comment = comment
    report.decided_at = timezone.now()
    report.decided_by = user
    report.save(update_fields=["status", "comment", "decided_at", "decided_by"])
    application = report.grant.application
    note(
        report.grant,
        (gettext("%(report)s accepted.") if decision == "accepted" else gettext("%(report)s returned: %(comment)s"))
        % {"report": report.get_kind_display(), "comment": comment},
    )
    # the call's letter in the grantee's language, noted in the CRM history
    letters.send(
        application,
        f"report_{decision}",
        topic=report_topic(report, decision),
        report=report.get_kind_display,
        comment=comment,
    )
    return report
