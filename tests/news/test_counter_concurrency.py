"""Concurrent readers. It flushes the database, so `make test` runs it (marked
``flushes_db``) after the others, one file per worker."""

import threading

import pytest
from django.db import connection
from django.test import Client

from news.models import PageViewCount

from .conftest import add_news
from .test_counter import hit


@pytest.mark.flushes_db
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_views_are_all_counted(site):
    """Protects: simultaneous readers in several threads lose no view (F() update in the database)."""
    page = add_news(site["indexes"]["ru"], "Новость")
    readers, per_reader = 8, 5
    errors = []

    def read(number):
        try:
            client = Client()
            for view in range(per_reader):
                hit(client, page, address=f"10.1.{number}.{view}")
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=read, args=(n,)) for n in range(readers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert PageViewCount.views_of(page.pk) == readers * per_reader
