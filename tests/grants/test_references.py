"""Reference numbers stay unique when many applications arrive at the same moment.

Marked ``flushes_db``: it empties the database, so `make test` runs it after the others.
"""

import threading

import pytest
from django.db import connection, connections

from grants.services import next_reference


@pytest.mark.flushes_db
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_references_are_unique_and_consecutive():
    """Twelve threads (each its own database connection) never get the same number."""
    if connection.vendor == "sqlite" and connection.settings_dict["NAME"].startswith(("file:memorydb", ":memory:")):
        pytest.skip("an in-memory SQLite test database is not shared between threads")
    results, errors = [], []
    barrier = threading.Barrier(12)

    def take():
        try:
            barrier.wait()
            results.append(next_reference(2026))
        except Exception as error:  # noqa: BLE001 - collected and reported below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=take) for _ in range(12)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert sorted(results) == [f"ZKO-2026-{n:04d}" for n in range(1, 13)]


@pytest.mark.django_db
def test_numbering_restarts_each_year():
    """Protects readable references: each year starts at 0001 and counts up."""
    assert next_reference(2026) == "ZKO-2026-0001"
    assert next_reference(2026) == "ZKO-2026-0002"
    assert next_reference(2027) == "ZKO-2027-0001"
