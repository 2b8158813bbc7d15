"""CRM names reach no one without CRM rights: snippet choosers and bulk-action pages included."""

import json

import pytest
from django.contrib.auth.models import Group, User

from cms_plugins.crm.models import Interaction, Organisation, Person

from .conftest import BINS

pytestmark = pytest.mark.django_db

MODELS = ["organisation", "person", "interaction", "importlog"]


@pytest.fixture
def records():
    org = Organisation.objects.create(name="ОО Секретное имя", bin=BINS[0])
    person = Person.objects.create(full_name="Секретова Айгуль", email="secret@mail.kz")
    entry = Interaction.objects.create(kind="note", organisation=org, person=person, text="x")
    return {"organisation": org, "person": person, "interaction": entry}


@pytest.fixture
def expert(db):
    user = User.objects.create_user("expert", "e@example.kz", "a-long-password-1")
    user.groups.add(Group.objects.get_or_create(name="Experts")[0])
    return user


def urls(records):
    found = []
    for model in MODELS:
        found += [f"/admin/snippets/choose/crm/{model}/", f"/admin/snippets/choose/crm/{model}/results/?q=Секрет"]
    for model, obj in records.items():
        for action in ("delete",):
            found.append(f"/admin/bulk/crm/{model}/{action}/?next=/admin/&id={obj.pk}")
        found.append(f"/admin/snippets/choose/crm/{model}/chosen/{obj.pk}/")
    return found


def readable(response):
    """The page's text; a chooser answers JSON whose HTML is escaped."""
    if response.get("Content-Type", "").startswith("application/json"):
        return json.loads(response.content)["html"]
    return response.content.decode()


@pytest.mark.parametrize("who", ["press", "expert"])
def test_choosers_and_bulk_pages_refuse_without_crm_rights(client, records, who, press, expert):
    """Protects finding 5: press and experts get no CRM name through a chooser or a bulk-action page."""
    client.force_login(press if who == "press" else expert)
    for url in urls(records):
        response = client.get(url)
        text = readable(response)
        assert response.status_code in (302, 403, 404), url
        assert "Секрет" not in text and "secret@" not in text, url


def test_choosers_and_bulk_pages_work_for_coordinators(coordinator_client, records):
    """Protects the coordinators' work: the same choosers and bulk pages open for them with the names."""
    for model in ("organisation", "person"):
        page = readable(coordinator_client.get(f"/admin/snippets/choose/crm/{model}/"))
        assert "Секрет" in page, model
    obj = records["person"]
    page = coordinator_client.get(f"/admin/bulk/crm/person/delete/?next=/admin/&id={obj.pk}").content.decode()
    assert "Секретова Айгуль" in page
