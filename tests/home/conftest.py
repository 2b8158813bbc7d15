import pytest

from tests.demo_content import load_demo


@pytest.fixture
def demo(db):
    """The demo site, built by the same command a newcomer runs."""
    load_demo()
