"""What the app server's entry points do once the site is loaded."""

import gc
import importlib


def test_the_wsgi_entry_point_freezes_what_start_up_loaded():
    """Protects the big coordinator screens' speed: the garbage collector no longer walks the
    hundreds of thousands of objects Django and Wagtail load (each full collection did, about
    0.2 s of CPU in a request that makes thousands of objects, such as a call's ranking)."""
    gc.unfreeze()
    try:
        importlib.reload(importlib.import_module("auyl.wsgi"))
        assert gc.get_freeze_count() > 50_000
    finally:
        gc.unfreeze()
