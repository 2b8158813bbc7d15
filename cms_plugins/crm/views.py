"""Admin screens beyond the snippet lists: import (upload, preview, confirm), export,
duplicates and merging, anonymising, rejects files. Thin: the work is in services."""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError
from django.http import FileResponse, Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from cms_plugins.erasure import registered as erasure_registry

from . import background, duplicates, services
from .columns import DATA_COLUMNS, plan_columns
from .exporting import CONTENT_TYPES, export_bytes, rows_for_organisations, rows_for_people
from .filters import OrganisationFilterSet, PersonFilterSet, search_organisations, search_people
from .import_storage import ImportTmpStorage
from .models import ImportLog, Organisation, Person
from .permissions import can_anonymise_person, can_export_contacts, can_import_contacts, can_merge
from .reading import UnreadableFile, max_rows, read_table, table_from_json, table_to_json
from .resources import INVALID, NEW, UNCHANGED, UPDATED

PREVIEW_LIMIT = 300
INVALID_LIMIT = 2000


def max_upload_bytes():
    return getattr(settings, "CRM_IMPORT_MAX_BYTES", 20 * 1024 * 1024)


class UploadForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("Spreadsheet"))
    mode = forms.ChoiceField(
        label=gettext_lazy("If some rows are invalid"),
        choices=ImportLog.Mode.choices,
        initial=ImportLog.Mode.ATOMIC,
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The limits are stated before the upload, not discovered after it.
        self.fields["file"].help_text = _(
            "XLSX or CSV (UTF-8 or Windows-1251; commas, semicolons or tabs). One row is one person "
            "with their organisation's columns; headers in Kazakh, Russian or English. "
            "At most %(mb)s MB and %(rows)s rows."
        ) % {"mb": max_upload_bytes() // (1024 * 1024), "rows": f"{max_rows():,}".replace(",", " ")}

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > max_upload_bytes():
            raise ValidationError(_("The file is larger than %(mb)s MB.") % {"mb": max_upload_bytes() // (1024 * 1024)})
        return upload


class ConfirmForm(forms.Form):
    token = forms.RegexField(regex=r"^[0-9a-f]{32}$", widget=forms.HiddenInput)
    file_name = forms.CharField(max_length=255, widget=forms.HiddenInput)
    mode = forms.ChoiceField(choices=ImportLog.Mode.choices, widget=forms.HiddenInput)
    mapping = forms.JSONField(required=False, widget=forms.HiddenInput)

    def clean_mapping(self):
        mapping = self.cleaned_data.get("mapping") or {}
        if not isinstance(mapping, dict) or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in mapping.items()
        ):
            raise ValidationError(_("The column mapping is damaged; please upload the file again."))
        return mapping


IGNORE = "-"


class MappingForm(ConfirmForm):
    """One choice per column of the file: a column key, or "ignore", chosen explicitly."""

    def __init__(self, *args, headers=(), samples=(), initial_keys=None, **kwargs):
        super().__init__(*args, **kwargs)
        choices = [("", gettext_lazy("— choose —")), (IGNORE, gettext_lazy("Ignore this column"))]
        choices += [(c.key, f"{c.title()} ({c.key})") for c in DATA_COLUMNS]
        self.headers = list(headers)
        initial_keys = initial_keys or {}
        self.columns = []
        for position, header in enumerate(self.headers):
            name = f"column_{position}"
            initial = initial_keys.get(header)
            self.fields[name] = forms.ChoiceField(
                label=header or _("(no header)"),
                choices=choices,
                required=True,
                initial=IGNORE if initial == "" else initial,
                error_messages={"required": _("Choose what this column is, or ignore it.")},
            )
            self.columns.append((self[name], samples[position] if position < len(samples) else []))

    def chosen(self):
        return {
            header: ("" if self.cleaned_data[f"column_{i}"] == IGNORE else self.cleaned_data[f"column_{i}"])
            for i, header in enumerate(self.headers)
            if str(header).strip()
        }


class CrmAdminView(WagtailAdminTemplateMixin, TemplateView):
    header_icon = "group"

    def dispatch(self, request, *args, **kwargs):
        allowed, reason = self.check_permission(request.user)
        if not allowed:
            raise PermissionDenied(reason)
        return super().dispatch(request, *args, **kwargs)

    def check_permission(self, user):
        raise NotImplementedError


class ImportView(CrmAdminView):
    """GET: the upload form. POST upload: preview. POST confirm: import, then the log entry."""

    template_name = "crm/import.html"
    page_title = gettext_lazy("Import contacts")

    def check_permission(self, user):
        return can_import_contacts(user)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("wagtailsnippets_crm_organisation:list"), "label": _("Organisations")},
            {"url": "", "label": self.page_title},
        ]

    def get(self, request, *args, **kwargs):
        return self.render_to_response(self.get_context_data(form=UploadForm()))

    def post(self, request, *args, **kwargs):
        step = request.POST.get("step")
        if step == "confirm":
            return self.confirm(request)
        if step == "repreview":
            return self.repreview(request)
        if step in {"map", "remap"}:
            return self.map_columns(request, show=step == "remap")
        form = UploadForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        upload = form.cleaned_data["file"]
        file_name = upload.name.rsplit("/", 1)[-1][:255]
        try:
            table = read_table(upload.read(), file_name)
        except UnreadableFile as error:
            return self.render_to_response(self.get_context_data(form=UploadForm(), file_error=str(error)))
        # What was read waits in shared storage for the confirm (any app server may get it).
        storage = ImportTmpStorage()
        storage.save(table_to_json(table))
        plan = plan_columns(table.headers)
        if plan.unmapped:
            # Unknown or ambiguous columns: the coordinator says what each is, nothing is guessed.
            return self.mapping_screen(table, file_name, form.cleaned_data["mode"], storage.name)
        return self.preview(table, file_name, form.cleaned_data["mode"], storage.name, {})

    def mapping_screen(self, table, file_name, mode, token, form=None, mapping=None):
        saved = services.saved_mapping(table.headers)
        if form is None:
            plan = plan_columns(table.headers, mapping or saved)
            initial = {**plan.suggested, **plan.as_mapping()}
            form = MappingForm(
                initial={"token": token, "file_name": file_name, "mode": mode},
                headers=table.headers,
                samples=samples_of(table),
                initial_keys=initial,
            )
        context = self.get_context_data(mapping_form=form, file_name=file_name, saved=bool(saved and not mapping))
        return self.render_to_response(context)

    def map_columns(self, request, show=False):
        form, storage, table = self._stored_table(request)
        if table is None:
            return redirect("crm:import")
        file_name, mode = form.cleaned_data["file_name"], form.cleaned_data["mode"]
        if show:
            return self.mapping_screen(table, file_name, mode, storage.name, mapping=form.cleaned_data["mapping"])
        mapping_form = MappingForm(request.POST, headers=table.headers, samples=samples_of(table))
        if not mapping_form.is_valid():
            return self.mapping_screen(table, file_name, mode, storage.name, form=mapping_form)
        mapping = mapping_form.chosen()
        services.save_mapping(table.headers, mapping)
        return self.preview(table, file_name, mode, storage.name, mapping)

    def in_background(self, table, file_name, mode, token, mapping, dry_run):
        try:
            log = background.start(
                upload=token,
                file_name=file_name,
                rows=len(table.rows),
                user=self.request.user,
                mode=mode,
                mapping=mapping,
                dry_run=dry_run,
            )
        except background.ImportBusy as error:
            messages.error(self.request, str(error))
            return redirect("crm:import")
        return redirect("crm:import_result", log.pk)

    def preview(self, table, file_name, mode, token, mapping):
        if len(table.rows) > background.threshold():
            return self.in_background(table, file_name, mode, token, mapping, dry_run=True)
        result, _log = services.run_import(
            None,
            table=table,
            file_name=file_name,
            user=self.request.user,
            skip_invalid=mode == "skip_invalid",
            dry_run=True,
            log=False,
            mapping=mapping,
        )
        invalid = result.invalid_rows
        others = [row for row in result.rows if row.status != INVALID]
        can_confirm = not result.file_errors and bool(others) and (mode == "skip_invalid" or not invalid)
        context = self.get_context_data(
            result=result,
            file_name=file_name,
            mode=mode,
            invalid_rows=invalid[:INVALID_LIMIT],
            invalid_hidden=max(0, len(invalid) - INVALID_LIMIT),
            preview_rows=others[:PREVIEW_LIMIT],
            preview_hidden=max(0, len(others) - PREVIEW_LIMIT),
            counts={
                NEW: result.count(NEW),
                UPDATED: result.count(UPDATED),
                UNCHANGED: result.count(UNCHANGED),
                INVALID: len(invalid),
            },
            can_confirm=can_confirm,
            confirm_form=ConfirmForm(
                initial={"token": token, "file_name": file_name, "mode": mode, "mapping": mapping}
            ),
            skip_form=ConfirmForm(
                initial={"token": token, "file_name": file_name, "mode": "skip_invalid", "mapping": mapping}
            ),
            table=result.table,
        )
        return self.render_to_response(context)

    def _stored(self, request):
        form = ConfirmForm(request.POST)
        if not form.is_valid():
            return None, None
        storage = ImportTmpStorage(name=form.cleaned_data["token"])
        try:
            data = storage.read()
        except (FileNotFoundError, OSError):
            return form, None
        return form, (storage, data)

    def _stored_table(self, request):
        """(form, storage, table) of the upload this step names; table None (with the
        message said) when the upload expired or cannot be read."""
        form, stored = self._stored(request)
        if not stored:
            messages.error(request, _("The uploaded file has expired; please upload it again."))
            return form, None, None
        storage, data = stored
        try:
            return form, storage, table_from_json(data)
        except UnreadableFile as error:
            messages.error(request, str(error))
            return form, storage, None

    def repreview(self, request):
        form, storage, table = self._stored_table(request)
        if table is None:
            return redirect("crm:import")
        return self.preview(
            table, form.cleaned_data["file_name"], form.cleaned_data["mode"], storage.name, form.cleaned_data["mapping"]
        )

    def confirm(self, request):
        form, stored = self._stored(request)
        if not stored:
            messages.error(request, _("The uploaded file has expired; please upload it again."))
            return redirect("crm:import")
        storage, data = stored
        mode = form.cleaned_data["mode"]
        try:
            table = table_from_json(data)
        except UnreadableFile as error:
            messages.error(request, str(error))
            return redirect("crm:import")
        if len(table.rows) > background.threshold():
            return self.in_background(
                table, form.cleaned_data["file_name"], mode, storage.name, form.cleaned_data["mapping"], dry_run=False
            )
        try:
            result, log = services.run_import(
                None,
                table=table,
                file_name=form.cleaned_data["file_name"],
                user=request.user,
                skip_invalid=mode == "skip_invalid",
                dry_run=False,
                mapping=form.cleaned_data["mapping"],
            )
        except UnreadableFile as error:
            messages.error(request, str(error))
            return redirect("crm:import")
        finally:
            storage.remove()
        if result.imported:
            messages.success(request, _("Imported: %(summary)s") % {"summary": result.summary()})
        elif result.file_errors:
            messages.error(request, " ".join([_("Nothing was imported."), *result.file_errors]))
        else:
            messages.error(request, _("Nothing was imported: %(summary)s") % {"summary": result.summary()})
        return redirect("crm:import_result", log.pk)


def samples_of(table, count=3):
    """Up to three filled values of each column, as the mapping screen shows them."""
    samples = [[] for _header in table.headers]
    for _line, cells in table.rows:
        for position, cell in enumerate(cells[: len(samples)]):
            text = str(cell).strip() if cell is not None else ""
            if text and len(samples[position]) < count:
                samples[position].append(text[:60])
        if all(len(s) >= count for s in samples):
            break
    return samples


class ImportResultView(CrmAdminView):
    template_name = "crm/import_result.html"
    page_title = gettext_lazy("Import result")

    def check_permission(self, user):
        return can_import_contacts(user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        log = get_object_or_404(ImportLog, pk=self.kwargs["pk"])
        context["log"] = log
        context["rows_done"] = background.rows_done(log)
        if log.dry_run and log.state == ImportLog.State.DONE and log.upload:
            preview = log.preview or {}
            counts = preview.get("counts", {})
            others = counts.get("new", 0) + counts.get("updated", 0) + counts.get("unchanged", 0)
            context["can_confirm"] = (
                not preview.get("file_errors") and others and (log.mode == "skip_invalid" or not log.invalid)
            )
            context["confirm_form"] = ConfirmForm(
                initial={"token": log.upload, "file_name": log.file_name, "mode": log.mode,
                         "mapping": log.column_mapping}
            )  # fmt: skip
        return context

    def get(self, request, *args, **kwargs):
        if request.GET.get("format") == "json":
            log = get_object_or_404(ImportLog, pk=self.kwargs["pk"])
            return JsonResponse({"state": log.state, "rows_done": background.rows_done(log), "rows": log.rows})
        return super().get(request, *args, **kwargs)


def import_progress(request, pk):
    """A background import's rows done, as JSON for the progress page's script.

    Refused with a JSON 403 (not the admin's redirect to its dashboard, which a
    script cannot read) to whoever may not import contacts."""
    allowed, reason = can_import_contacts(request.user)
    if not allowed:
        return JsonResponse({"error": str(reason)}, status=403)
    log = get_object_or_404(ImportLog, pk=pk)
    return JsonResponse({"state": log.state, "rows_done": background.rows_done(log), "rows": log.rows})


def rejects_download(request, pk):
    allowed, reason = can_import_contacts(request.user)
    if not allowed:
        raise PermissionDenied(reason)
    log = get_object_or_404(ImportLog, pk=pk)
    if not log.rejects_file:
        raise Http404
    storage = services.import_storage()
    try:
        handle = storage.open(log.rejects_file, "rb")
    except (FileNotFoundError, OSError) as error:
        raise Http404 from error
    name = log.rejects_file.rsplit("/", 1)[-1]
    return FileResponse(handle, as_attachment=True, filename=name)


def export_view(request, kind):
    allowed, reason = can_export_contacts(request.user)
    if not allowed:
        raise PermissionDenied(reason)
    file_format = request.GET.get("format", "xlsx")
    if file_format not in CONTENT_TYPES:
        file_format = "xlsx"
    if kind == "organisations":
        queryset = OrganisationFilterSet(request.GET, queryset=Organisation.objects.all()).qs
        queryset = search_organisations(queryset, request.GET.get("q", "")).order_by("name", "pk")

        def rows(builder):
            return rows_for_organisations(queryset, builder)

    elif kind == "people":
        queryset = PersonFilterSet(request.GET, queryset=Person.objects.all()).qs
        queryset = search_people(queryset, request.GET.get("q", "")).order_by("full_name", "pk")

        def rows(builder):
            return rows_for_people(queryset, builder)

    else:
        raise Http404
    data = export_bytes(rows, file_format)
    response = HttpResponse(data, content_type=CONTENT_TYPES[file_format])
    name = f"{kind}-{timezone.localtime():%Y%m%d-%H%M}.{file_format}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


MODELS = {"organisation": Organisation, "person": Person}


class DuplicatesView(CrmAdminView):
    template_name = "crm/duplicates.html"
    page_title = gettext_lazy("Probable duplicates")

    def check_permission(self, user):
        if can_merge(user, "organisation")[0] or can_merge(user, "person")[0]:
            return True, ""
        return can_merge(user, "organisation")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        kind = self.request.GET.get("kind", "organisations")
        context["kind"] = "people" if kind == "people" else "organisations"
        if context["kind"] == "people":
            context["people_groups"] = duplicates.people_groups()
        else:
            context["organisation_groups"] = duplicates.organisation_groups()
        return context


class MergeView(CrmAdminView):
    template_name = "crm/merge.html"
    page_title = gettext_lazy("Merge duplicates")

    def check_permission(self, user):
        if self.kwargs["model"] not in MODELS:
            raise Http404
        return can_merge(user, self.kwargs["model"])

    def get_objects(self):
        model = MODELS[self.kwargs["model"]]
        primary = get_object_or_404(model, pk=self.kwargs["primary"])
        secondary = get_object_or_404(model, pk=self.kwargs["secondary"])
        if primary.pk == secondary.pk:
            raise Http404
        return primary, secondary

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        primary, secondary = self.get_objects()
        context.update(
            model=self.kwargs["model"],
            primary=primary,
            secondary=secondary,
            swap_url=reverse("crm:merge", args=[self.kwargs["model"], secondary.pk, primary.pk]),
            primary_history=primary.interactions.count(),
            secondary_history=secondary.interactions.count(),
            primary_links=primary.memberships.count(),
            secondary_links=secondary.memberships.count(),
        )
        return context

    def post(self, request, *args, **kwargs):
        primary, secondary = self.get_objects()
        merge = services.merge_organisations if self.kwargs["model"] == "organisation" else services.merge_people
        try:
            merged = merge(primary, secondary, user=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect(request.path)
        except IntegrityError:
            # Another app's record allows only one link per organisation or person.
            messages.error(request, _("These records cannot be merged: another record links to both of them."))
            return redirect(request.path)
        messages.success(request, _("Merged into “%(name)s”; every history entry was kept.") % {"name": merged})
        return redirect(f"wagtailsnippets_crm_{self.kwargs['model']}:inspect", merged.pk)


class AnonymiseView(CrmAdminView):
    template_name = "crm/anonymise.html"
    page_title = gettext_lazy("Anonymise person")

    def check_permission(self, user):
        self.person = get_object_or_404(Person, pk=self.kwargs["pk"])
        return can_anonymise_person(user, self.person)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["person"] = self.person
        context["history_count"] = self.person.interactions.count()
        context["membership_count"] = self.person.memberships.count()
        context["copies"] = erasure_registry()
        return context

    def post(self, request, *args, **kwargs):
        services.anonymise_person(self.person, user=request.user)
        messages.success(request, _("The person's personal data was removed; history counts are kept."))
        return redirect("wagtailsnippets_crm_person:inspect", self.person.pk)
