"""Browser harness: Playwright (sync API) driving Debian's Chromium against a live Django server.

Run with ``make test-browser`` (or ``pytest -m browser tests/browser``); the default test
command deselects these tests. Every test here gets:

- ``live_server`` (pytest-django) on 127.0.0.1, a random port, static files served from the
  app folders; the database is transactional and the data of the migrations (locales,
  districts, roles) is restored before each test (serialized rollback);
- ``page``: a phone-sized (360x740) Chromium tab in Russian whose relative URLs go to the
  live server; ``desktop_page``: the same at 1280x800;
- ``demo_site``: the demo content of ``manage.py load_demo``, committed.

Helpers (import from ``tests.browser.harness``):

- ``visit(page, path)``: open a URL, check the status, run axe-core on the loaded page;
  ``follow(page, locator)``: click a link, wait for the next page, run axe-core on it;
- ``axe_check(page)``: fail on any WCAG 2.x A/AA violation (rule, impact, elements);
- ``screenshot(page, name)``: keep ``artifacts/<name>.png`` (a failed test keeps
  ``artifacts/failures/<test>.png`` by itself);
- ``login_as(page, user)``: the tab is signed in as ``user`` (Wagtail admin included).

Axe-core runs on every page a test visits: the tab records each page it lands on, and a
test that leaves a public page unchecked (e.g. used ``page.goto`` or clicked a link without
``follow``/``axe_check``) fails at teardown naming the page. Wagtail's admin screens are
not exempt (the dashboard passes); a rule that must be switched off for one page is named
in ``axe_check(page, disable=[...])`` with the reason beside it. Likewise a stylesheet,
image or other file of ours that answers with an error (404, 500) fails the test at teardown,
and so does any Content-Security-Policy violation on any page the tab showed (public site
or admin): the browser refused something our pages asked for, so a reader would miss it.
"""

import io
import os
import re
from pathlib import Path

import pytest
from django.core.management import call_command

from tests.browser.harness import BROWSER_DIR, save_png, unchecked_pages, without_fragment
from tests.conftest import use_media_folder

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 800}
TIMEOUT_MS = 15_000

CSP_EVENT_PREFIX = "CSP violation:"
CSP_LISTENER = f"""
document.addEventListener("securitypolicyviolation", (event) => {{
  console.error("{CSP_EVENT_PREFIX} " + event.effectiveDirective + " blocked " + (event.blockedURI || "inline")
    + " at " + event.sourceFile + ":" + event.lineNumber + " " + (event.sample || ""));
}});
"""

# Chromium resolves "localhost" to ::1 first; the live server listens on IPv4.
os.environ.setdefault("DJANGO_LIVE_TEST_SERVER_ADDRESS", "127.0.0.1")


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    """Browser tests use a transactional database restored to its migrated data each time.

    The live server runs in another thread, so the test's data must be committed;
    flushing after each test would otherwise also wipe what the data migrations made.
    """
    for item in items:
        if BROWSER_DIR in Path(str(item.path)).parents and item.get_closest_marker("django_db") is None:
            item.add_marker(pytest.mark.django_db(transaction=True, serialized_rollback=True))


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    """Let fixtures see whether the test body failed (for the failure screenshot)."""
    report = yield
    setattr(item, f"report_{report.when}", report)
    return report


# --- Browser -------------------------------------------------------------------------


@pytest.fixture(scope="session")
def _sync_orm_beside_playwright():
    """Playwright's sync API keeps an event loop in this thread; Django then refuses ORM
    calls as "async unsafe". They are not: the test and the loop take turns in one thread."""
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    yield
    if previous is None:
        os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    else:
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture(scope="session")
def browser(_sync_orm_beside_playwright):
    """One headless Chromium for the whole run."""
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM} (apt-get install chromium, or set CHROMIUM=/path)")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_FLAGS)
        yield chromium
        chromium.close()


def _new_tab(request, browser, live_server, viewport, **options):
    context = browser.new_context(
        base_url=live_server.url, viewport=viewport, locale="ru-RU", timezone_id="Asia/Oral", **options
    )
    context.set_default_timeout(TIMEOUT_MS)
    # Chromium logs CSP refusals to the console; the event also catches ones it reports
    # silently. (An init script is not subject to the page's policy.)
    context.add_init_script(CSP_LISTENER)
    tab = context.new_page()
    tab.base_url = live_server.url
    tab.visited_urls = []  # every page the tab landed on, in order
    tab.axe_checked_urls = set()

    def record(frame):
        if frame == tab.main_frame and frame.url.startswith("http"):
            tab.visited_urls.append(without_fragment(frame.url))

    tab.broken_responses = []  # our own files (CSS, images...) that answered with an error

    def note_broken(response):
        if (
            response.status >= 400
            and response.url.startswith(live_server.url)
            and response.request.resource_type != "document"
        ):
            tab.broken_responses.append(f"{response.status} {response.url}")

    tab.csp_violations = []  # what the browser refused under our Content-Security-Policy

    def note_csp(message):
        text = message.text
        if "Content Security Policy" in text or text.startswith(CSP_EVENT_PREFIX):
            tab.csp_violations.append(f"{tab.url}: {text[:400]}")

    tab.on("framenavigated", record)
    tab.on("response", note_broken)
    tab.on("console", note_csp)
    yield tab
    outcome = getattr(request.node, "report_call", None)
    if outcome is not None and outcome.failed:
        save_png(tab, Path("failures") / re.sub(r"[^\w.-]+", "_", request.node.nodeid))
    context.close()
    if outcome is not None and outcome.passed:
        problems = []
        if unchecked := unchecked_pages(tab):
            problems.append(
                "These pages were visited without an axe-core check (use visit(), follow() or axe_check()): "
                + ", ".join(unchecked)
            )
        if tab.broken_responses:
            problems.append("These files of the pages failed to load: " + ", ".join(tab.broken_responses))
        if tab.csp_violations:
            problems.append("Content-Security-Policy violations:\n" + "\n".join(dict.fromkeys(tab.csp_violations)))
        if problems:
            pytest.fail("\n".join(problems), pytrace=False)


@pytest.fixture
def page(request, browser, live_server):
    """A phone-sized (360x740) tab in Russian; ``page.goto("/ru/")`` reaches the live server."""
    yield from _new_tab(request, browser, live_server, PHONE, is_mobile=True, has_touch=True)


@pytest.fixture
def desktop_page(request, browser, live_server):
    """A desktop-sized (1280x800) tab in Russian."""
    yield from _new_tab(request, browser, live_server, DESKTOP)


# --- Content and users -----------------------------------------------------------------


@pytest.fixture(scope="session")
def _browser_media_root(tmp_path_factory):
    return tmp_path_factory.mktemp("browser-media")


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, _browser_media_root):
    """Overrides tests/conftest.py: one media folder for the whole browser run.

    The URLconf's media view keeps the folder it saw when first imported, so a folder
    per test would leave later tests' images unserved.
    """
    use_media_folder(settings, _browser_media_root)


@pytest.fixture
def demo_site(live_server):
    """The demo content (``manage.py load_demo``), committed so the live server sees it."""
    call_command("load_demo", stdout=io.StringIO())
    return live_server
