"""The CRM in the Wagtail admin: who sees it, what the lists do, the import flow."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cms_plugins.crm.models import (
    FocusArea,
    ImportLog,
    Interaction,
    Membership,
    Organisation,
    OrganisationFocusArea,
    Person,
)
from cms_plugins.crm.names import name_key
from cms_plugins.places.resolver import resolve_district

from .conftest import BINS, csv_bytes, make_bin

pytestmark = pytest.mark.django_db

ORG_LIST = "/admin/snippets/crm/organisation/"
PEOPLE_LIST = "/admin/snippets/crm/person/"
HEADER = ["Организация", "БИН", "Район", "ФИО", "Телефон", "Эл. почта"]


def crm_urls(org, person):
    return [
        ORG_LIST,
        PEOPLE_LIST,
        "/admin/snippets/crm/interaction/",
        "/admin/snippets/crm/importlog/",
        f"/admin/snippets/crm/organisation/inspect/{org.pk}/",
        f"/admin/snippets/crm/person/inspect/{person.pk}/",
        f"/admin/snippets/crm/organisation/edit/{org.pk}/",
        reverse("crm:import"),
        reverse("crm:export", args=["organisations"]),
        reverse("crm:export", args=["people"]),
        reverse("crm:duplicates"),
        reverse("crm:anonymise", args=[person.pk]),
    ]


@pytest.fixture
def records():
    org = Organisation.objects.create(name="ОО Ромашка", bin=BINS[0], district=resolve_district("Уральск"))
    person = Person.objects.create(full_name="Ахметова Айгуль", phone="+77011234567", email="aigul@mail.kz")
    Membership.objects.create(person=person, organisation=org, role="председатель")
    Interaction.objects.create(kind="consultation", organisation=org, person=person, text="Консультация по бюджету")
    return org, person


def test_coordinator_reaches_every_crm_screen(coordinator_client, records):
    """Protects the coordinators' work: every CRM list, page, import and export opens for them."""
    for url in crm_urls(*records):
        assert coordinator_client.get(url).status_code == 200, url


def test_press_cannot_see_the_crm(press_client, records):
    """Protects personal data: Press staff get no CRM screen, export or menu entry."""
    for url in crm_urls(*records):
        response = press_client.get(url)
        assert response.status_code in (302, 403), url
        assert "Ахметова" not in response.content.decode(), url
    home = press_client.get("/admin/").content.decode()
    assert ORG_LIST not in home


def test_coordinator_has_the_crm_menu(coordinator_client, records):
    """Protects navigation: the CRM menu with its lists is in the admin for coordinators."""
    page = coordinator_client.get("/admin/").content.decode()
    for url in (ORG_LIST, PEOPLE_LIST, "/admin/snippets/crm/interaction/"):
        assert url in page


def test_press_cannot_post_an_import(press_client):
    """Protects the data: an import POST by someone without the right is refused and writes nothing."""
    data = csv_bytes([HEADER, ["ОО А", BINS[1], "Уральск", "", "", ""]])
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = press_client.post(
        reverse("crm:import"), {"step": "upload", "mode": "atomic", "file": SimpleUploadedFile("a.csv", data)}
    )
    assert response.status_code in (302, 403)
    assert not Organisation.objects.exists()


def upload(client, data, name="a.csv", mode="atomic"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return client.post(reverse("crm:import"), {"step": "upload", "mode": mode, "file": SimpleUploadedFile(name, data)})


def confirm_fields(page):
    fields = dict(re.findall(r'<input type="hidden" name="(token|file_name|mode)" value="([^"]*)"', page))
    return {**fields, "step": "confirm"}


def test_import_through_the_admin_preview_then_confirm(coordinator_client, coordinator):
    """Protects the coordinator's flow: upload shows new/updated/invalid counts, confirm imports and logs."""
    data = csv_bytes([HEADER, ["ОО А", BINS[1], "Бөрлі", "Айгуль", "87011234567", ""]], encoding="cp1251")
    preview = upload(coordinator_client, data)
    page = preview.content.decode()
    assert preview.status_code == 200
    assert 'data-count="new">1<' in page
    assert not Organisation.objects.exists()
    response = coordinator_client.post(reverse("crm:import"), confirm_fields(page))
    log = ImportLog.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("crm:import_result", args=[log.pk])
    assert (log.user, log.organisations_new, log.people_new) == (coordinator, 1, 1)
    assert Organisation.objects.get().district.code == "burli"


def test_admin_preview_lists_invalid_rows_and_offers_no_confirm_by_default(coordinator_client):
    """Protects the atomic default in the admin: invalid rows listed with line and column; no confirm button."""
    data = csv_bytes([HEADER, ["ОО А", BINS[1], "", "", "", ""], ["ОО Б", "12", "", "", "", ""]])
    page = upload(coordinator_client, data).content.decode()
    assert '<tr class="import-invalid"><td>3</td><td>БИН</td>' in page
    assert 'id="confirm-import"' not in page
    assert 'id="skip-invalid"' in page


def test_admin_skip_invalid_gives_a_rejects_download(coordinator_client):
    """Protects fix-and-reupload in the admin: the result page links the rejected rows as a file."""
    data = csv_bytes([HEADER, ["ОО А", BINS[1], "", "", "", ""], ["ОО Б", "12", "", "", "", ""]])
    page = upload(coordinator_client, data, mode="skip_invalid").content.decode()
    response = coordinator_client.post(reverse("crm:import"), confirm_fields(page))
    log = ImportLog.objects.get()
    result_page = coordinator_client.get(response["Location"]).content.decode()
    assert reverse("crm:import_rejects", args=[log.pk]) in result_page
    download = coordinator_client.get(reverse("crm:import_rejects", args=[log.pk]))
    content = b"".join(download.streaming_content).decode("utf-8-sig")
    assert "ОО Б" in content and "ОО А" not in content
    assert Organisation.objects.get().name == "ОО А"


def test_rejects_download_is_refused_to_press(press_client, coordinator):
    """Protects personal data in rejects files: only those who may import can download them."""
    log = ImportLog.objects.create(file_name="x.csv", rejects_file="crm-rejects/x.csv")
    assert press_client.get(reverse("crm:import_rejects", args=[log.pk])).status_code in (302, 403)


def test_upload_of_an_unreadable_file_shows_a_message_not_a_500(coordinator_client):
    """Protects against wrong files: a clear message on the form."""
    response = upload(coordinator_client, b"\xd0\xcf\x11\xe0old excel", name="old.xls")
    assert response.status_code == 200
    assert "xls" in response.content.decode()


def test_confirm_with_a_forged_token_is_refused(coordinator_client):
    """Protects the shared storage: the confirm step accepts only a token the upload made."""
    response = coordinator_client.post(
        reverse("crm:import"), {"step": "confirm", "token": "../../etc/passwd", "file_name": "x", "mode": "atomic"}
    )
    assert response.status_code == 302
    assert not ImportLog.objects.exists()


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("ромашка", True),  # Cyrillic, other case (SQLite's LIKE would miss it)
        ("РОМАШКА", True),
        (BINS[0][:6], True),
        ("8 701 123 45 67", True),  # a member's phone, typed another way
        ("AIGUL@mail.kz", True),
        ("лютик", False),
    ],
)
def test_organisation_search_by_name_bin_phone_email(coordinator_client, records, query, found):
    """Protects finding an organisation: by name in any case, BIN, or a member's phone or e-mail."""
    page = coordinator_client.get(ORG_LIST, {"q": query}).content.decode()
    assert ("ОО Ромашка" in page) is found


def test_organisation_search_through_many_people(coordinator_client, records, monkeypatch):
    """Protects searching by a member's e-mail when it matches more people than go into the
    query as ids: the organisations are still found (through a subquery instead)."""
    from cms_plugins.crm import filters

    monkeypatch.setattr(filters, "PEOPLE_IDS_INLINE", 1)
    other = Organisation.objects.create(name="ОО Лютик", bin=BINS[1])
    someone = Person.objects.create(full_name="Серик Нурланов", email="serik@mail.kz")
    Membership.objects.create(person=someone, organisation=other)
    page = coordinator_client.get(ORG_LIST, {"q": "@mail.kz"}).content.decode()
    assert "ОО Ромашка" in page and "ОО Лютик" in page


def test_people_list_reads_in_alphabetical_order_across_alphabets(coordinator_client):
    """Protects the coordinator's scan of the people list: Kazakh letters and case do not
    push a name to the end of the alphabet (Әлиева between Алиев and Бекова), and a
    search's matches come sorted by name too."""
    for name in ("бекова Сауле", "Әлиева Дана", "Алиев Ерлан"):
        Person.objects.create(full_name=name)
    page = coordinator_client.get(PEOPLE_LIST).content.decode()
    assert page.index("Алиев Ерлан") < page.index("Әлиева Дана") < page.index("бекова Сауле")
    page = coordinator_client.get(PEOPLE_LIST, {"q": "ли"}).content.decode()
    assert page.index("Алиев Ерлан") < page.index("Әлиева Дана")
    assert "бекова Сауле" not in page


@pytest.mark.parametrize("query", ["айгуль", "+7 701 123-45-67", "aigul@"])
def test_people_search_by_name_phone_email(coordinator_client, records, query):
    """Protects finding a person: by name in any case, phone typed any way, or e-mail."""
    assert "Ахметова Айгуль" in coordinator_client.get(PEOPLE_LIST, {"q": query}).content.decode()


def test_organisation_filters(coordinator_client, records):
    """Protects the list filters: district (any language), legal form, status, focus area, has BIN."""
    org = records[0]
    org.focus_areas.add("экология")
    other = Organisation.objects.create(
        name="ИГ Лютик", legal_form="initiative_group", district=resolve_district("Таскала"), status="dormant"
    )
    ecology = FocusArea.objects.get(name="экология")
    taskala = resolve_district("Таскала")

    def names(**params):
        page = coordinator_client.get(ORG_LIST, params).content.decode()
        return {name for name in ("ОО Ромашка", "ИГ Лютик") if name in page}

    assert names(district=taskala.pk) == {"ИГ Лютик"}
    assert names(legal_form="initiative_group") == {"ИГ Лютик"}
    assert names(status="dormant") == {"ИГ Лютик"}
    assert names(focus_areas=ecology.pk) == {"ОО Ромашка"}
    assert names(has_bin="true") == {"ОО Ромашка"}
    assert names(has_bin="false") == {"ИГ Лютик"}
    assert other.pk


def test_export_button_keeps_the_current_filter(coordinator_client, records):
    """Protects "export the filtered list": the export of a filtered list has only those records."""
    Organisation.objects.create(name="ИГ Лютик", legal_form="initiative_group")
    page = coordinator_client.get(ORG_LIST, {"has_bin": "true"}).content.decode()
    url = re.search(r'href="([^"]*/admin/crm/export/organisations/\?[^"]*format=csv[^"]*)"', page).group(1)
    url = url.replace("&amp;", "&")
    content = coordinator_client.get(url).content.decode("utf-8-sig")
    assert "ОО Ромашка" in content and "ИГ Лютик" not in content


def test_inspect_page_shows_the_timeline(coordinator_client, records):
    """Protects the organisation's history: its page lists the entries with kind and text."""
    org, person = records
    page = coordinator_client.get(f"/admin/snippets/crm/organisation/inspect/{org.pk}/").content.decode()
    assert "Консультация по бюджету" in page and "Ахметова Айгуль" in page
    page = coordinator_client.get(f"/admin/snippets/crm/person/inspect/{person.pk}/").content.decode()
    assert "Консультация по бюджету" in page and "ОО Ромашка" in page


def test_history_entry_added_in_admin_records_who_wrote_it(coordinator_client, coordinator, records):
    """Protects accountability: a history entry made in the admin keeps its author."""
    org = records[0]
    response = coordinator_client.post(
        f"/admin/snippets/crm/interaction/add/?organisation={org.pk}",
        {"kind": "mentoring", "date": "2026-11-20", "organisation": org.pk, "person": "", "text": "Наставничество"},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert Interaction.objects.get(kind="mentoring").recorded_by == coordinator


def test_duplicates_finder_and_merge_through_the_admin(coordinator_client, records):
    """Protects the merge action: a probable twin is listed, merged, and its history kept."""
    org = records[0]
    twin = Organisation.objects.create(name="Ромашка", legal_form="initiative_group")
    Interaction.objects.create(kind="training", organisation=twin, text="Тренинг")
    page = coordinator_client.get(reverse("crm:duplicates")).content.decode()
    merge_url = reverse("crm:merge", args=["organisation", org.pk, twin.pk])
    assert merge_url in page
    assert coordinator_client.get(merge_url).status_code == 200
    response = coordinator_client.post(merge_url)
    assert response.status_code == 302
    assert not Organisation.objects.filter(pk=twin.pk).exists()
    assert org.interactions.filter(kind="training").exists()


def test_anonymise_through_the_admin(coordinator_client, records):
    """Protects erasure in the admin: confirm page, then no personal data left."""
    person = records[1]
    url = reverse("crm:anonymise", args=[person.pk])
    assert "Ахметова Айгуль" in coordinator_client.get(url).content.decode()
    coordinator_client.post(url)
    person.refresh_from_db()
    assert (person.full_name, person.email, person.phone) == ("", "", "")


def make_organisations(count, start=0):
    district = resolve_district("Уральск")
    tag = FocusArea.objects.get_or_create(name="молодёжь", slug="molodezh")[0]
    orgs = [
        Organisation(name=f"ОО {i}", name_key=name_key(f"ОО {i}"), bin=make_bin(i + 1), district=district)
        for i in range(start, start + count)
    ]
    Organisation.objects.bulk_create(orgs)
    OrganisationFocusArea.objects.bulk_create([OrganisationFocusArea(content_object=o, tag=tag) for o in orgs])
    people = Person.objects.bulk_create([Person(full_name=f"П {o.pk}") for o in orgs])
    Membership.objects.bulk_create([Membership(person=p, organisation=o) for p, o in zip(people, orgs, strict=True)])


def count_list_queries(client):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(ORG_LIST).status_code == 200
    return len(queries)


def test_organisation_list_query_count_is_constant(coordinator_client, django_assert_num_queries):
    """Protects the admin list's speed: 10 and 1,000 organisations render in the same number of queries."""
    make_organisations(10)
    coordinator_client.get(ORG_LIST)  # warm per-process caches (content types, site)
    with_10 = count_list_queries(coordinator_client)
    make_organisations(990, start=10)
    with_1000 = count_list_queries(coordinator_client)
    assert with_10 == with_1000
    with django_assert_num_queries(with_10):
        coordinator_client.get(ORG_LIST)
    print(f"organisation list: {with_10} queries for 10 and for 1,000 records")
    assert with_10 <= 20


def test_district_chosen_in_kazakh_is_stored_as_the_default_row(coordinator_client):
    """Protects lists and counts: a district picked in any language is one district."""
    from cms_plugins.places.models import District

    kazakh = District.objects.get(code="taskala", locale__language_code="kk")
    data = {"name": "ИГ Жаңа", "legal_form": "initiative_group", "bin": "", "status": "active", "district": kazakh.pk}
    assert coordinator_client.post("/admin/snippets/crm/organisation/add/", data).status_code == 302
    assert Organisation.objects.get(name="ИГ Жаңа").district == resolve_district("Таскала")


def test_organisation_form_requires_a_bin_except_for_initiative_groups(coordinator_client):
    """Protects the BIN rule in the admin form, not only in imports."""
    data = {"name": "ОО Новая", "legal_form": "public_association", "bin": "", "status": "active", "focus_areas": ""}
    response = coordinator_client.post("/admin/snippets/crm/organisation/add/", data)
    assert response.status_code == 200
    assert not Organisation.objects.filter(name="ОО Новая").exists()
    data["legal_form"] = "initiative_group"
    assert coordinator_client.post("/admin/snippets/crm/organisation/add/", data).status_code == 302
    assert Organisation.objects.get(name="ОО Новая").name_key == "новая"


def test_organisation_list_sorts_by_name_and_people(coordinator_client, records):
    """Protects sorting: the list orders by a column when asked."""
    Organisation.objects.create(name="ИГ Лютик", legal_form="initiative_group")
    page = coordinator_client.get(ORG_LIST, {"ordering": "-name"}).content.decode()
    assert page.index("ОО Ромашка") < page.index("ИГ Лютик")
    page = coordinator_client.get(ORG_LIST, {"ordering": "name"}).content.decode()
    assert page.index("ИГ Лютик") < page.index("ОО Ромашка")
    assert coordinator_client.get(ORG_LIST, {"ordering": "-people_count"}).status_code == 200


def test_add_buttons_read_as_russian_sentences(coordinator_client, records):
    """Protects: the list's add button declines the noun in Russian ("Добавить организацию"), which
    Wagtail's generic "Add %(model_name)s" cannot do."""
    for url, label in ((ORG_LIST, "Добавить организацию"), (PEOPLE_LIST, "Добавить человека")):
        content = coordinator_client.get(url, HTTP_ACCEPT_LANGUAGE="ru").content.decode()
        assert label in content
        assert "Добавить организация" not in content and "Добавить человек<" not in content


def test_create_screens_and_messages_need_no_gender_in_russian(coordinator_client, records):
    """Protects: Wagtail's "New: %(model_name)s" and "… created." read «Новый: организация» and «… создана»
    for every record; ours name the record, so any kind reads right."""
    add = reverse(f"{Organisation.snippet_viewset.get_url_name('add')}")
    page = coordinator_client.get(add, HTTP_ACCEPT_LANGUAGE="ru").content.decode()
    assert "новая запись: организация" in page.lower() and "новый:" not in page.lower()
    response = coordinator_client.post(
        add,
        {"name": "ОО Жулдыз", "legal_form": "initiative_group", "status": "active"},
        HTTP_ACCEPT_LANGUAGE="ru",
        follow=True,
    )
    messages = [str(m) for m in response.context["messages"]]
    assert any("запись «оо жулдыз» (организация) создана." in m.lower() for m in messages), messages


def test_by_last_contact_puts_the_never_contacted_last_when_newest_first(coordinator_client):
    """Newest contact first: the organisation nobody has contacted comes after the others, on every database."""
    import datetime

    from cms_plugins.crm.services import record_interaction

    never = Organisation.objects.create(name="ОО Тишина", legal_form="initiative_group")
    old = Organisation.objects.create(name="ОО Давно", legal_form="initiative_group")
    recent = Organisation.objects.create(name="ОО Недавно", legal_form="initiative_group")
    record_interaction(kind="note", text="звонок", organisation=old, date=datetime.date(2025, 1, 10))
    record_interaction(kind="note", text="звонок", organisation=recent, date=datetime.date(2026, 11, 20))
    page = coordinator_client.get(ORG_LIST, {"ordering": "-last_contact"}).content.decode()
    assert page.index(recent.name) < page.index(old.name) < page.index(never.name)
    page = coordinator_client.get(ORG_LIST, {"ordering": "last_contact"}).content.decode()
    assert page.index(never.name) < page.index(old.name) < page.index(recent.name)
