"""A django-formtools storage backed by the draft row, not the session.

formtools' own storages keep raw POST data in the session or a cookie, which ties a
draft to one browser. This one keeps the same structure in ``Draft.data`` (JSON)
and uploaded files as ``DraftFile`` rows in private storage, so any app server and
any device with the secret link sees the same draft.
"""

import json
import os
import re

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.utils import timezone
from django.utils.datastructures import MultiValueDict
from formtools.wizard.storage.base import BaseStorage

from . import conf
from .fields import RowsWidget
from .models import DraftFile


class DraftTooLarge(Exception):
    """Storing these answers would take the draft over MULTISTEP_MAX_DRAFT_SIZE."""


def declared_keys(form):
    """A test for posted names that belong to the form's own fields; anything else is dropped.

    A field posts under its prefixed name; a file field also its "clear" box; a table
    of rows ``<name>-<row>-<column>`` for its own columns.
    """
    exact, patterns = set(), []
    for name, field in form.fields.items():
        key = form.add_prefix(name)
        exact.add(key)
        if isinstance(field.widget, forms.ClearableFileInput):
            exact.add(field.widget.clear_checkbox_name(key))
        if isinstance(field.widget, RowsWidget):
            columns = "|".join(re.escape(column["key"]) for column in field.widget.columns)
            patterns.append(re.compile(rf"{re.escape(key)}-\d{{1,3}}-(?:{columns})\Z"))
    return lambda key: key in exact or any(pattern.match(key) for pattern in patterns)


def size_of(data):
    return len(json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode())


def clean_name(name):
    """A file or field name as it may be kept: no control characters, bounded length."""
    return "".join(c for c in str(name or "") if c.isprintable())[:200]


def sanitise(values):
    """Posted strings as they may be kept: no NUL (PostgreSQL refuses it), bounded length."""
    limit = conf.get("MAX_VALUE_LENGTH")
    return [str(value).replace("\x00", "")[:limit] for value in values]


class DraftStorage(BaseStorage):
    def __init__(self, prefix, request=None, file_storage=None, draft=None):
        super().__init__(prefix, request, file_storage)
        self.draft = draft
        self.changed = False
        stored = draft.data or {}
        self.init_data()
        for key in (self.step_key, self.step_data_key, self.step_files_key, self.extra_data_key):
            if key in stored:
                self.data[key] = stored[key]

    # every write of answers marks the draft for saving at the end of the request; the
    # current step is not worth a write of its own (each step has its own URL)
    def set_step_data(self, step, cleaned_data, keep=None):
        """Keep the step's answers; ``keep`` tells which posted names are the step's fields.

        Raises DraftTooLarge (and keeps the earlier answers) when the draft would
        outgrow MULTISTEP_MAX_DRAFT_SIZE.
        """
        if isinstance(cleaned_data, MultiValueDict):
            cleaned_data = dict(cleaned_data.lists())
        prefix = f"{step}-"
        kept = {
            key: sanitise(values)
            for key, values in (cleaned_data or {}).items()
            if key.startswith(prefix) and len(key) <= 100 and key == clean_name(key) and (keep is None or keep(key))
        }
        step_data = self.data[self.step_data_key]
        previous = step_data.get(step)
        step_data[step] = kept
        if size_of(self.data) > conf.get("MAX_DRAFT_SIZE"):
            if previous is None:
                step_data.pop(step)
            else:
                step_data[step] = previous
            raise DraftTooLarge(step)
        self.changed = True

    def set_step_files(self, step, files):
        step_files = self.data[self.step_files_key].setdefault(step, {})
        for field_name, uploaded in (files or {}).items():
            if not hasattr(uploaded, "chunks"):
                continue  # an already stored file kept as is
            self._remove(step_files.pop(field_name, None))
            name = clean_name(os.path.basename(uploaded.name or "")) or "file"
            record = DraftFile(
                draft=self.draft,
                step=step,
                field=field_name[-40:],
                original_name=name,
                content_type=(uploaded.content_type or "")[:100],
                size=uploaded.size or 0,
            )
            uploaded.seek(0)
            record.file.save(name, uploaded, save=False)
            record.save()
            step_files[field_name] = {
                "tmp_name": record.file.name,
                "id": record.pk,
                "name": name,
                "content_type": record.content_type,
                "size": record.size,
                "charset": None,
            }
        self.changed = True

    def remove_step_file(self, step, field_name):
        self._remove(self.data[self.step_files_key].get(step, {}).pop(field_name, None))
        self.changed = True

    def _remove(self, info):
        if not info:
            return
        for record in DraftFile.objects.filter(draft=self.draft, pk=info.get("id")):
            record.delete_file()
            record.delete()

    def stored_file_info(self, step):
        return dict(self.data[self.step_files_key].get(step, {}))

    def get_step_files(self, step):
        files = {}
        for field_name, info in self.data[self.step_files_key].get(step, {}).items():
            if (step, field_name) not in self._files:
                try:
                    handle = self.file_storage.open(info["tmp_name"])
                except (OSError, ValueError):
                    continue  # removed by the clean-up job
                self._files[(step, field_name)] = UploadedFile(
                    file=handle,
                    name=info["name"],
                    content_type=info.get("content_type"),
                    size=info.get("size"),
                    charset=None,
                )
            files[field_name] = self._files[(step, field_name)]
        return files or None

    def reset(self):
        # a draft is never thrown away by the wizard (formtools resets after done())
        pass

    def save(self, submitting=False):
        """Write the answers; with ``submitting`` also mark the draft submitted, only if it was not.

        Returns whether the row was written (False: someone else submitted it first).
        """
        self.draft.data = self.data
        self.draft.updated_at = timezone.now()
        values = {
            "data": self.draft.data,
            "step_states": self.draft.step_states,
            "updated_at": self.draft.updated_at,
            "language": self.draft.language,
        }
        rows = type(self.draft).objects.filter(pk=self.draft.pk)
        if submitting:
            values["submitted_at"] = self.draft.updated_at
            rows = rows.filter(submitted_at__isnull=True)
        written = bool(rows.update(**values))
        if written and submitting:
            self.draft.submitted_at = values["submitted_at"]
        self.changed = False
        return written

    def update_response(self, response):
        if self.changed:
            self.save()
        super().update_response(response)
