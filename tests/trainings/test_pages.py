"""Event pages and lists: upcoming and past, plain-link filters, home and district pages,
search, sitemap, sharing metadata, and what wagtail-localize offers to translate."""

import pytest
from wagtail_localize.fields import SynchronizedField, TranslatableField, get_translatable_fields

from home import sources
from tests.news.conftest import add_district_page, publish
from tests.trainings.conftest import add_event, translate
from trainings.models import TrainingIndexPage, TrainingPage

pytestmark = pytest.mark.django_db


def test_lists_show_upcoming_and_past_apart(client, site):
    """Protects: the list shows what is still to come, soonest first; the past list the rest."""
    index = site["trainings"]["ru"]
    add_event(index, "Через месяц", days=30)
    add_event(index, "Через неделю", days=7)
    add_event(index, "Прошлый тренинг", days=-20)
    html = client.get(index.url).content.decode()
    assert html.index("Через неделю") < html.index("Через месяц") and "Прошлый тренинг" not in html
    past = client.get(index.url + "past/").content.decode()
    assert "Прошлый тренинг" in past and "Через неделю" not in past


def test_filters_are_plain_links_and_narrow_the_list(client, site):
    """Protects: district, kind, topic and language filters work as links (no JavaScript) and combine."""
    index = site["trainings"]["ru"]
    add_event(index, "Тренинг в Аксае", code="burli", topics=",project-management,", delivery_language="kk")
    add_event(index, "Тренинг в Таскале", code="taskala", topics=",fundraising,", delivery_language="ru")
    add_event(index, "Вебинар для всех", online=True, kind="webinar", topics=",fundraising,")
    html = client.get(index.url + "?district=burli").content.decode()
    assert "Тренинг в Аксае" in html and "Вебинар для всех" in html and "Тренинг в Таскале" not in html
    html = client.get(index.url + "?kind=webinar").content.decode()
    assert "Вебинар для всех" in html and "Тренинг в Аксае" not in html
    html = client.get(index.url + "?topic=fundraising&language=ru").content.decode()
    assert "Тренинг в Таскале" in html and "Вебинар для всех" in html and "Тренинг в Аксае" not in html
    assert 'href="?district=burli&amp;topic=fundraising&amp;language=ru"' in html or "district=burli" in html
    assert client.get(index.url + "?district=nowhere&topic=<x>&page=abc").status_code == 200


def test_event_page_shows_sessions_place_and_no_webinar_link(client, site):
    """Protects: the public page tells when and where, and never shows the webinar link."""
    index = site["trainings"]["ru"]
    event = add_event(
        index, "Вебинар по отчётности", online=True, kind="webinar", sessions=2, webinar_url="https://meet.example/x1"
    )
    html = client.get(event.url).content.decode()
    assert html.count('<li><time datetime="') == 2
    assert "meet.example" not in html
    assert '<meta property="og:title" content="Вебинар по отчётности">' in html
    assert "<h1>Вебинар по отчётности</h1>" in html and html.count("<h1") == 1


def test_home_section_and_district_page_show_real_events(client, site):
    """Protects: the home section lists upcoming events with their date; a district page its
    own events and online ones, not another district's."""
    index = site["trainings"]["ru"]
    add_event(index, "Тренинг в Аксае", code="burli")
    add_event(index, "Вебинар для всех", online=True, kind="webinar")
    add_event(index, "Тренинг в Таскале", code="taskala")
    add_event(index, "Прошедший", days=-3)
    home = site["homes"]["ru"]
    home.body = [("upcoming_trainings", {"title": "", "count": 3})]
    publish(home)
    html = client.get(home.url).content.decode()
    assert html.count('<li><a href="/ru/trainings/') == 3 and "Прошедший" not in html
    assert '<time datetime="' in html
    page = add_district_page(site["district_indexes"]["ru"], "burli")
    html = client.get(page.url).content.decode()
    assert "Тренинг в Аксае" in html and "Вебинар для всех" in html and "Тренинг в Таскале" not in html


def test_contract_for_home(site):
    """Protects the registry's contract: upcoming(), in_district(code), for_listing() on the model home finds."""
    add_event(site["trainings"]["ru"], "Тренинг", code="syrym")
    listed = sources.source("trainings").listing_in(site["locales"]["ru"].pk, 3, district_code="syrym")
    assert [page.title for page in listed] == ["Тренинг"]
    assert sources.source("trainings").listing_in(site["locales"]["ru"].pk, 3, district_code="burli") == []


def test_search_and_sitemap_find_events(client, site):
    """Protects: events are found by the site search and listed in the sitemap."""
    event = add_event(site["trainings"]["ru"], "Фандрайзинг для сельских НПО")
    assert "Фандрайзинг для сельских НПО" in client.get("/ru/search/?q=Фандрайзинг").content.decode()
    assert event.get_full_url() in client.get("/sitemap.xml").content.decode()


def test_translation_keeps_codes_and_link_and_offers_text(site):
    """Protects translators' work: text is offered, codes, places, the webinar link and the
    consent version are copied as they are; a translation shares the event's registrations."""
    fields = {field.field_name: type(field) for field in get_translatable_fields(TrainingPage)}
    assert fields["title"] is TranslatableField and fields["intro"] is TranslatableField
    assert fields["trainers"] is TranslatableField and fields["venue"] is TranslatableField
    for name in ("topics", "webinar_url", "kind", "delivery_language", "capacity", "registration_deadline"):
        assert fields[name] is SynchronizedField, name
    assert fields["sessions"] is SynchronizedField
    index_fields = {field.field_name: type(field) for field in get_translatable_fields(TrainingIndexPage)}
    assert index_fields["consent_version"] is SynchronizedField
    event = add_event(site["trainings"]["ru"], "Тренинг", topics=",legal-basics,")
    kk = translate(event, site["trainings"]["kk"])
    assert kk.translation_key == event.translation_key and kk.topics == ",legal-basics,"
    assert kk.starts_at == event.starts_at and len(kk.session_list()) == 1
    assert kk.district.locale.language_code == "kk"


def test_an_in_person_event_needs_a_district(site):
    """Protects: an event in person says where; an online one has no district."""
    from django.core.exceptions import ValidationError

    event = add_event(site["trainings"]["ru"], "Тренинг")
    event.district = None
    with pytest.raises(ValidationError) as error:
        event.full_clean()
    assert "district" in error.value.message_dict
