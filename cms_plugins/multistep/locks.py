"""Saving through a briefly locked database (SQLite while another process writes).

SQLite already waits for its busy timeout; when a long write still holds the lock we
try a few more times, then give up so the view can show the step again with the
answers kept and a "try again" message (503), never a 500 that loses the form.
"""

import time

from django.db import OperationalError

from . import conf


def retrying(action):
    attempts = max(1, conf.get("SAVE_ATTEMPTS"))
    for attempt in range(1, attempts + 1):
        try:
            return action()
        except OperationalError:
            if attempt == attempts:
                raise
            time.sleep(conf.get("SAVE_RETRY_PAUSE") * attempt)
    return None
