from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import IndexView, InspectView
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.permission_policies import ModelPermissionPolicy

from cms_plugins.formatting import format_money
from cms_plugins.formulas import escape_formula
from cms_plugins.phone import format_phone

from . import competition_views, services, views
from .models import Application, Assignment
from .permissions import can_list_reviews, can_reopen_review, can_revoke_links, can_run_competition


class ApplicationInspectView(InspectView):
    template_name = "grants/admin/application_inspect.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["application"] = self.object
        context["assignments"] = self.object.assignments.select_related("expert").order_by("assigned_at", "pk")
        context["events"] = self.object.events.select_related("actor")
        context["can_reopen"] = can_reopen_review(self.request.user)
        context["can_run_competition"] = can_run_competition(self.request.user)
        context["confirmation_mails"] = services.confirmation_mails(self.object)
        return context

    # Wagtail's InspectView asks for get_<field>_display_value: the site's one format.
    def get_phone_display_value(self):
        return format_phone(self.object.phone)

    def get_requested_amount_display_value(self):
        return format_money(self.object.requested_amount)

    def get_district_code_display_value(self):  # the district's name, not its code
        from .application_list import district_names

        return district_names().get(self.object.district_code, self.object.district_code)


class ApplicationIndexView(IndexView):
    """The list and its CSV/XLSX export; applicants' text is written as text, never as a formula."""

    def preprocess_field_value(self, field, value, export_format):
        if field == "phone":  # shown as the site shows phones (stored E.164)
            value = format_phone(value)
        return escape_formula(super().preprocess_field_value(field, value, export_format))


class SubmittedOnlyPolicy(ModelPermissionPolicy):
    """Applications come from applicants: nobody adds one in the admin."""

    def user_has_permission(self, user, action):
        return action != "add" and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return super().user_has_any_permission(user, [a for a in actions if a != "add"])


class ApplicationViewSet(ModelViewSet):
    model = Application
    permission_policy = SubmittedOnlyPolicy(Application)
    index_view_class = ApplicationIndexView
    icon = "form"
    menu_label = _("Applications")
    list_display = [
        "reference",
        "organisation_name",
        "call",
        Column("status", label=capfirst(_("status")), accessor="get_status_display", sort_key="status"),
        # Amounts as people read them (570 000 ₸), not 570000.
        Column(
            "requested_amount",
            label=_("Requested"),
            accessor=lambda application: format_money(application.requested_amount),
            sort_key="requested_amount",
        ),
        "submitted_at",
    ]
    list_filter = ["status", "call", "applicant_type"]
    form_fields = ["status", "notes"]

    def get_form_class(self, for_update=False):
        return views.ApplicationStatusForm

    inspect_view_enabled = True
    inspect_view_class = ApplicationInspectView
    inspect_view_fields = [
        "reference",
        "call",
        "status",
        "organisation_name",
        "bin",
        "district_code",
        "contact_name",
        "email",
        "phone",
        "requested_amount",
        "consent_version",
        "consent_at",
        "submitted_at",
    ]
    list_export = [
        "reference",
        "organisation_name",
        "bin",
        "district_code",
        "contact_name",
        "email",
        "phone",
        "requested_amount",
        "status",
        "submitted_at",
    ]
    search_fields = ["reference", "organisation_name", "email"]
    copy_view_enabled = False


class AssignmentViewSet(ModelViewSet):
    model = Assignment
    icon = "user"
    menu_label = _("Expert assignments")
    list_display = ["application", "expert", "assigned_at", "conflict", "total", "scored_at"]
    list_filter = ["expert", "conflict", "application__call"]
    form_fields = ["application", "expert"]

    def get_form_class(self, for_update=False):
        return views.AssignmentForm

    copy_view_enabled = False


class GrantsGroup(ModelViewSetGroup):
    menu_label = _("Grants")
    menu_icon = "form"
    menu_order = 250
    items = [ApplicationViewSet("grant_applications"), AssignmentViewSet("grant_assignments")]


@hooks.register("register_admin_viewset")
def register_viewsets():
    return GrantsGroup()


@hooks.register("register_admin_urls")
def register_urls():
    return [
        path(
            "grants-files/<int:application_id>/<int:file_id>/", views.application_file, name="grants_application_file"
        ),
        path("grants-reviews/", views.review_list, name="grants_reviews"),
        path("grants-draft-links/", views.draft_links, name="grants_draft_links"),
        path("grants-reviews/<int:assignment_id>/", views.review, name="grants_review"),
        path("grants-reviews/<int:assignment_id>/reopen/", competition_views.reopen, name="grants_reopen_review"),
        path("grants-competition/", competition_views.competition, name="grants_competition"),
        path("grants-competition/<int:call_id>/assign/", competition_views.assign, name="grants_assign"),
        path("grants-competition/<int:call_id>/ranking/", competition_views.ranking_view, name="grants_ranking"),
        path("grants-competition/<int:call_id>/publish/", competition_views.publish, name="grants_publish_results"),
        path("grants-decide/<int:application_id>/", competition_views.decide, name="grants_decide"),
    ]


class ReviewsMenuItem(MenuItem):
    def is_shown(self, request):
        return can_list_reviews(request.user)


@hooks.register("register_admin_menu_item")
def register_reviews_menu_item():
    return ReviewsMenuItem(_("My reviews"), reverse("grants_reviews"), icon_name="tick-inverse", order=260)


class DraftLinksMenuItem(MenuItem):
    def is_shown(self, request):
        return can_revoke_links(request.user)


@hooks.register("register_admin_menu_item")
def register_draft_links_menu_item():
    return DraftLinksMenuItem(_("Applicants' links"), reverse("grants_draft_links"), icon_name="lock", order=261)


class CompetitionMenuItem(MenuItem):
    def is_shown(self, request):
        return can_run_competition(request.user)


@hooks.register("register_admin_menu_item")
def register_competition_menu_item():
    return CompetitionMenuItem(_("Competition"), reverse("grants_competition"), icon_name="trophy", order=259)


@hooks.register("register_admin_urls")
def register_application_urls():
    """The coordinators' applications of a call: list, export, detail and its print version."""
    from . import application_detail, application_export, application_list, dossiers

    return [
        path(
            "grants-competition/<int:call_id>/applications/", application_list.applications, name="grants_applications"
        ),
        path(
            "grants-competition/<int:call_id>/applications/export/",
            application_export.applications_export,
            name="grants_application_export",
        ),
        path(
            "grants-applications/<int:application_id>/",
            application_detail.application_detail,
            name="grants_application_detail",
        ),
        path(
            "grants-applications/<int:application_id>/print/",
            application_detail.application_print,
            name="grants_application_print",
        ),
        path(
            "grants-competition/<int:call_id>/applications/move/",
            competition_views.move_applications,
            name="grants_move_applications",
        ),
        path("grants-applications/<int:application_id>/pdf/", dossiers.pdf_view, name="grants_application_pdf"),
        path("grants-applications/<int:application_id>/zip/", dossiers.application_zip, name="grants_application_zip"),
        path("grants-competition/<int:call_id>/shortlist.zip", dossiers.shortlist_zip, name="grants_shortlist_zip"),
    ]


@hooks.register("register_admin_viewset")
def register_grant_records():
    from .grant_admin import GrantViewSet

    return GrantViewSet("grant_records")


@hooks.register("register_admin_urls")
def register_report_urls():
    from . import report_admin

    return [
        path("grants-reports-due/", report_admin.reports, name="grants_reports"),
        path("grants-reports-due/<int:grant_id>/<slug:kind>/", report_admin.report, name="grants_report_review"),
        path(
            "grants-reports-due/<int:grant_id>/<slug:kind>/files/<int:file_id>/",
            report_admin.attachment,
            name="grants_report_attachment",
        ),
    ]


class GrantReportsMenuItem(MenuItem):
    def is_shown(self, request):
        from .report_admin import can_manage_grants

        return can_manage_grants(request.user)


@hooks.register("register_admin_menu_item")
def register_grant_reports_menu_item():
    return GrantReportsMenuItem(_("Grantee reports"), reverse("grants_reports"), icon_name="doc-full", order=258)


@hooks.register("construct_homepage_panels")
def add_competition_panels(request, panels):
    from .dashboard import add_panels

    add_panels(request, panels)


@hooks.register("insert_global_admin_css")
def grant_lists_css():
    return format_html('<link rel="stylesheet" href="{}">', static("grants/lists.css"))
