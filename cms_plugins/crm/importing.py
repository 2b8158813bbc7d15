"""One import of a read table: columns planned, the Resource run, its Result told in
the coordinator's terms (line, column as the file names it, reason)."""

import gc
import time
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.core.exceptions import NON_FIELD_ERRORS
from django.db import transaction
from django.utils.translation import gettext as _
from tablib import Dataset

from .columns import BY_KEY, plan_columns
from .resources import INVALID, NEW, UNCHANGED, UPDATED, ContactResource

STATUS = {"new": NEW, "update": UPDATED, "skip": UNCHANGED}


@dataclass
class RowOutcome:
    line: int
    status: str = UNCHANGED
    organisation: str = ""  # new / updated / unchanged / "" (no organisation in the row)
    person: str = ""
    errors: list = field(default_factory=list)  # (column title, message)
    changes: list = field(default_factory=list)  # column titles that change
    cells: list = field(default_factory=list)  # the row as read, for a rejects file
    org_obj: object = None
    person_obj: object = None


@dataclass
class ImportReport:
    rows: list = field(default_factory=list)
    headers: list = field(default_factory=list)
    plan: object = None
    file_errors: list = field(default_factory=list)
    organisations_new: int = 0
    organisations_updated: int = 0
    people_new: int = 0
    people_updated: int = 0
    imported: bool = False
    dry_run: bool = True
    seconds: float = 0.0
    table: object = None
    result: object = None  # import-export's Result
    # A streamed import keeps no row but the invalid ones: counts by status instead.
    counts: dict = None
    invalid: list = None

    @property
    def unknown_columns(self):
        return self.plan.unknown_columns if self.plan else []

    def count(self, status):
        if self.counts is not None:
            return self.counts.get(status, 0)
        return sum(1 for row in self.rows if row.status == status)

    @property
    def invalid_rows(self):
        if self.invalid is not None:
            return self.invalid
        return [row for row in self.rows if row.status == INVALID]

    @property
    def has_errors(self):
        return bool(self.file_errors or self.invalid_rows)

    def summary(self):
        return _(
            "organisations: %(on)s new, %(ou)s updated; people: %(pn)s new, %(pu)s updated; "
            "unchanged rows: %(un)s; invalid rows: %(inv)s"
        ) % {
            "on": self.organisations_new,
            "ou": self.organisations_updated,
            "pn": self.people_new,
            "pu": self.people_updated,
            "un": self.count(UNCHANGED),
            "inv": len(self.invalid_rows) + (1 if self.file_errors else 0),
        }


def title(key, plan):
    if key == NON_FIELD_ERRORS:
        return ""
    return (plan.titles.get(key) if plan else None) or BY_KEY[key].title()


def column_titles(plan):
    """Each column key's title as the file names it, looked up once per import."""
    return {key: title(key, plan) for key in BY_KEY}


def column_errors(plan):
    """Why a file cannot be imported as its columns stand (empty when it can)."""
    errors = [_("The column “%(column)s” appears twice.") % {"column": text} for text in plan.duplicates]
    if not set(plan.positions.values()) & {"org_name", "full_name", "bin", "email", "phone"}:
        errors.insert(
            0,
            _(
                "No column for the organisation, its BIN, or the person's name, phone or e-mail was found. "
                "Recognised headers are, for example: %(examples)s."
            )
            % {"examples": ", ".join(BY_KEY[k].title() for k in ("org_name", "bin", "full_name", "phone", "email"))},
        )
    for header, keys in plan.ambiguous:
        errors.append(
            _("The column “%(column)s” could mean %(keys)s: choose one or ignore the column.")
            % {"column": header, "keys": ", ".join(f"{k} ({BY_KEY[k].title()})" for k in keys)}
        )
    for header, keys in plan.unknown:
        if header in plan.row_numbers:
            errors.append(
                _("The column “%(column)s” looks like row numbers: ignore it, we number the rows ourselves.")
                % {"column": header}
            )
            continue
        hint = ", ".join(f"{k} ({BY_KEY[k].title()})" for k in keys) or "—"
        errors.append(
            _("The column “%(column)s” is not one we know: map it to a column or ignore it. Closest: %(keys)s.")
            % {"column": header, "keys": hint}
        )
    return errors


@contextmanager
def fewer_collections():
    """Python's cyclic garbage collector, run less often while a file is imported.

    An import makes tens of thousands of long-lived objects (rows, records, results);
    at the default thresholds the collector walks them, and everything Django loaded,
    again and again — a third of a 10,000-row import's time. The objects alive before
    the import are set aside (``gc.freeze``) and the young generation collected every
    20,000 allocations instead of 700; both are restored afterwards.
    """
    thresholds = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(max(thresholds[0], 20_000), *thresholds[1:])
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)
        gc.unfreeze()


def dataset_of(rows, positions):
    """The planned columns of ``rows`` as the Dataset the Resource reads (keys as headers)."""
    return Dataset(
        *[[cells[p] if p < len(cells) else "" for p, _key in positions] for _line, cells in rows],
        headers=[key for _p, key in positions],
    )


def batches(rows, size):
    batch = []
    for row in rows:
        batch.append(row)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def import_table(table, *, mapping=None, source="", skip_invalid=False, dry_run=True, progress=None):
    """Plan the columns, then run ``ContactResource`` over the table; an ImportReport."""
    started = time.perf_counter()
    plan = plan_columns(table.headers, mapping)
    report = ImportReport(headers=list(table.headers), plan=plan, dry_run=dry_run, table=table)
    report.file_errors = column_errors(plan)
    if report.file_errors:
        report.seconds = time.perf_counter() - started
        return report
    positions = list(plan.positions.items())
    resource = ContactResource(source=source, progress=progress)
    with fewer_collections():
        result = resource.import_data(
            dataset_of(table.rows, positions),
            dry_run=dry_run,
            use_transactions=True,
            rollback_on_validation_errors=not skip_invalid,
        )
        report.result = result
        for error in result.base_errors:
            report.file_errors.append(_("The import failed and was rolled back: %(error)s") % {"error": error.error})
        titles = column_titles(plan)
        report.rows = [
            outcome(line, cells, row_result, plan, titles=titles)
            for (line, cells), row_result in zip(table.rows, result.rows, strict=True)
        ]
    index = resource.index
    report.organisations_new = sum(1 for e in index.orgs if e.is_new)
    report.organisations_updated = sum(1 for e in index.orgs if not e.is_new and e.touched)
    report.people_new = sum(1 for e in index.people if e.is_new)
    report.people_updated = sum(1 for e in index.people if not e.is_new and e.touched)
    blocked = bool(report.file_errors) or (bool(report.invalid_rows) and not skip_invalid)
    report.imported = not dry_run and not blocked
    report.seconds = time.perf_counter() - started
    return report


STREAM_BATCH_ROWS = 5000


def import_stream(table, *, mapping=None, source="", skip_invalid=False, dry_run=True, progress=None, batch_rows=None):
    """``import_table`` for files of any length (the background path), in steady memory.

    The rows are read and imported ``batch_rows`` at a time by one Resource, each batch
    written as it ends and its records dropped from memory (the next batch finds them
    stored, by the same matching rules); of the rows' results only the counts and the
    invalid rows are kept. All batches are one transaction, rolled back at the end for
    a dry run or when an invalid row blocks an all-or-nothing import: a dry run here
    writes and rolls back, as import-export's own dry run does, rather than holding the
    whole file's records in memory.
    """
    started = time.perf_counter()
    plan = plan_columns(table.headers, mapping)
    report = ImportReport(headers=list(table.headers), plan=plan, dry_run=dry_run, table=table, counts={}, invalid=[])
    report.file_errors = column_errors(plan)
    if report.file_errors:
        report.seconds = time.perf_counter() - started
        return report
    positions = list(plan.positions.items())
    titles = column_titles(plan)
    resource = ContactResource(source=source, progress=progress)
    index = resource.index
    touched = {"org_new": set(), "org_updated": set(), "person_new": set(), "person_updated": set()}
    with transaction.atomic(), fewer_collections():
        for batch in batches(table.rows, batch_rows or STREAM_BATCH_ROWS):
            result = resource.import_data(
                dataset_of(batch, positions), dry_run=False, use_transactions=True, rollback_on_validation_errors=False
            )
            if result.has_errors():
                errors = [error.error for error in result.base_errors] or [
                    error.error for row in result.rows for error in row.errors
                ][:1]
                report.file_errors.extend(
                    _("The import failed and was rolled back: %(error)s") % {"error": error} for error in errors
                )
                break
            for (line, cells), row_result in zip(batch, result.rows, strict=True):
                row = outcome(line, cells, row_result, plan, keep_records=False, titles=titles)
                report.counts[row.status] = report.counts.get(row.status, 0) + 1
                if row.status == INVALID:
                    report.invalid.append(row)
            for kind, entities in (("org", index.orgs), ("person", index.people)):
                for entity in entities:
                    if entity.is_new:
                        touched[f"{kind}_new"].add(entity.obj.pk)
                    elif entity.touched:
                        touched[f"{kind}_updated"].add(entity.obj.pk)
            index.forget()
        blocked = bool(report.file_errors) or (bool(report.invalid) and not skip_invalid)
        if dry_run or blocked:
            transaction.set_rollback(True)
    report.organisations_new = len(touched["org_new"])
    report.organisations_updated = len(touched["org_updated"] - touched["org_new"])
    report.people_new = len(touched["person_new"])
    report.people_updated = len(touched["person_updated"] - touched["person_new"])
    report.imported = not dry_run and not blocked
    report.seconds = time.perf_counter() - started
    return report


def outcome(line, cells, row_result, plan, keep_records=True, titles=None):
    row = RowOutcome(line=line, cells=cells)  # the table's own list: only a rejects file reads it
    if row_result.is_invalid():
        row.status = INVALID
        for key, messages in row_result.validation_error.message_dict.items():
            row.errors.extend((title(key, plan), message) for message in messages)
        return row
    if row_result.is_error():
        row.status = INVALID
        row.errors = [("", str(error.error)) for error in row_result.errors]
        return row
    contact = row_result.instance
    row.status = STATUS.get(row_result.import_type, UNCHANGED)
    row.organisation, row.person = contact.org_status, contact.person_status
    titles = titles or column_titles(plan)
    row.changes = [titles[key] for key in contact.changes]
    if keep_records:
        row.org_obj = contact.org.obj if contact.org else None
        row.person_obj = contact.person.obj if contact.person else None
    return row
