"""Where import uploads and rejects files live (read by services, views, tasks and erasure)."""

from django.conf import settings
from django.core.files.storage import storages
from import_export.tmp_storages import MediaStorage


def import_storage():
    """Where uploads wait between preview and confirm, and rejects files live.

    Shared storage (not a server's /tmp): the confirm may reach another app server.
    Private by default, since the files hold personal data.
    """
    alias = getattr(settings, "CRM_IMPORT_STORAGE", None) or (
        "private" if "private" in settings.STORAGES else "default"
    )
    return storages[alias]


class ImportTmpStorage(MediaStorage):
    """import-export's media storage, pointed at the CRM's private shared storage."""

    def __init__(self, **kwargs):
        kwargs.setdefault("MEDIA_FOLDER", "crm-imports")
        super().__init__(**kwargs)

    def _configure_storage(self):
        self._storage = import_storage()

    def open(self):
        """The stored upload as a binary file, to read a line at a time."""
        return import_storage().open(self.get_full_path(), "rb")
