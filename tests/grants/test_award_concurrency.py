"""Two coordinators awarding at the same moment never exceed the call's grants or budget.

Marked ``flushes_db``: transactional (each thread its own connection), so `make test`
runs it after the others. Meaningful on PostgreSQL (the call row lock); SQLite
serialises writers and answers "database is locked" instead.
"""

import threading

import pytest
from django.db import connection, connections
from django.utils import translation

from grants import decisions
from grants.models import Application
from grants.workflow import MoveRefused

from .competition import call_with_rubric, make_applications, member


@pytest.mark.flushes_db
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_parallel_awards_stop_at_five_grants_and_the_budget():
    """Eight coordinators award eight different applications at the same moment: exactly five grants result,
    2 850 000 ₸ in all, and the three others are told why."""
    if connection.vendor != "postgresql":
        pytest.skip("the row lock is tested on PostgreSQL")
    call = call_with_rubric()
    applications = make_applications(call, 8, status="shortlisted")
    coordinators = [member(f"coord{n}", "Coordinators") for n in range(8)]
    barrier = threading.Barrier(8)
    refusals, errors = [], []

    def award(application, user):
        translation.activate("en")
        try:
            barrier.wait()
            decisions.award(application, 570000, user, in_order=False)
        except MoveRefused as refused:
            refusals.append(str(refused))
        except Exception as error:  # noqa: BLE001 - collected and reported below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=award, args=pair) for pair in zip(applications, coordinators, strict=True)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors, errors
    awarded = list(Application.objects.filter(status="awarded").values_list("awarded_amount", flat=True))
    assert len(awarded) == 5 and sum(awarded) == 2850000
    assert len(refusals) == 3 and all("none is left" in message for message in refusals)
