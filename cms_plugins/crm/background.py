"""Long imports in the background, through Django's task framework (django-tasks).

A file over ``CRM_IMPORT_BACKGROUND_ROWS`` rows (default 5,000) is previewed and
imported by the worker (``manage.py db_worker``), not in the request: the request
stores the upload, records an ImportLog in state "waiting" and enqueues. The log
page shows the rows done (kept in the cache, since the import's own transaction
hides its writes until it ends) and the result. The whole file is one transaction:
a failure rolls everything back and the log says why. Only one import of the
contacts list waits or runs at a time (a unique lock column on ImportLog).
"""

from django.conf import settings
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from django_tasks import task

from .import_storage import ImportTmpStorage
from .models import ImportLog

LOCK = "contacts"
INVALID_KEPT = 2000


class ImportBusy(Exception):
    """Another import of the contacts list waits or runs."""


def threshold():
    return getattr(settings, "CRM_IMPORT_BACKGROUND_ROWS", 5000)


def progress_key(log_id):
    return f"crm-import-progress:{log_id}"


def rows_done(log):
    if not log.in_progress:
        return log.rows
    return cache.get(progress_key(log.pk), 0)


def start(*, upload, file_name, rows, user, mode, mapping, dry_run, channel="admin"):
    """Record and enqueue a background import; ImportBusy when another one holds the list."""
    try:
        with transaction.atomic():
            log = ImportLog.objects.create(
                user=user if getattr(user, "pk", None) else None,
                file_name=file_name[:255],
                channel=channel,
                mode=mode,
                dry_run=dry_run,
                rows=rows,
                state=ImportLog.State.QUEUED,
                upload=upload,
                column_mapping=mapping or {},
                running_lock=LOCK,
            )
    except IntegrityError as error:
        running = ImportLog.objects.filter(running_lock=LOCK).select_related("user").first()
        raise ImportBusy(
            _("Another import of the contacts (“%(file)s” by %(user)s) is not finished yet; try again when it ends.")
            % {"file": running.file_name if running else "?", "user": (running.user if running else None) or "—"}
        ) from error
    run_import_task.enqueue(log.pk)
    return log


@task()
def run_import_task(log_id):
    """The worker's side: read the stored upload, import it, record the outcome."""
    from . import services
    from .reading import stored_table

    log = ImportLog.objects.select_related("user").get(pk=log_id)
    ImportLog.objects.filter(pk=log_id).update(state=ImportLog.State.RUNNING)
    storage = ImportTmpStorage(name=log.upload)
    try:
        # Read from storage a batch at a time and keep only counts and invalid rows:
        # a 100,000-row file runs in the memory of a 5,000-row one.
        table = stored_table(storage.open)
        result, log = services.run_import(
            None,
            table=table,
            file_name=log.file_name,
            user=log.user,
            skip_invalid=log.mode == ImportLog.Mode.SKIP_INVALID,
            dry_run=log.dry_run,
            channel=log.channel,
            mapping=log.column_mapping,
            entry=log,
            progress=lambda done: cache.set(progress_key(log_id), done, 24 * 3600),
            stream=True,
        )
    except Exception as error:
        # The import's transaction is rolled back already; say why, free the list, let
        # the task framework record the failure too.
        ImportLog.objects.filter(pk=log_id).update(
            state=ImportLog.State.FAILED,
            error=_("The import stopped and nothing was written: %(error)s") % {"error": error},
            running_lock=None,
        )
        raise
    log.preview = {
        "file_errors": [str(m) for m in result.file_errors],
        "invalid": [[row.line, column, str(message)] for row in result.invalid_rows for column, message in row.errors][
            :INVALID_KEPT
        ],
        "counts": {status: result.count(status) for status in ("new", "updated", "unchanged", "invalid")},
    }
    log.state = ImportLog.State.DONE
    log.running_lock = None
    log.save()
    if not log.dry_run:
        storage.remove()
    cache.delete(progress_key(log_id))
    return log.pk
