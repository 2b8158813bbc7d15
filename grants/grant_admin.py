"""The grants after the award in the admin: coordinators fill in the agreement, the tranches
and the report due dates; nobody adds or deletes a grant (the results open them)."""

from django.db import transaction
from django.urls import reverse
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy

from cms_plugins.formatting import format_date, format_money

from . import grant_records
from .grant_records import Grant, check_tranches
from .grant_reports import REPORT_KINDS, report_rows


class GrantForm(WagtailAdminModelForm):
    """Refuses tranches that add up to more than the award; notes each step in the CRM."""

    def is_valid(self):
        if not super().is_valid():
            return False
        formset = self.formsets["tranches"]
        amounts = [
            form.cleaned_data.get("amount")
            for form in formset.forms
            if form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]
        try:
            check_tranches(self.instance.application.awarded_amount, amounts)
        except grant_records.ValidationError as error:
            self.add_error(None, error)
            return False
        return True

    @transaction.atomic
    def save(self, commit=True):
        saved = Grant.objects.filter(pk=self.instance.pk).values().first() or {}
        paid_before = dict(
            self.instance.tranches.model.objects.filter(grant=self.instance).values_list("pk", "paid_on")
        )
        grant = super().save(commit=commit)
        if commit:
            grant_records.record_changes(grant, saved, paid_before)
        return grant


class NoAddNoDeletePolicy(ModelPermissionPolicy):
    def user_has_permission(self, user, action):
        return action not in ("add", "delete") and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return super().user_has_any_permission(user, [a for a in actions if a not in ("add", "delete")])


class GrantIndexView(IndexView):
    page_title = _("Grant agreements")  # as the menu says; the model's plural is just "grants"

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("application__call").prefetch_related("tranches", "reports")


def _reports(grant):
    """Overdue reports named in the list (the rows come from the prefetched reports)."""
    overdue = [str(dict(REPORT_KINDS)[kind]) for _g, kind, _d, _r, late in report_rows([grant]) if late]
    return ", ".join(overdue)


def _award(grant):
    return format_money(grant.award)


def _paid(grant):
    return f"{format_money(grant.paid_total())} / {format_money(grant.planned_total())}"


class GrantViewSet(ModelViewSet):
    model = Grant
    permission_policy = NoAddNoDeletePolicy(Grant)
    index_view_class = GrantIndexView
    icon = "doc-full"
    menu_label = _("Grant agreements")
    menu_order = 258
    add_to_admin_menu = True
    copy_view_enabled = False
    inspect_view_enabled = False
    list_display = [
        # the application opens the grant's agreement, tranches and due dates
        TitleColumn(
            "application",
            label=capfirst(_("application")),
            accessor="__str__",
            get_url=lambda grant: reverse("grant_records:edit", args=[grant.pk]),
            classname="grant-record",  # grants/static/grants/lists.css gives it room
        ),
        Column("award", label=capfirst(_("grant")), accessor=_award),
        Column("paid", label=capfirst(_("paid / planned")), accessor=_paid),
        Column("agreement_number", label=capfirst(_("agreement number"))),
        Column(
            "interim_report_due",
            label=capfirst(_("interim report due")),
            accessor=lambda g: format_date(g.interim_report_due),
        ),
        Column(
            "final_report_due",
            label=capfirst(_("final report due")),
            accessor=lambda g: format_date(g.final_report_due),
        ),
        Column("overdue", label=capfirst(_("overdue")), accessor=_reports),
    ]
    list_filter = ["application__call"]
    search_fields = ["application__reference", "application__organisation_name", "agreement_number"]
    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                [FieldRowPanel([FieldPanel("agreement_number"), FieldPanel("agreement_date")])],
                heading=_("Agreement"),
            ),
            MultiFieldPanel(
                [FieldRowPanel([FieldPanel("interim_report_due"), FieldPanel("final_report_due")])],
                heading=_("Reports due"),
            ),
            InlinePanel("tranches", heading=_("Tranches"), label=_("tranche")),
        ],
        base_form_class=GrantForm,
    )
