"""Admin → Outgoing email: every message with its true state; failed ones can be sent again."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import path
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy

from .models import OutboundMail
from .services import send_again


class ReadOnlyPolicy(ModelPermissionPolicy):
    """The outbox is a record: viewed, never added or edited by hand."""

    def user_has_permission(self, user, action):
        return action in ("view", "inspect") and super().user_has_permission(user, "view")

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


class OutboundMailViewSet(ModelViewSet):
    model = OutboundMail
    permission_policy = ReadOnlyPolicy(OutboundMail)
    icon = "mail"
    menu_label = _("Outgoing email")
    menu_order = 270
    add_to_admin_menu = True
    list_display = ["subject", "recipient", "topic", "state", "attempts", "created_at", "sent_at"]
    list_filter = ["state"]
    search_fields = ["recipient", "topic", "subject"]
    inspect_view_enabled = True
    inspect_view_fields = ["recipient", "subject", "topic", "state", "attempts", "last_error", "created_at", "sent_at"]
    inspect_template_name = "mail/admin/inspect.html"
    form_fields = ["recipient"]
    copy_view_enabled = False


@hooks.register("register_admin_viewset")
def register_outbox():
    return OutboundMailViewSet("outgoing_email")


@require_POST
def resend(request, pk):
    if not request.user.has_perm("mail.view_outboundmail"):
        raise PermissionDenied
    mail = get_object_or_404(OutboundMail, pk=pk)
    if send_again(mail):
        messages.success(request, _("The message is queued again."))
    else:
        messages.error(request, _("Only a failed message can be sent again."))
    return redirect("outgoing_email:inspect", pk)


@hooks.register("register_admin_urls")
def register_urls():
    return [path("outgoing-email/<int:pk>/send-again/", resend, name="mail_send_again")]
