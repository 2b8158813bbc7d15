"""The CRM in the Wagtail admin: one SnippetViewSet a model, grouped in a "CRM" menu."""

from urllib.parse import urlencode

from django.db.models import F
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.ui.tables import BooleanColumn, Column, DateColumn
from wagtail.admin.widgets.button import HeaderButton
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.snippets.views.snippets import CreateView, IndexView, InspectView, SnippetViewSet, SnippetViewSetGroup

from .choosers import CrmChooserViewSet
from .filters import (
    InteractionFilterSet,
    OrganisationFilterSet,
    PersonFilterSet,
    search_organisations,
    search_people,
)
from .models import ImportLog, Interaction, Organisation, Person
from .permissions import can_anonymise_person, can_export_contacts, can_import_contacts, can_merge


class ContactsIndexView(IndexView):
    """A list with an Import button beside Add, and Export (XLSX, CSV) and Duplicates in
    the header's "More" menu (five buttons did not fit at 1280 px); export keeps the filters."""

    export_kind = ""
    search_function = None

    def search_queryset(self, queryset):
        # Plain queries on normalised keys: case-insensitive for Cyrillic on SQLite too,
        # and no Wagtail search index (wagtail#10217).
        if not self.is_searching:
            return queryset
        return type(self).search_function(queryset, self.search_query)

    @cached_property
    def header_buttons(self):
        buttons = list(super().header_buttons)
        if can_import_contacts(self.request.user)[0]:
            buttons.append(HeaderButton(_("Import"), url=reverse("crm:import"), icon_name="upload", priority=20))
        return buttons

    @cached_property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        user = self.request.user
        if can_export_contacts(user)[0]:
            params = self.request.GET.copy()
            params.pop("p", None)
            for label, file_format, priority in ((_("Export XLSX"), "xlsx", 30), (_("Export CSV"), "csv", 31)):
                params["format"] = file_format
                url = reverse("crm:export", args=[self.export_kind]) + "?" + params.urlencode()
                buttons.append(HeaderButton(label, url=url, icon_name="download", priority=priority))
        if can_merge(user, self.model._meta.model_name)[0]:
            buttons.append(
                HeaderButton(
                    _("Duplicates"),
                    url=reverse("crm:duplicates") + "?" + urlencode({"kind": self.export_kind}),
                    icon_name="resubmit",
                    priority=40,
                )
            )
        return buttons


class OrganisationIndexView(ContactsIndexView):
    export_kind = "organisations"
    default_ordering = "name"
    # Wagtail's "Add %(model_name)s" cannot decline the noun ("Добавить организация").
    add_item_label = _("Add organisation")
    search_function = staticmethod(search_organisations)

    def order_queryset(self, queryset):
        # Never contacted sorts as the oldest contact on every database (PostgreSQL put
        # nulls first when newest-first, SQLite last), as Wagtail does for "updated".
        if self.ordering == "last_contact":
            return queryset.order_by(F("last_contact").asc(nulls_first=True), "pk")
        if self.ordering == "-last_contact":
            return queryset.order_by(F("last_contact").desc(nulls_last=True), "-pk")
        return super().order_queryset(queryset)


class PersonIndexView(ContactsIndexView):
    export_kind = "people"
    # By the name's comparison key (indexed): a page of 100,000 people is read from the
    # index, not sorted from the whole table; case and Kazakh letters do not split the
    # alphabet (Әлия beside Алия) as the database's collation may.
    default_ordering = "name_key"
    add_item_label = _("Add person")
    search_function = staticmethod(search_people)

    def search_queryset(self, queryset):
        queryset = super().search_queryset(queryset)
        if self.is_searching and self.ordering in ("name_key", "-name_key"):
            # A name search's matches sit together in name order: PostgreSQL, following
            # the name index to fill a page, would read every record before them (80,000
            # for a surname late in the alphabet). Matches are few: sort them instead.
            queryset = queryset.order_by(self.ordering.replace("name_key", "full_name"))
        return queryset


class TimelineInspectView(InspectView):
    """The record's fields, its people or organisations, and its history, newest first."""

    template_name = "crm/inspect_with_timeline.html"
    timeline_limit = 200

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        obj = self.object
        field = "organisation" if isinstance(obj, Organisation) else "person"
        timeline = Interaction.objects.timeline().filter(**{field: obj})
        context["timeline"] = timeline[: self.timeline_limit]
        context["timeline_total"] = timeline.count()
        context["memberships"] = obj.memberships.select_related("person", "organisation").order_by("pk")
        context["record_kind"] = field
        context["add_history_url"] = reverse("wagtailsnippets_crm_interaction:add") + "?" + urlencode({field: obj.pk})
        if field == "person":
            context["can_anonymise"] = can_anonymise_person(self.request.user, obj)[0]
        return context


class InteractionCreateView(CreateView):
    """Prefills the organisation or person from the link on their page; records who wrote it."""

    def get_initial(self):
        initial = super().get_initial()
        for name in ("organisation", "person"):
            value = self.request.GET.get(name, "")
            if value.isdigit():
                initial[name] = int(value)
        return initial

    def save_instance(self):
        self.form.instance.recorded_by = self.request.user
        return super().save_instance()


class OrganisationViewSet(SnippetViewSet):
    chooser_viewset_class = CrmChooserViewSet
    model = Organisation
    icon = "group"
    menu_label = _("Organisations")
    menu_name = "crm-organisations"
    index_view_class = OrganisationIndexView
    inspect_view_class = TimelineInspectView
    inspect_view_enabled = True
    filterset_class = OrganisationFilterSet
    search_fields = ["name"]  # enables the search box; OrganisationIndexView does the searching
    search_backend_name = None
    # A screen or two to scan; each row's actions menu is most of a page's rendering.
    list_per_page = 25
    # What a coordinator scans, in readable widths; status, focus areas and the rest are
    # filters and the detail page.
    list_display = [
        "name",  # the title column: links to the record, carries its buttons
        Column("district", label=capfirst(_("district")), sort_key="district__sort_order", width="16%"),
        Column(
            "legal_form",
            # Short: the long "Организационно-правовая форма" header took the name column's room.
            label=pgettext_lazy("organisation list column", "Form"),
            accessor="get_legal_form_display",
            sort_key="legal_form",
            width="16%",
        ),
        Column("bin", label=_("BIN"), width="12%"),
        # Not sortable: sorting by a count computes it for every organisation (seconds at
        # 25,000); a page ordered by name counts only its own rows.
        Column("people_count", label=capfirst(_("people")), width="8%"),
        DateColumn(
            "last_contact",
            label=capfirst(_("last contact")),
            sort_key="last_contact",
            width="14%",
            classname="crm-list-column",
        ),
    ]
    inspect_view_fields = [
        "name",
        "short_name",
        "legal_form",
        "bin",
        "registration_date",
        "district",
        "settlement",
        "address",
        "status",
        "website",
        "social_links",
        "notes",
        "source",
        "created_at",
        "updated_at",
    ]

    def get_queryset(self, request):
        return Organisation.objects.for_admin_list()


class PersonViewSet(SnippetViewSet):
    chooser_viewset_class = CrmChooserViewSet
    model = Person
    icon = "user"
    menu_label = _("People")
    menu_name = "crm-people"
    index_view_class = PersonIndexView
    inspect_view_class = TimelineInspectView
    inspect_view_enabled = True
    filterset_class = PersonFilterSet
    search_fields = ["full_name"]
    search_backend_name = None
    list_per_page = 25
    list_display = [
        Column(
            "full_name",
            label=capfirst(_("full name")),
            accessor="__str__",
            sort_key="name_key",
            width="26%",
            classname="crm-name",
        ),
        Column("phone_display", label=capfirst(_("phone")), sort_key="phone", width="15%"),
        Column("email", label=capfirst(_("email")), sort_key="email", width="20%"),
        Column("organisation_names", label=capfirst(_("organisations")), width="25%"),
        BooleanColumn("mailing_opt_out", label=capfirst(_("no mailings")), width="14%"),
    ]
    inspect_view_fields = [
        "full_name",
        "phone",
        "email",
        "preferred_language",
        "consent_version",
        "consent_at",
        "consent_method",
        "mailing_opt_out",
        "notes",
        "source",
        "anonymised_at",
        "created_at",
        "updated_at",
    ]

    def get_queryset(self, request):
        return Person.objects.prefetch_related("memberships__organisation")


class InteractionViewSet(SnippetViewSet):
    chooser_viewset_class = CrmChooserViewSet
    model = Interaction
    icon = "history"
    menu_label = _("History")
    menu_name = "crm-history"
    add_view_class = InteractionCreateView
    filterset_class = InteractionFilterSet
    list_per_page = 50
    list_display = [
        DateColumn("date", label=_("date"), sort_key="date"),
        Column("kind", label=_("kind"), accessor="get_kind_display", sort_key="kind"),
        Column("organisation", label=_("organisation")),
        Column("person", label=_("person")),
        Column("text", label=_("text")),
        Column("recorded_by", label=_("recorded by")),
    ]

    def get_queryset(self, request):
        return Interaction.objects.select_related("organisation", "person", "recorded_by")


class ReadOnlyPolicy(ModelPermissionPolicy):
    """Import log entries are written by imports only: nobody adds or edits them by hand."""

    def user_has_permission(self, user, action):
        if action in {"add", "change"}:
            return False
        return super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


class ImportLogViewSet(SnippetViewSet):
    chooser_viewset_class = CrmChooserViewSet
    model = ImportLog
    icon = "list-ul"
    menu_label = _("Import log")
    menu_name = "crm-import-log"
    inspect_view_enabled = True
    list_display = [
        DateColumn("created_at", label=_("when"), sort_key="created_at"),
        Column("user", label=_("user")),
        "file_name",
        Column("mode", label=_("mode"), accessor="get_mode_display"),
        "rows",
        "organisations_new",
        "organisations_updated",
        "people_new",
        "people_updated",
        "invalid",
        BooleanColumn("imported", label=_("imported")),
    ]
    list_filter = ["imported", "channel"]

    @cached_property
    def permission_policy(self):
        return ReadOnlyPolicy(self.model)

    def get_queryset(self, request):
        return ImportLog.objects.select_related("user")


class CrmViewSetGroup(SnippetViewSetGroup):
    menu_label = _("CRM")
    menu_icon = "group"
    menu_name = "crm"
    menu_order = 250
    items = (OrganisationViewSet, PersonViewSet, InteractionViewSet, ImportLogViewSet)
