import pytest
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.utils import translation


def media_settings(folder):
    """Settings that put public and private file storage in ``folder``."""
    return {
        "MEDIA_ROOT": folder / "media",
        "STORAGES": {
            **settings.STORAGES,
            "default": {
                "BACKEND": "django.core.files.storage.FileSystemStorage",
                "OPTIONS": {"location": folder / "media"},
            },
            "private": {
                "BACKEND": "django.core.files.storage.FileSystemStorage",
                "OPTIONS": {"location": folder / "private"},
            },
        },
    }


def use_media_folder(settings, folder):
    """Point public and private file storage at ``folder`` (``settings`` is pytest-django's fixture)."""
    for name, value in media_settings(folder).items():
        setattr(settings, name, value)


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    """Uploaded files of one test never reach the developer's media folder."""
    use_media_folder(settings, tmp_path)


@pytest.fixture(autouse=True)
def _empty_cache():
    """Cached pages, fragments, content-type ids and the active language of one test never reach another.

    A transactional test flushes and reloads the database, which can renumber
    content types; a stale id cached in memory would then break the next test.
    """
    cache.clear()
    ContentType.objects.clear_cache()
    translation.activate(settings.LANGUAGE_CODE)  # a language one test switched to never leaks
    yield
    cache.clear()
    ContentType.objects.clear_cache()
    translation.activate(settings.LANGUAGE_CODE)
