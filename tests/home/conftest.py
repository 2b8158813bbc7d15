import io

import pytest
from django.core.management import call_command


@pytest.fixture
def demo(db):
    """The demo site, built by the same command a newcomer runs."""
    call_command("load_demo", stdout=io.StringIO())
