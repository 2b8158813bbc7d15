"""Coordinators edit who runs the site in the admin; what they type is checked and tidied."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from home.models import OrganisationSettings


@pytest.fixture
def admin_client(client, db):
    user = get_user_model().objects.create_superuser("boss", "boss@example.org", "a-long-password-1")
    client.force_login(user)
    return client


def settings_form(**overrides):
    data = {
        "name_kk": "Ауыл",
        "name_ru": "Ауыл",
        "name_en": "Auyl",
        "bin": "9401 4000 0385",
        "address_kk": "",
        "address_ru": "",
        "address_en": "",
        "phone": "8 (7112) 51-23-45",
        "email": "info@auyl.example",
        "instagram": "",
        "telegram": "https://t.me/auyl",
        "whatsapp": "",
    }
    return {**data, **overrides}


def edit_url():
    return reverse("wagtailsettings:edit", args=["home", "organisationsettings", OrganisationSettings.load().pk])


def test_phone_and_bin_are_stored_tidy(admin_client):
    """A phone typed the local way is stored as E.164 and the BIN without spaces."""
    response = admin_client.post(edit_url(), settings_form())
    assert response.status_code == 302
    org = OrganisationSettings.load()
    assert org.phone == "+77112512345"
    assert org.bin == "940140000385"


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("bin", "940140000386", "контрольная цифра"),
        ("phone", "12345", "8 701 123 45 67"),
        ("telegram", "javascript:alert(1)", "URL"),
    ],
)
def test_wrong_values_are_refused_with_a_message_on_the_field(admin_client, field, value, message):
    """A wrong BIN, phone or address is refused, the form says which field and why, nothing is saved."""
    response = admin_client.post(edit_url(), settings_form(**{field: value}))
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert field in errors
    assert message.lower() in " ".join(errors[field]).lower()
    assert OrganisationSettings.load().phone == ""


def test_press_cannot_change_organisation_settings(client, db):
    """Only people given the settings permission edit who runs the site."""
    from django.contrib.auth.models import Group

    user = get_user_model().objects.create_user("press", "press@example.org", "a-long-password-1")
    user.groups.add(Group.objects.get(name="Press"))
    client.force_login(user)
    response = client.get(edit_url())
    assert response.status_code in (302, 403)
    assert client.post(edit_url(), settings_form()).status_code in (302, 403)
    assert OrganisationSettings.load().telegram == ""
