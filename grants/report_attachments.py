"""Files a grantee attaches to a report (photos of the event, receipts, PDFs): checked by content
with the application form's own file check, kept in private storage, served only through a
permission check (report_admin for coordinators, report_views for the grantee's link)."""

import os

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from cms_plugins.formatting import format_file_size
from cms_plugins.multistep import filetypes
from cms_plugins.multistep.fields import CheckedFileField
from cms_plugins.multistep.models import private_storage
from cms_plugins.multistep.storage import clean_name

MB = 1024 * 1024
MAX_FILES = 10
MAX_FILE_SIZE = 10 * MB
MAX_TOTAL_SIZE = 30 * MB
KINDS = ["image", "pdf", "doc", "xls"]


class ReportAttachment(models.Model):
    report = models.ForeignKey(
        "grants.GrantReport", on_delete=models.CASCADE, related_name="attachments", verbose_name=_("report")
    )
    file = models.FileField(storage=private_storage, upload_to="grant-reports/%Y/%m/", max_length=255)
    original_name = models.CharField(_("file name"), max_length=255)
    content_type = models.CharField(max_length=100, blank=True)
    size = models.PositiveBigIntegerField(_("size"), default=0)
    uploaded_at = models.DateTimeField(_("uploaded"), default=timezone.now)

    wagtail_reference_index_ignore = True

    class Meta:
        verbose_name = _("report attachment")
        verbose_name_plural = _("report attachments")
        ordering = ["uploaded_at", "pk"]

    def __str__(self):
        return self.original_name

    @property
    def size_text(self):
        return format_file_size(self.size)

    def delete_file(self):
        if self.file:
            self.file.storage.delete(self.file.name)


def attach(report, uploaded_files):
    """Keep each checked upload with the report (the caller holds the report's lock)."""
    for uploaded in uploaded_files:
        name = clean_name(os.path.basename(uploaded.name or "")) or "file"
        attachment = ReportAttachment(
            report=report, original_name=name, content_type=(uploaded.content_type or "")[:100], size=uploaded.size
        )
        uploaded.seek(0)
        attachment.file.save(name, uploaded, save=False)
        attachment.save()


def remove(attachments):
    """Delete attachments and their stored files."""
    for attachment in attachments:
        attachment.delete_file()
        attachment.delete()


class MultipleFileInput(forms.FileInput):
    allow_multiple_selected = True


class ReportFilesField(CheckedFileField):
    """Several files, each checked exactly as an application's attachment is (CheckedFileField)."""

    widget = MultipleFileInput

    def __init__(self, **kwargs):
        super().__init__(kinds=KINDS, max_size=MAX_FILE_SIZE, required=False, **kwargs)

    def limits_text(self):
        return ngettext(
            "Accepted: %(types)s. Up to %(size)s a file; at most %(count)s file and %(total)s in all.",
            "Accepted: %(types)s. Up to %(size)s a file; at most %(count)s files and %(total)s in all.",
            MAX_FILES,
        ) % {
            "types": ", ".join(str(filetypes.KINDS[kind][0]) for kind in self.kinds),
            "size": format_file_size(self.max_size),
            "count": MAX_FILES,
            "total": format_file_size(MAX_TOTAL_SIZE),
        }

    def clean(self, data, initial=None):
        uploads = [upload for upload in (data if isinstance(data, (list, tuple)) else [data]) if upload]
        cleaned, errors = [], []
        for upload in uploads:
            try:
                cleaned.append(super().clean(upload, initial))
            except ValidationError as refused:
                errors.extend(refused.messages)
        if errors:
            raise ValidationError(errors)
        return cleaned


class ReportFilesForm(forms.Form):
    """New files for the report, and which of the ones already attached (a returned report) to drop."""

    files = ReportFilesField(
        label=_("Photos, receipts and other documents"),
        help_text=_("You may choose several files at once."),
    )
    remove = forms.TypedMultipleChoiceField(
        label=_("Remove attached files"),
        required=False,
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Tick the files you no longer want to send; the others stay with the report."),
    )

    field_order = ["remove", "files"]  # what is already attached, then what to add

    def __init__(self, *args, attached=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.attached = list(attached)
        if self.attached:
            self.fields["remove"].choices = [
                (attachment.pk, f"{attachment.original_name} ({attachment.size_text})") for attachment in self.attached
            ]
        else:
            del self.fields["remove"]

    def clean(self):
        data = super().clean()
        dropped = set(data.get("remove") or [])
        kept = [attachment for attachment in self.attached if attachment.pk not in dropped]
        new = data.get("files") or []
        count = len(kept) + len(new)
        if count > MAX_FILES:
            self.add_error(
                "files",
                ngettext(
                    "A report takes at most %(max)s file; with these it would have %(count)s.",
                    "A report takes at most %(max)s files; with these it would have %(count)s.",
                    MAX_FILES,
                )
                % {"max": MAX_FILES, "count": count},
            )
        total = sum(attachment.size for attachment in kept) + sum(upload.size for upload in new)
        if total > MAX_TOTAL_SIZE:
            self.add_error(
                "files",
                _("The files would take %(size)s; a report takes at most %(max)s in all.")
                % {"size": format_file_size(total), "max": format_file_size(MAX_TOTAL_SIZE)},
            )
        return data

    def dropped(self):
        dropped = set(self.cleaned_data.get("remove") or [])
        return [attachment for attachment in self.attached if attachment.pk in dropped]
