"""The CRM demo data: dozens of fictitious records in every district, loaded idempotently."""

import io

import pytest

from cms_plugins.crm.models import Interaction, Membership, Organisation, Person
from home import demo_crm

pytestmark = pytest.mark.django_db


class FakeCommand:
    stdout = io.StringIO()


def counts():
    return (
        Organisation.objects.count(),
        Person.objects.count(),
        Membership.objects.count(),
        Interaction.objects.count(),
    )


def test_demo_crm_covers_every_district_and_runs_twice_without_copies():
    """Protects load_demo: a few dozen organisations and people across all districts, one copy after two runs."""
    demo_crm.load(FakeCommand())
    first = counts()
    demo_crm.load(FakeCommand())
    assert counts() == first
    assert first[0] >= 36 and first[1] >= 36
    assert Organisation.objects.values("district__code").distinct().count() == 13
    assert Organisation.objects.filter(legal_form="initiative_group", bin="").exists()
