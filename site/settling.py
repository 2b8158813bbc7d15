"""What an app server process does once it has loaded the site, before its first request."""

import gc


def settle():
    """Import every view (through the URLconf), then freeze what is loaded: Django, Wagtail,
    every model, block and view live as long as the process, and frozen, the garbage
    collector stops walking their hundreds of thousands of objects. Each full collection
    walked them: about 0.2 s of CPU in every request that makes thousands of objects — a
    call's ranking or its exports (bench/bench_competition.py)."""
    from django.urls import get_resolver

    get_resolver().url_patterns  # noqa: B018 — imports the URLconf's modules
    gc.collect()  # start-up's garbage is not kept for ever
    gc.freeze()
