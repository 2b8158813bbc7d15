"""Benchmark: a 100,000-row contacts import as the background worker runs it; time and peak RSS.

    cd <repo> && .venv/bin/python bench/bench_import_100k.py [--rows 100000] [--preview]

Builds a fresh test database (SQLite unless DATABASE_URL says otherwise), stores the
file as the admin does (``reading.table_to_json`` in the import storage), then runs
``background.run_import_task`` in a separate process — the worker — so its peak RSS is
the import's own, not the file generator's. The worker samples its RSS while it runs
and prints it at each tenth of the rows, to show whether memory stays steady.
"""

import argparse
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "auyl.settings.test")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402


def peak_rss_mb():
    """This process's peak RSS (VmHWM). Not getrusage's ru_maxrss: Linux carries that
    across exec, so a worker started from the big generating process would report its
    parent's size."""
    with open("/proc/self/status") as handle:
        for line in handle:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return 0.0


def rss_mb():
    with open("/proc/self/statm") as handle:
        return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def worker(log_id, db_name):
    """The worker's side, in its own process: run the task, report time and memory."""
    connection.settings_dict["NAME"] = db_name
    from cms_plugins.crm import background
    from cms_plugins.crm.models import ImportLog, Organisation, Person

    log = ImportLog.objects.get(pk=log_id)
    samples = []  # (rows done, RSS MB)
    done = {"rows": 0}
    original = background.cache.set

    def spy(key, value, *args, **kwargs):
        if key == background.progress_key(log_id):
            done["rows"] = value
        return original(key, value, *args, **kwargs)

    background.cache.set = spy
    stop = threading.Event()

    peak_at = {}  # peak RSS so far (MB, rounded to 25) -> rows done when first reached

    def sample():
        while not stop.wait(0.1):
            samples.append((done["rows"], rss_mb()))
            peak_at.setdefault(int(peak_rss_mb()) // 25 * 25, done["rows"])

    start_rss = rss_mb()
    thread = threading.Thread(target=sample, daemon=True)
    thread.start()
    started = time.perf_counter()
    cpu = time.process_time()
    background.run_import_task.call(log.pk)
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    stop.set()
    thread.join()
    log.refresh_from_db()
    peak = peak_rss_mb()
    kind = "preview (dry run)" if log.dry_run else "import"
    print(f"{log.rows} rows, background {kind}: {seconds:.1f} s wall, {cpu:.1f} s CPU, state {log.state}")
    print(
        f"  {Organisation.objects.count()} organisations, {Person.objects.count()} people stored; {log.preview['counts']}"
    )
    print(f"  worker RSS: {start_rss:.0f} MB before the task, peak {peak:.0f} MB, {rss_mb():.0f} MB after it")
    top = max(samples, key=lambda sample: sample[1], default=(0, 0))
    print(f"  highest sample {top[1]:.0f} MB at {top[0]} rows done")
    tenth = max(1, log.rows // 10)
    marks = []
    for mark in range(tenth, log.rows + 1, tenth):
        seen = [rss for rows, rss in samples if rows >= mark - tenth and rows < mark]
        if seen:
            marks.append(f"{mark // 1000}k:{max(seen):.0f}")
    print("  RSS by rows done (MB): " + " ".join(marks))
    print("  peak RSS reached (MB at rows done): " + " ".join(f"{mb}@{rows}" for mb, rows in sorted(peak_at.items())))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--preview", action="store_true", help="a background dry run instead of the import")
    parser.add_argument("--worker", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--db-name", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        return worker(args.worker, args.db_name)
    import bench_import

    setup_test_environment()
    if connection.vendor == "sqlite":
        connection.settings_dict["TEST"]["NAME"] = str(Path(tempfile.gettempdir()) / "bench-import-100k.sqlite3")
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        from cms_plugins.crm.import_storage import ImportTmpStorage
        from cms_plugins.crm.models import ImportLog
        from cms_plugins.crm.reading import read_table, table_to_json

        path = Path(tempfile.gettempdir()) / f"bench-contacts-{args.rows}.csv"
        bench_import.write_file(bench_import.generate(args.rows), "csv", path)
        storage = ImportTmpStorage()
        storage.save(table_to_json(read_table(path.read_bytes(), path.name)))
        log = ImportLog.objects.create(
            file_name=path.name,
            rows=args.rows,
            state="queued",
            upload=storage.name,
            mode="atomic",
            dry_run=args.preview,
        )
        subprocess.run(
            [sys.executable, __file__, "--worker", str(log.pk), "--db-name", connection.settings_dict["NAME"]],
            check=True,
        )
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
