"""After the award: one grant record per awarded application, with its agreement, its payment
tranches and its report due dates. Opened when the results are published (an award can still
be withdrawn before that, and the agreement is signed with a winner who has been told)."""

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel

from cms_plugins.formatting import format_date, format_money

from .services import record_decision


class GrantQuerySet(models.QuerySet):
    def of_call(self, call):
        return self.filter(application__call_key=call.translation_key)


class Grant(ClusterableModel):
    application = models.OneToOneField(
        "grants.Application", on_delete=models.CASCADE, related_name="grant", verbose_name=_("application")
    )
    agreement_number = models.CharField(_("agreement number"), max_length=40, blank=True)
    agreement_date = models.DateField(_("agreement date"), null=True, blank=True)
    interim_report_due = models.DateField(_("interim report due"), null=True, blank=True)
    final_report_due = models.DateField(_("final report due"), null=True, blank=True)
    opened_at = models.DateTimeField(_("opened"), default=timezone.now, editable=False)

    wagtail_reference_index_ignore = True
    objects = GrantQuerySet.as_manager()

    class Meta:
        verbose_name = _("grant")
        verbose_name_plural = _("grants")
        ordering = ["-opened_at", "pk"]

    def __str__(self):
        return f"{self.application.reference} {self.application.organisation_name}"

    @property
    def award(self):
        return self.application.awarded_amount or 0

    def paid_total(self):
        return sum(t.amount for t in self.tranches.all() if t.paid_on)

    def planned_total(self):
        return sum(t.amount for t in self.tranches.all())

    def clean(self):
        if self.interim_report_due and self.final_report_due and self.final_report_due < self.interim_report_due:
            raise ValidationError({"final_report_due": _("The final report cannot be due before the interim one.")})


class Tranche(models.Model):
    grant = ParentalKey(Grant, on_delete=models.CASCADE, related_name="tranches", verbose_name=_("grant"))
    amount = models.PositiveBigIntegerField(_("amount (₸)"))
    planned_on = models.DateField(_("planned payment date"))
    # paid when it has the date it was actually paid: one field, so the two cannot disagree
    paid_on = models.DateField(_("paid on"), null=True, blank=True, help_text=_("Empty while unpaid."))

    wagtail_reference_index_ignore = True

    class Meta:
        verbose_name = _("tranche")
        verbose_name_plural = _("tranches")
        ordering = ["planned_on", "pk"]

    def __str__(self):
        return f"{format_money(self.amount)} {self.planned_on}"

    @property
    def paid(self):
        return self.paid_on is not None


def check_tranches(award, amounts):
    """The tranches of a grant never add up to more than its award."""
    total = sum(amount or 0 for amount in amounts)
    if total > (award or 0):
        raise ValidationError(
            gettext("The tranches add up to %(total)s, more than the grant of %(award)s.")
            % {"total": format_money(total), "award": format_money(award or 0)}
        )
    return total


def note(grant, text):
    """One step of the grant in the CRM history of the organisation and its contact person."""
    return record_decision(grant.application, f"{grant.application.reference}: {text}")


@transaction.atomic
def open_grants(applications):
    """A grant record for each awarded application that has none yet (safe to repeat)."""
    awarded = [a for a in applications if a.status == "awarded"]
    existing = set(Grant.objects.filter(application__in=awarded).values_list("application_id", flat=True))
    opened = []
    for application in awarded:
        if application.pk in existing:
            continue
        grant = Grant.objects.create(application=application)
        note(
            grant, gettext("grant record opened for %(amount)s.") % {"amount": format_money(application.awarded_amount)}
        )
        opened.append(grant)
    return opened


def record_changes(grant, before, tranches_before):
    """CRM notes for what a coordinator changed: the agreement, the due dates, tranches paid."""
    agreement = (grant.agreement_number, grant.agreement_date)
    if agreement != (before.get("agreement_number"), before.get("agreement_date")) and any(agreement):
        note(
            grant,
            gettext("grant agreement %(number)s of %(date)s.")
            % {"number": grant.agreement_number or "—", "date": format_date(grant.agreement_date) or "—"},
        )
    if (grant.interim_report_due, grant.final_report_due) != (
        before.get("interim_report_due"),
        before.get("final_report_due"),
    ):
        note(
            grant,
            gettext("reports due: interim %(interim)s, final %(final)s.")
            % {
                "interim": format_date(grant.interim_report_due) or "—",
                "final": format_date(grant.final_report_due) or "—",
            },
        )
    for tranche in grant.tranches.all():
        if tranche.paid_on and tranches_before.get(tranche.pk) != tranche.paid_on:
            note(
                grant,
                gettext("tranche of %(amount)s paid on %(date)s.")
                % {"amount": format_money(tranche.amount), "date": format_date(tranche.paid_on)},
            )
