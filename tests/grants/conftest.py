import pytest

from .factories import Applicant, make_call


@pytest.fixture
def call(db):
    return make_call()


@pytest.fixture
def applicant(client, call):
    return Applicant(client, call)


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Rate-limit counters of one test do not leak into the next."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
