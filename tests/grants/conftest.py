import pytest

from .factories import Applicant, make_call


@pytest.fixture
def call(db):
    return make_call()


@pytest.fixture
def applicant(client, call):
    return Applicant(client, call)
