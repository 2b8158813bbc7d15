"""Admin → Mentoring pairs: pairs with their sessions; saving puts the start and each new session on
both organisations' CRM timelines."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.admin.views.generic import CreateView, EditView
from wagtail.admin.viewsets.model import ModelViewSet

from . import services
from .mentoring import MentoringPair


class MentoringPairCreateView(CreateView):
    def save_instance(self):
        pair = super().save_instance()
        services.record_mentoring(pair, list(pair.sessions.all()), started=True, user=self.request.user)
        return pair


class MentoringPairEditView(EditView):
    def save_instance(self):
        before = set(self.object.sessions.values_list("pk", flat=True)) if self.object.pk else set()
        pair = super().save_instance()
        new = [session for session in pair.sessions.all() if session.pk not in before]
        services.record_mentoring(pair, new, user=self.request.user)
        return pair


class MentoringPairViewSet(ModelViewSet):
    model = MentoringPair
    add_view_class = MentoringPairCreateView
    edit_view_class = MentoringPairEditView
    icon = "group"
    menu_label = _("Mentoring pairs")
    menu_order = 272
    add_to_admin_menu = True
    list_display = [
        "mentor",
        "mentee",
        "starts_on",
        "ends_on",
        BooleanColumn("is_active", label=_("active")),
        Column("sessions", label=_("Sessions"), accessor=lambda pair: pair.sessions.count()),
    ]
    list_filter = ["starts_on"]
    copy_view_enabled = False
    inspect_view_enabled = True
