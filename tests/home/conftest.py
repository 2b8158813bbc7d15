"""The demo site, built once per test module by the same command a newcomer runs.

Building it takes seconds, so each module builds it once inside a transaction that
is rolled back when the module ends; every test runs in a savepoint inside it, as
pytest-django's ``db`` fixture does, and sees the demo as ``load_demo`` left it.
"""

import io

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings

from tests.conftest import media_settings, use_media_folder


@pytest.fixture(scope="session")
def demo_media(tmp_path_factory):
    return tmp_path_factory.mktemp("demo-media")


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, demo_media):
    """Overrides the project-wide fixture: the demo's images must stay reachable in every test."""
    use_media_folder(settings, demo_media)


@pytest.fixture(scope="module")
def _demo_in_module(django_db_setup, django_db_blocker, demo_media):
    with django_db_blocker.unblock(), override_settings(**media_settings(demo_media)):
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            call_command("load_demo", stdout=io.StringIO())
            yield
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


@pytest.fixture
def demo(_demo_in_module, db):
    """The demo site (see the module docstring)."""
