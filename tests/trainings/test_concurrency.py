"""Never more registrations than places, also when many arrive at the same moment.

Each thread is its own database connection; on PostgreSQL the event's rows are locked
(select_for_update) while a place is decided. Marked ``flushes_db``: it commits and
empties the database, so `make test` runs it after the others, one file per worker.
"""

import threading

import pytest
from django.db import connection, connections

from trainings import services
from trainings.registrations import Registration

from .conftest import add_event


def run_at_once(count, work):
    errors, barrier = [], threading.Barrier(count)

    def run(number):
        try:
            barrier.wait()
            work(number)
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(n,)) for n in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return errors


def shared_database():
    if connection.vendor == "sqlite" and connection.settings_dict["NAME"].startswith(("file:memorydb", ":memory:")):
        pytest.skip("an in-memory SQLite test database is not shared between threads")


def register(event, number):
    return services.register(
        event,
        full_name=f"Участник {number}",
        email=f"p{number}@example.kz",
        phone=f"+7701000{number:04d}",
        language="ru",
        consent_version="1",
    )


@pytest.mark.flushes_db
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_simultaneous_registrations_never_exceed_the_places(site):
    """Protects capacity: 12 people posting at once for 3 places get 3 places and 9 waiting-list places."""
    shared_database()
    event = add_event(site["trainings"]["ru"], "Тренинг", capacity=3)
    errors = run_at_once(12, lambda number: register(event, number))
    assert not errors, errors
    assert Registration.objects.confirmed().count() == 3
    assert Registration.objects.waitlisted().count() == 9


@pytest.mark.flushes_db
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_simultaneous_cancellations_promote_exactly_as_many(site):
    """Protects the waiting list: three cancelling at once free three places, taken by the first three waiting."""
    shared_database()
    event = add_event(site["trainings"]["ru"], "Тренинг", capacity=3)
    for number in range(8):
        register(event, number)
    leaving = list(Registration.objects.confirmed())
    errors = run_at_once(3, lambda number: services.cancel(leaving[number]))
    assert not errors, errors
    assert sorted(Registration.objects.confirmed().values_list("email", flat=True)) == [
        "p3@example.kz",
        "p4@example.kz",
        "p5@example.kz",
    ]
    assert Registration.objects.waitlisted().count() == 2
