"""The CRM plug-in is not Kazakhstan's: phone region, legal-form words and name noise come from settings."""

import pytest

from cms_plugins.crm.models import Organisation, Person
from cms_plugins.crm.names import name_key
from cms_plugins.crm.services import run_import

from .conftest import BINS, csv_bytes

pytestmark = pytest.mark.django_db


@pytest.fixture
def uzbekistan(settings):
    settings.PHONE_DEFAULT_REGION = "UZ"
    settings.CRM_LEGAL_FORM_ALIASES = {"ННТ": "public_association", "NNT": "public_association"}
    settings.CRM_NAME_NOISE_WORDS = ["ннт", "nnt", "нодавлат нотижорат ташкилоти"]


def test_another_regions_settings_drive_phones_legal_forms_and_names(uzbekistan):
    """Protects reuse: with Uzbekistan's settings, local numbers, legal-form words and names are read its way."""
    header = ["Organisation", "BIN", "Legal form", "Full name", "Phone"]
    result, _log = run_import(
        csv_bytes([header, ["ННТ «Зиё»", BINS[0], "ННТ", "Каримова Дилноза", "90 123 45 67"]]), file_name="uz.csv"
    )
    assert result.imported, [row.errors for row in result.invalid_rows]
    assert Organisation.objects.get().legal_form == "public_association"
    assert Person.objects.get().phone == "+998901234567"
    assert name_key("ННТ «Зиё»") == name_key("зиё")


def test_kazakh_words_mean_nothing_under_another_regions_settings(uzbekistan):
    """Protects neutrality: "ОО" is a legal form only because Kazakhstan's settings say so."""
    header = ["Organisation", "BIN", "Legal form"]
    result, _log = run_import(csv_bytes([header, ["ОО Ромашка", BINS[1], "ОО"]]), file_name="kz.csv", dry_run=True)
    (row,) = result.invalid_rows
    assert row.errors[0][0] == "Legal form"
