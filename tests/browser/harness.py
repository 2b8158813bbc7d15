"""Helpers of the browser tests: axe-core checks, visits, screenshots, signing in.

Import them in a test: ``from tests.browser.harness import follow, screenshot, visit``.
The fixtures (``browser``, ``page``, ``desktop_page``, ``demo_site``) are in conftest.py.
"""

import json
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest
from django.conf import settings

BROWSER_DIR = Path(__file__).resolve().parent
ARTIFACTS = Path(settings.BASE_DIR) / "artifacts"
AXE_JS = BROWSER_DIR / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def login_as(page, user):
    """Sign the tab in as ``user`` (a session cookie, no login form); returns the page.

    The user needs Wagtail's "access admin" permission (or to be a superuser) to open
    /admin/.
    """
    from django.test import Client

    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    page.context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": page.base_url}])
    return page


# --- Axe-core, visits and screenshots --------------------------------------------------


def _axe_source():
    if not AXE_JS.exists():
        pytest.fail(f"axe-core is missing: run `npm ci --prefix {BROWSER_DIR.relative_to(settings.BASE_DIR)}`")
    return AXE_JS.read_text(encoding="utf-8")


def axe_check(page, *, disable=()):
    """Fail on any WCAG 2.0/2.1/2.2 A or AA violation axe-core finds on the current page.

    ``disable`` turns named rules off for one call; say why next to the call.
    """
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.evaluate(_axe_source())
    options = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
    if disable:
        options["rules"] = {rule: {"enabled": False} for rule in disable}
    violations = page.evaluate("async (options) => (await axe.run(document, options)).violations", options)
    page.axe_checked_urls.add(without_fragment(page.url))
    if violations:
        pytest.fail(format_violations(page.url, violations), pytrace=False)
    return violations


def format_violations(url, violations):
    lines = [f"axe-core: {len(violations)} WCAG A/AA violation(s) on {url}"]
    for violation in violations:
        lines.append(f"- {violation['id']} ({violation.get('impact') or 'n/a'}): {violation['help']}")
        lines.append(f"  {violation['helpUrl']}")
        for node in violation["nodes"][:10]:
            target = " ".join(json.dumps(part, ensure_ascii=False) for part in node["target"])
            summary = " ".join((node.get("failureSummary") or "").split())
            lines.append(f"    at {target}: {summary[:300]}")
            lines.append(f"       {node['html'][:200]}")
        if len(violation["nodes"]) > 10:
            lines.append(f"    ... and {len(violation['nodes']) - 10} more element(s)")
    return "\n".join(lines)


def visit(page, url, *, status=200):
    """Open ``url`` (relative to the live server), expect ``status``, run axe; returns the response."""
    response = page.goto(url, wait_until="load")
    assert response is not None, f"no response for {url}"
    assert response.status == status, f"{url} answered {response.status}, expected {status}"
    axe_check(page)
    return response


def follow(page, locator):
    """Click a link or button that loads another page, wait for it, run axe; returns the response."""
    with page.expect_navigation(wait_until="load") as navigation:
        locator.click()
    response = navigation.value
    assert response is None or response.status < 400, f"{page.url} answered {response.status}"
    axe_check(page)
    return response


def screenshot(page, name):
    """Keep a full-page PNG as ``artifacts/<name>.png`` (git-ignored); returns its path."""
    return save_png(page, Path(name))


def save_png(page, name):
    path = ARTIFACTS / name.with_suffix(".png")
    path.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(path), full_page=True)
    return path


def without_fragment(url):
    return urlunsplit(urlsplit(url)._replace(fragment=""))


def unchecked_pages(page):
    """Pages the tab landed on that no axe check looked at, in visiting order."""
    return [url for url in dict.fromkeys(page.visited_urls) if url not in page.axe_checked_urls]


def start_application(page, call, email):
    """Start as an applicant does: the start form mails the secret link (never shown on
    screen), and opening it from the email lets this browser in. Returns the link."""
    from django.core import mail

    from tests.grants.factories import resume_link_from

    visit(page, call.url)
    follow(page, page.locator(f"main a.button[href='{call.url}apply/']"))
    page.fill("#id_email", email)
    follow(page, page.locator("main form button[type=submit]:not([name])"))
    assert page.url.endswith("/apply/?sent=1")
    link = resume_link_from([m for m in mail.outbox if m.to == [email]][-1])
    visit(page, link.replace("http://testserver", page.base_url))
    assert page.url.endswith("/apply/tasks/")
    return link
