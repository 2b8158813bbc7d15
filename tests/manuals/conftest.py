import uuid

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import Locale

from manuals.models import Manual, ManualLibraryPage
from tests.news.conftest import build_site, publish

BROWSER = (
    "Mozilla/5.0 (Linux; Android 13; SM-A145F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Mobile Safari/537.36"
)


def add_document(title="Пособие", content=b"%PDF-1.4\n%demo\n", name="manual.pdf"):
    document = get_document_model()(title=title)
    document.file.save(name, ContentFile(content), save=False)
    document.file_size = len(content)
    document.save()
    return document


def add_manual(title, language="ru", *, category="manual", summary="Коротко о пособии.", key=None, cover=None):
    return Manual.objects.create(
        title=title,
        summary=summary,
        category=category,
        locale=Locale.objects.get(language_code=language),
        translation_key=key or uuid.uuid4(),
        document=add_document(title),
        cover_image=cover,
    )


def add_library(home):
    return publish(home.add_child(instance=ManualLibraryPage(title="Библиотека", slug="manuals", locale=home.locale)))


@pytest.fixture
def library(db):
    tree = build_site()
    return add_library(tree["homes"]["ru"])
