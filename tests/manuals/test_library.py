"""The public manuals library: filters by category and language, search, translations linked."""

import uuid

import pytest

from .conftest import BROWSER, add_manual

pytestmark = pytest.mark.django_db


def titles(response):
    html = response.content.decode()
    return [t for t in ("Регистрация НПО", "Тіркеу нұсқаулығы", "Шаблон бюджета", "Budget template") if t in html]


@pytest.fixture
def manuals(library):
    key = uuid.uuid4()
    add_manual("Регистрация НПО", "ru", key=key, summary="Шаг за шагом для инициативной группы.")
    add_manual("Тіркеу нұсқаулығы", "kk", key=key, summary="Бастамашыл топқа арналған.")
    add_manual("Шаблон бюджета", "ru", category="template", summary="Таблица Excel.")
    add_manual("Budget template", "en", category="template", summary="An Excel sheet.")
    return library


def test_the_library_lists_every_manual_in_every_language(client, manuals):
    """Protects readers: a manual in another language than the site's is still found."""
    response = client.get(manuals.url, HTTP_USER_AGENT=BROWSER)
    assert response.status_code == 200
    assert titles(response) == ["Регистрация НПО", "Тіркеу нұсқаулығы", "Шаблон бюджета", "Budget template"]


def test_filters_by_category_and_language_are_plain_links(client, manuals):
    """Protects phones without JavaScript: each filter is a link and narrows the list."""
    html = client.get(manuals.url).content.decode()
    assert 'href="?category=template"' in html and 'href="?language=kk"' in html
    assert titles(client.get(manuals.url + "?category=template")) == ["Шаблон бюджета", "Budget template"]
    assert titles(client.get(manuals.url + "?language=kk")) == ["Тіркеу нұсқаулығы"]
    assert titles(client.get(manuals.url + "?category=template&language=en")) == ["Budget template"]


def test_search_finds_title_or_summary_in_any_case(client, manuals):
    """Protects search: a word of the summary, typed in small letters, finds the manual."""
    assert titles(client.get(manuals.url, {"q": "excel"})) == ["Шаблон бюджета", "Budget template"]
    assert titles(client.get(manuals.url, {"q": "ИНИЦИАТИВНОЙ"})) == ["Регистрация НПО"]
    response = client.get(manuals.url, {"q": "нет такого"})
    assert titles(response) == [] and 'role="status"' in response.content.decode()


@pytest.mark.parametrize("query", ["?category=nonsense", "?language=de", "?page=999", "?q=" + "я" * 5000, "?page=x"])
def test_bad_filters_are_ignored_never_an_error(client, manuals, query):
    """Protects against 500s on hand-made URLs."""
    assert client.get(manuals.url + query).status_code == 200


def test_translations_are_linked_to_each_other(client, manuals):
    """Protects readers of two languages: a manual names its translations and links their downloads."""
    html = client.get(manuals.url + "?language=ru").content.decode()
    start = html.index("Регистрация НПО")
    card = html[start : html.index("</li>", start)]
    assert "Қазақша" in card and "/download/" in card and 'hreflang="kk"' in card
    budget = html[html.index("Шаблон бюджета") :]
    assert "Қазақша" not in budget[: budget.index("</li>")]


def test_the_readers_language_comes_first(client, manuals):
    """Protects Kazakh readers: their manuals lead the list, the others follow."""
    from wagtail.models import Locale

    from manuals.models import ManualLibraryPage

    kk = manuals.copy_for_translation(Locale.objects.get(language_code="kk"))
    kk.save_revision().publish()
    html = client.get(ManualLibraryPage.objects.get(pk=kk.pk).url).content.decode()
    assert html.index("Тіркеу нұсқаулығы") < html.index("Budget template") < html.index("Регистрация НПО")
