from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import PageListingButton

from . import admin_views
from .permissions import can_view_registrations


@hooks.register("register_admin_urls")
def register_urls():
    return [
        path("trainings-events/", admin_views.events_list, name="trainings_events"),
        path("trainings-events/<int:page_id>/", admin_views.participants_page, name="trainings_participants"),
        path(
            "trainings-events/<int:page_id>/participants.xlsx",
            admin_views.export_participants,
            name="trainings_export",
        ),
        path(
            "trainings-events/<int:page_id>/certificate/<int:registration_id>/",
            admin_views.certificate,
            name="trainings_certificate",
        ),
        path(
            "trainings-events/<int:page_id>/attendance/<int:number>/",
            admin_views.attendance,
            name="trainings_attendance",
        ),
    ]


class ParticipantsMenuItem(MenuItem):
    def is_shown(self, request):
        return can_view_registrations(request.user)


@hooks.register("register_admin_menu_item")
def register_participants_menu_item():
    return ParticipantsMenuItem(
        _("Participants and attendance"), reverse("trainings_events"), icon_name="group", order=270
    )


@hooks.register("register_page_listing_buttons")
def participants_button(page, user, next_url=None):
    if page.specific_class.__name__ == "TrainingPage" and can_view_registrations(user):
        yield PageListingButton(_("Participants"), reverse("trainings_participants", args=[page.pk]), priority=60)


@hooks.register("register_admin_viewset")
def register_consultations():
    from .consultation_admin import ConsultationViewSet

    return ConsultationViewSet("trainings_consultations")


@hooks.register("register_admin_viewset")
def register_mentoring():
    from .mentoring_admin import MentoringPairViewSet

    return MentoringPairViewSet("trainings_mentoring")
