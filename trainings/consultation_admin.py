"""Admin → Consultation requests: the coordinators' queue (statuses, assignee, notes, time)."""

from django import forms
from django.contrib.auth import get_user_model
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import EditView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy

from cms_plugins.formatting import format_datetime

from . import services
from .consultations import ConsultationRequest, ConsultationStatus, can_move

COORDINATORS = "Coordinators"


class ConsultationQueueForm(forms.ModelForm):
    """Coordinators move a request only along the allowed steps; a scheduled one needs its time."""

    class Meta:
        model = ConsultationRequest
        fields = ["status", "assignee", "scheduled_at", "scheduled_place", "notes"]

    def __init__(self, *args, **kwargs):
        kwargs.pop("for_user", None)
        super().__init__(*args, **kwargs)
        self.original_status = self.instance.status
        self.fields["assignee"].queryset = get_user_model().objects.filter(groups__name=COORDINATORS, is_active=True)

    def clean(self):
        cleaned = super().clean()
        status = cleaned.get("status")
        if status and not can_move(self.original_status, status):
            self.add_error(
                "status",
                _("A request cannot move from “%(old)s” to “%(new)s”.")
                % {"old": self.instance.get_status_display(), "new": dict(ConsultationStatus.choices).get(status)},
            )
        if status == ConsultationStatus.SCHEDULED and not cleaned.get("scheduled_at"):
            self.add_error("scheduled_at", _("Say when the consultation takes place: the requester is told by email."))
        return cleaned


class ConsultationEditView(EditView):
    def save_instance(self):
        old_status = self.form.original_status
        instance = super().save_instance()
        services.consultation_changed(instance, old_status, user=self.request.user)
        return instance


class FromThePublicPolicy(ModelPermissionPolicy):
    """Requests come from the public form: nobody adds or deletes one in the admin."""

    def user_has_permission(self, user, action):
        return action not in ("add", "delete") and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return super().user_has_any_permission(user, [a for a in actions if a not in ("add", "delete")])


class ConsultationViewSet(ModelViewSet):
    model = ConsultationRequest
    permission_policy = FromThePublicPolicy(ConsultationRequest)
    edit_view_class = ConsultationEditView
    icon = "help"
    menu_label = _("Consultation requests")
    menu_order = 271
    add_to_admin_menu = True
    list_display = [
        "contact_name",
        "organisation_name",
        Column("status", label=capfirst(_("status")), accessor="get_status_display", sort_key="status"),
        "assignee",
        Column(
            "scheduled_at",
            label=capfirst(_("consultation time")),
            accessor=lambda request: format_datetime(request.scheduled_at) if request.scheduled_at else "",
            sort_key="scheduled_at",
        ),
        "created_at",
    ]
    list_filter = ["status", "assignee", "preferred_format"]
    inspect_view_enabled = True
    inspect_view_fields = [
        "contact_name",
        "organisation_name",
        "district",
        "phone",
        "email",
        "language",
        "topic",
        "question",
        "preferred_format",
        "preferred_dates",
        "consent_version",
        "created_at",
        "status",
        "assignee",
        "scheduled_at",
        "scheduled_place",
        "notes",
    ]
    copy_view_enabled = False

    def get_form_class(self, for_update=False):
        return ConsultationQueueForm
