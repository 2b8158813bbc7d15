"""The contacts spreadsheet as a django-import-export resource.

django-import-export's per-row machinery (one ModelResource row -> one instance,
several queries a row) cannot match organisations and people across columns and
is about ten times too slow for 10,000 rows, so ``import_data`` hands the dataset
to the bulk ``Importer`` and reports back in import-export's own ``Result``; the
admin views use import-export's temporary storage and formats. Code written for
import-export (``resource.import_data(dataset, dry_run=True)``,
``result.has_validation_errors()``, ``result.invalid_rows``) works unchanged.
"""

from django.core.exceptions import ValidationError
from import_export import resources
from import_export.results import Result, RowResult
from tablib import Dataset

from .exporting import ContactRows, all_rows
from .importer import INVALID, NEW, UPDATED, Importer
from .reading import Table

IMPORT_TYPES = {NEW: RowResult.IMPORT_TYPE_NEW, UPDATED: RowResult.IMPORT_TYPE_UPDATE}


class ContactResource(resources.Resource):
    def __init__(self, user=None, source="", language=None, **kwargs):
        super().__init__(**kwargs)
        self.user = user
        self.source = source
        self.language = language
        self.last_result = None  # the Importer's own ImportResult, with column-level errors

    def export(self, queryset=None, **kwargs):
        """A tablib Dataset of every contact (or ``queryset``'s rows, built by the caller)."""
        builder = ContactRows(language=self.language)
        rows = queryset if queryset is not None else all_rows(builder)
        dataset = Dataset(headers=builder.headers())
        for row in rows:
            dataset.append(builder.as_list(row))
        return dataset

    def import_data(self, dataset, dry_run=False, raise_errors=False, use_transactions=None, **kwargs):
        skip_invalid = kwargs.get("skip_invalid", False)
        table = Table(
            headers=list(dataset.headers or []),
            rows=[(number, list(row)) for number, row in enumerate(dataset, start=2)],
            file_format="dataset",
        )
        importer = Importer(user=self.user, source=self.source, skip_invalid=skip_invalid, dry_run=dry_run)
        ours = importer.run_table(table)
        self.last_result = ours
        result = Result()
        result.diff_headers = list(dataset.headers or [])
        for message in ours.file_errors:
            result.append_base_error(ValidationError(message))
        for outcome in ours.rows:
            row_result = RowResult()
            if outcome.status == INVALID:
                row_result.import_type = RowResult.IMPORT_TYPE_INVALID
                errors = {}
                for column, message in outcome.errors:
                    errors.setdefault(column or "__all__", []).append(str(message))
                error = ValidationError(errors)
                row_result.validation_error = error
                result.append_invalid_row(
                    outcome.line, dict(zip(result.diff_headers, outcome.cells, strict=False)), error
                )
            else:
                row_result.import_type = IMPORT_TYPES.get(outcome.status, RowResult.IMPORT_TYPE_SKIP)
            result.increment_row_result_total(row_result)
            result.append_row_result(row_result)
        result.total_rows = len(ours.rows)
        if raise_errors and ours.has_errors:
            raise ValidationError(ours.summary())
        return result
