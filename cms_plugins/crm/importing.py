"""One import of a read table: columns planned, the Resource run, its Result told in
the coordinator's terms (line, column as the file names it, reason)."""

import gc
import time
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.core.exceptions import NON_FIELD_ERRORS
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

    @property
    def unknown_columns(self):
        return self.plan.unknown_columns if self.plan else []

    def count(self, status):
        return sum(1 for row in self.rows if row.status == status)

    @property
    def invalid_rows(self):
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
    dataset = Dataset(
        *[[cells[p] if p < len(cells) else "" for p, _key in positions] for _line, cells in table.rows],
        headers=[key for _p, key in positions],
    )
    resource = ContactResource(source=source, progress=progress)
    with fewer_collections():
        result = resource.import_data(
            dataset, dry_run=dry_run, use_transactions=True, rollback_on_validation_errors=not skip_invalid
        )
    report.result = result
    for error in result.base_errors:
        report.file_errors.append(_("The import failed and was rolled back: %(error)s") % {"error": error.error})
    for (line, cells), row_result in zip(table.rows, result.rows, strict=True):
        report.rows.append(outcome(line, cells, row_result, plan))
    index = resource.index
    report.organisations_new = sum(1 for e in index.orgs if e.is_new)
    report.organisations_updated = sum(1 for e in index.orgs if not e.is_new and e.touched)
    report.people_new = sum(1 for e in index.people if e.is_new)
    report.people_updated = sum(1 for e in index.people if not e.is_new and e.touched)
    blocked = bool(report.file_errors) or (bool(report.invalid_rows) and not skip_invalid)
    report.imported = not dry_run and not blocked
    report.seconds = time.perf_counter() - started
    return report


def outcome(line, cells, row_result, plan):
    row = RowOutcome(line=line, cells=list(cells))
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
    row.changes = [title(key, plan) for key in contact.changes]
    row.org_obj = contact.org.obj if contact.org else None
    row.person_obj = contact.person.obj if contact.person else None
    return row
