"""Where import uploads and rejects files live (read by services, views and erasure)."""

from django.conf import settings
from django.core.files.storage import storages


def import_storage():
    """Where uploads wait between preview and confirm, and rejects files live.

    Shared storage (not a server's /tmp): the confirm may reach another app server.
    Private by default, since the files hold personal data.
    """
    alias = getattr(settings, "CRM_IMPORT_STORAGE", None) or (
        "private" if "private" in settings.STORAGES else "default"
    )
    return storages[alias]
