"""The data migration of topics and villages (text → lists) keeps every item, both ways.

It migrates the database back and forth, so it runs (marked ``flushes_db``) after the others."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from news.models import NewsPage

from .conftest import add_news

BEFORE = ("news", "0003_press_page_permissions_on_news_and_standard_pages")
AFTER = ("news", "0004_topics_and_villages_as_lists")


def migrate(target):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate([target])
    return executor.loader.project_state([target]).apps


@pytest.mark.flushes_db
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_existing_reports_keep_each_topic_and_village_as_an_item(site):
    """Protects: pages written with one topic a line and villages separated by commas come out
    as lists of separate items, in the page and in its latest revision (the draft editors open)."""
    page = add_news(
        site["indexes"]["ru"],
        "Встреча",
        topics=[("topic", "Создание НПО"), ("topic", "Написание проектов"), ("topic", "Кадры")],
        villages=[("village", "Аксай"), ("village", "Пугачево")],
    )
    try:
        old_apps = migrate(BEFORE)
        old = old_apps.get_model("news", "NewsPage").objects.get(pk=page.pk)
        assert old.topics == "Создание НПО\nНаписание проектов\nКадры"
        assert old.villages == "Аксай, Пугачево"
        old.villages = "Аксай, Пугачево; Бурлин"
        old.save(update_fields=["villages"])
    finally:
        migrate(AFTER)
    page = NewsPage.objects.get(pk=page.pk)
    assert page.topic_list() == ["Создание НПО", "Написание проектов", "Кадры"]
    assert page.village_list() == ["Аксай", "Пугачево", "Бурлин"]
    draft = page.get_latest_revision_as_object()
    assert draft.topic_list() == ["Создание НПО", "Написание проектов", "Кадры"]
