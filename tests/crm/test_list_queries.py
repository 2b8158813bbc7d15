"""The CRM lists cost the same number of SQL queries for 10 records as for 100, with
every filter and search a coordinator uses: no query per row (national scale)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cms_plugins.crm.models import FocusArea, Interaction
from cms_plugins.places.resolver import resolve_district

from .test_admin import ORG_LIST, PEOPLE_LIST, make_organisations

pytestmark = pytest.mark.django_db


def queries_of(client, url, params):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params)
    assert response.status_code == 200
    return len(queries), response.content.decode().count("data-bulk-action-checkbox")


def seed(count, start=0):
    make_organisations(count, start=start)
    from cms_plugins.crm.models import Organisation, Person
    from cms_plugins.crm.names import person_key

    people = list(Person.objects.filter(name_key=""))
    for person in people:  # bulk_create skips save(), which keeps the search key
        person.name_key = person_key(person.full_name)
    Person.objects.bulk_update(people, ["name_key"])

    # A history entry for each: the list's "last contact" column reads it.
    Interaction.objects.bulk_create(
        [Interaction(kind="note", organisation=org) for org in Organisation.objects.filter(interactions=None)]
    )


def requests():
    district = resolve_district("Уральск")
    tag = FocusArea.objects.get(slug="molodezh")
    return [
        (ORG_LIST, {}),
        (ORG_LIST, {"ordering": "-last_contact"}),
        (ORG_LIST, {"district": district.pk, "legal_form": "other", "status": "active", "has_bin": "true"}),
        (ORG_LIST, {"focus_areas": tag.pk}),
        (ORG_LIST, {"q": "1"}),
        (PEOPLE_LIST, {}),
        (PEOPLE_LIST, {"district": district.pk, "preferred_language": "ru", "mailing_opt_out": "false"}),
        (PEOPLE_LIST, {"has_consent": "false", "q": "П"}),
    ]


def test_lists_take_as_many_queries_for_100_records_as_for_10(coordinator_client):
    """Protects the lists at national scale: rows add no queries, with or without filters and search."""
    seed(10)
    coordinator_client.get(ORG_LIST)  # warm per-process caches (content types, site)
    coordinator_client.get(PEOPLE_LIST)
    with_10 = [queries_of(coordinator_client, url, params) for url, params in requests()]
    seed(90, start=10)
    with_100 = [queries_of(coordinator_client, url, params) for url, params in requests()]
    for (url, params), (few, rows_few), (many, rows_many) in zip(requests(), with_10, with_100, strict=True):
        assert rows_many > rows_few, (url, params)  # the second run does show more rows…
        assert many == few, (url, params, few, many)  # …in the same number of queries
