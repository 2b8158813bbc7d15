"""Who keeps the library in the admin, and the demo library."""

import io

import pytest
from django.contrib.auth.models import Group, User
from django.core.management import call_command

from manuals.models import Manual

from .conftest import add_manual

pytestmark = pytest.mark.django_db

LIST_URL = "/admin/snippets/manuals/manual/"


def member_of(group_name):
    user = User.objects.create_user(group_name.lower(), password="x")
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.mark.parametrize("group_name", ["Coordinators", "Press"])
def test_coordinators_and_press_keep_the_library(client, library, group_name):
    """Protects the editors' work: they list manuals with their download counts and add new ones."""
    manual = add_manual("Пособие")
    Manual.objects.filter(pk=manual.pk).update(downloads=7)
    client.force_login(member_of(group_name))
    listing = client.get(LIST_URL)
    assert listing.status_code == 200 and "Пособие" in listing.content.decode()
    assert client.get(LIST_URL + "add/").status_code == 200
    assert client.get(f"{LIST_URL}edit/{manual.pk}/").status_code == 200


def test_experts_cannot_touch_the_library(client, library):
    """Protects the library from people who only score applications."""
    manual = add_manual("Пособие")
    client.force_login(member_of("Experts"))
    assert client.get(LIST_URL).status_code in (302, 403)
    assert client.get(f"{LIST_URL}edit/{manual.pk}/").status_code in (302, 403)
    assert client.post(f"{LIST_URL}delete/{manual.pk}/").status_code in (302, 403)
    assert Manual.objects.filter(pk=manual.pk).exists()


def test_the_demo_has_a_dozen_manuals_in_three_languages_and_runs_twice(client):
    """Protects `make run`: the demo library is complete, linked, and a second run duplicates nothing."""
    call_command("load_demo", stdout=io.StringIO())
    call_command("load_demo", stdout=io.StringIO())
    assert Manual.objects.count() == 12
    assert set(Manual.objects.values_list("locale__language_code", flat=True)) == {"kk", "ru", "en"}
    assert Manual.objects.values("translation_key").distinct().count() == 4
    manual = Manual.objects.get(locale__language_code="kk", category="template")
    assert manual.document.file.size > 1000 and manual.document.file_extension == "xlsx"
    assert client.get("/kk/manuals/").status_code == 200
