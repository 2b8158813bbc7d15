"""Reference numbers people can read: ZKO-year-number."""

import pytest

from grants.services import next_reference


@pytest.mark.django_db
def test_numbering_restarts_each_year():
    """Each year starts at 0001."""
    assert next_reference(2026) == "ZKO-2026-0001"
    assert next_reference(2026) == "ZKO-2026-0002"
    assert next_reference(2027) == "ZKO-2027-0001"
