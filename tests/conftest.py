import pytest


def use_media_folder(settings, folder):
    """Point public and private file storage at ``folder``."""
    settings.MEDIA_ROOT = folder / "media"
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": folder / "media"},
        },
        "private": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": folder / "private"},
        },
    }


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    """Uploaded files of one test never reach the developer's media folder."""
    use_media_folder(settings, tmp_path)
