"""A coordinator reads the organisation list at 1280 and 1024 px: names on one or two lines, not in slivers."""

import datetime as dt
import re

import pytest
from django.contrib.auth.models import Group, User
from playwright.sync_api import expect

from cms_plugins.crm.models import Interaction, Membership, Organisation, Person
from cms_plugins.places.resolver import resolve_district
from tests.browser.harness import login_as, screenshot, visit
from tests.crm.conftest import make_bin

pytestmark = pytest.mark.browser


@pytest.fixture
def coordinator(live_server):
    user = User.objects.create_user("coordinator", "c@example.org", "a-long-password-1")
    user.groups.add(Group.objects.get(name="Coordinators"))
    return user


@pytest.fixture
def organisations(live_server):
    districts = [resolve_district(name) for name in ("Уральск", "Бурлинский район", "Таскала", "Зеленовский район")]
    for i in range(24):
        org = Organisation.objects.create(
            name=f"Общественное объединение «Молодёжный ресурсный центр села Аксай № {i}»",
            legal_form="public_association",
            bin=make_bin(i + 1),
            district=districts[i % 4],
            settlement="Аксай",
        )
        person = Person.objects.create(full_name=f"Ахметова Айгуль {i}")
        Membership.objects.create(person=person, organisation=org, role="председатель")
        Interaction.objects.create(kind="consultation", organisation=org, date=dt.date(2026, 11, 1 + i % 20))


@pytest.mark.parametrize("width", [1280, 1024])
def test_organisation_list_is_readable(desktop_page, coordinator, organisations, width):
    """Protects the coordinator's scan: name wide enough, capitalised headers, last contact shown."""
    page = login_as(desktop_page, coordinator)
    page.set_viewport_size({"width": width, "height": 800})
    visit(page, "/admin/snippets/crm/organisation/")
    screenshot(page, f"crm-organisation-list-{width}")
    headers = [text.strip() for text in page.locator("table.listing thead th").all_inner_texts() if text.strip()]
    assert headers[:6] == ["Название", "Район", "Форма", "БИН", "Люди", "Последний контакт"]
    table = page.locator("table.listing").bounding_box()
    name_width = page.locator("table.listing tbody tr").first.locator("td").nth(1).bounding_box()["width"]
    assert name_width >= 220, "a name keeps room for a few words a line"
    assert table["x"] + table["width"] <= width + 1, "the list fits the window without scrolling sideways"
    last_contact = page.locator("table.listing tbody tr").first.locator("td").nth(6).inner_text().strip()
    assert last_contact, "the last contact is shown"
    # The header's buttons are whole, not cut off under the search box (as at 1280 px before).
    add = page.get_by_role("link", name=re.compile("Добавить"))
    search = page.locator("input[name=q]").first
    assert add.bounding_box()["x"] + add.bounding_box()["width"] <= search.bounding_box()["x"]
    page.get_by_role("button", name="Действия").click()
    expect(page.get_by_role("link", name="Экспорт XLSX")).to_be_visible()
    expect(page.get_by_role("link", name="Дубликаты")).to_be_visible()
