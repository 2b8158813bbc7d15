"""The plug-ins know no country: the phone region and place-name noise words come from settings."""

from django.test import override_settings

from cms_plugins.phone import normalise_phone
from cms_plugins.places.resolver import normalise


def test_phone_numbers_follow_the_configured_region():
    """Protects reuse abroad: the same plug-in reads German numbers when the site says Germany."""
    assert normalise_phone("8 701 123 45 67") == "+77011234567"  # this site: PHONE_DEFAULT_REGION = "KZ"
    with override_settings(PHONE_DEFAULT_REGION="DE"):
        assert normalise_phone("030 12345678") == "+493012345678"
        assert normalise_phone("8 701 123 45 67") != "+77011234567"
    with override_settings(PHONE_DEFAULT_REGION=None):
        assert normalise_phone("8 701 123 45 67") is None  # no region: only numbers with a country code
        assert normalise_phone("+7 701 123 45 67") == "+77011234567"


def test_place_names_drop_the_configured_noise_words_only():
    """Protects reuse abroad: "Landkreis" is noise in Germany, "район" is noise here, neither is built in."""
    assert normalise("Бурлинский район") == normalise("Бурлинский")
    with override_settings(PLACES_NOISE_WORDS=["landkreis", "kreis"]):
        assert normalise("Landkreis Harz") == normalise("Harz")
        assert normalise("Бурлинский район") != normalise("Бурлинский")
