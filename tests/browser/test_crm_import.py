"""A coordinator imports a colleague's spreadsheet through the admin, fixes the rejected rows and re-uploads them."""

import csv

import pytest
from django.contrib.auth.models import Group, User

from cms_plugins.crm.models import ImportLog, Organisation, Person
from tests.browser.harness import axe_check, follow, login_as, screenshot, visit
from tests.crm.conftest import BINS, csv_bytes

pytestmark = pytest.mark.browser

# "Примечание" does not say whose note it is; "Код в реестре" is no column of ours.
HEADER = ["Организация", "БИН", "Район", "ФИО", "Телефон", "Эл. почта", "Должность", "Примечание", "Код в реестре"]


@pytest.fixture
def coordinator(live_server):
    user = User.objects.create_user("coordinator", "c@example.org", "a-long-password-1")
    user.groups.add(Group.objects.get(name="Coordinators"))
    return user


def confirm(page):
    """Confirm the import; axe looks at the result once Wagtail's message has faded in."""
    with page.expect_navigation(wait_until="load"):
        page.locator("#confirm-import").click()
    page.locator(".messages li").first.wait_for()
    page.wait_for_timeout(1000)
    axe_check(page)


def test_coordinator_imports_previews_and_fixes_rejected_rows(desktop_page, coordinator, tmp_path):
    """Protects the whole import as a coordinator does it: preview, valid rows in, rejects fixed and re-uploaded."""
    page = login_as(desktop_page, coordinator)
    sheet = tmp_path / "ngo-contacts.csv"
    sheet.write_bytes(
        csv_bytes(
            [
                HEADER,
                ["ОО «Жас Өркен»", BINS[0], "Бурлинский р-н", "Ахметова Айгуль", "8 701 123 45 67", "Aigul@Mail.kz", "председатель", "звонить после 15:00", "R-101"],
                ["Фонд «Дала»", "12345", "Таскала", "Иванов Сергей", "+7(702)765-43-21", "", "бухгалтер", "", "R-102"],
                [],
                ["Инициативная группа Болашак", "", "Зеленовский район", "Серик Нурланов", "87057654321", "", "", "", ""],
            ],
            encoding="cp1251",  # as Excel in a Russian locale saves it
        )
    )  # fmt: skip

    visit(page, "/admin/snippets/crm/organisation/")
    follow(page, page.get_by_role("link", name="Импорт"))
    page.set_input_files("input[name=file]", str(sheet))
    follow(page, page.locator("#preview-import"))

    # The mapping screen: known columns suggested, the ambiguous and the unknown one left to the coordinator.
    assert page.locator("#column-mapping").count() == 1
    note, code = page.get_by_label("Примечание"), page.get_by_label("Код в реестре")
    assert note.input_value() == "" and code.input_value() == ""
    assert page.get_by_label("ФИО").input_value() == "full_name"
    follow(page, page.locator("#apply-mapping"))
    assert page.locator("#column-mapping .error-message").count() == 2  # not chosen: no preview yet
    page.get_by_label("Примечание").select_option("person_notes")
    page.get_by_label("Код в реестре").select_option("-")
    screenshot(page, "crm-import-mapping")
    follow(page, page.locator("#apply-mapping"))

    # The preview: one invalid row named by line, column and reason; nothing written yet.
    invalid = page.locator("#invalid-rows tr.import-invalid")
    assert invalid.count() == 1
    assert invalid.first.locator("td").nth(0).inner_text() == "3"
    assert invalid.first.locator("td").nth(1).inner_text() == "БИН"
    assert page.locator('[data-count="new"]').inner_text() == "2"
    assert page.locator("#confirm-import").count() == 0  # all or nothing by default
    assert not Organisation.objects.exists()
    screenshot(page, "crm-import-preview")

    follow(page, page.locator("#skip-invalid"))
    confirm(page)
    assert Organisation.objects.count() == 2
    aigul = Person.objects.get(email="aigul@mail.kz")
    assert (aigul.phone, aigul.notes) == ("+77011234567", "звонить после 15:00")

    # Download the rejected row, fix its BIN as the coordinator would in Excel, upload it again.
    with page.expect_download() as download:
        page.locator("#download-rejects").click()
    rejects = download.value.path().read_bytes().decode("utf-8-sig")
    rows = list(csv.reader(rejects.splitlines(), delimiter=";"))
    assert rows[1][0] == "Фонд «Дала»" and rows[1][-2] == "3"
    rows[1][1] = BINS[1]
    fixed = tmp_path / "ngo-contacts-fixed.csv"
    fixed.write_bytes(csv_bytes(rows))

    follow(page, page.get_by_role("link", name="Импортировать другой файл"))
    page.set_input_files("input[name=file]", str(fixed))
    follow(page, page.locator("#preview-import"))
    # Same headers as before: last time's choices are offered, the coordinator only confirms them.
    assert page.locator("#saved-mapping").count() == 1
    assert page.get_by_label("Примечание").input_value() == "person_notes"
    follow(page, page.locator("#apply-mapping"))
    assert page.locator("#invalid-rows").count() == 0
    confirm(page)
    assert Organisation.objects.filter(bin=BINS[1], district__code="taskala").exists()
    assert ImportLog.objects.count() == 2
    screenshot(page, "crm-import-result")
