"""Benchmark: a 100,000-row contacts import as the background task runs it; time and peak RSS.

    cd <repo> && .venv/bin/python bench/bench_import_100k.py [--rows 100000]

Builds a fresh test database (SQLite unless DATABASE_URL says otherwise), stores the
file as the admin does, and runs ``background.run_import_task`` on it (the worker's
side of an import over ``CRM_IMPORT_BACKGROUND_ROWS``).
"""

import argparse
import os
import resource
import sys
import tempfile
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


def main():
    import bench_import

    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    args = parser.parse_args()
    setup_test_environment()
    if connection.vendor == "sqlite":
        connection.settings_dict["TEST"]["NAME"] = str(Path(tempfile.gettempdir()) / "bench-import-100k.sqlite3")
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        from cms_plugins.crm import background
        from cms_plugins.crm.models import ImportLog, Organisation, Person
        from cms_plugins.crm.reading import read_table, table_to_json
        from cms_plugins.crm.views import ImportTmpStorage

        path = Path(tempfile.gettempdir()) / f"bench-contacts-{args.rows}.csv"
        bench_import.write_file(bench_import.generate(args.rows), "csv", path)
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
        started = time.perf_counter()
        table = read_table(path.read_bytes(), path.name)
        storage = ImportTmpStorage()
        storage.save(table_to_json(table))
        read = time.perf_counter() - started
        del table
        log = ImportLog.objects.create(
            file_name=path.name, rows=args.rows, state="queued", upload=storage.name, mode="atomic"
        )
        started = time.perf_counter()
        background.run_import_task.call(log.pk)
        seconds = time.perf_counter() - started
        log.refresh_from_db()
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
        print(f"{args.rows} rows: read + store {read:.1f} s, background import {seconds:.1f} s, state {log.state}")
        print(f"{Organisation.objects.count()} organisations, {Person.objects.count()} people; imported={log.imported}")
        print(f"peak RSS {peak} MB (after generating the file: {before} MB)")
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
