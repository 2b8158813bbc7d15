import pytest
from django.conf import settings
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
    """Cached pages and fragments, and the active language, of one test never reach another."""
    cache.clear()
    translation.activate(settings.LANGUAGE_CODE)  # a language one test switched to never leaks
    yield
    cache.clear()
    translation.activate(settings.LANGUAGE_CODE)
