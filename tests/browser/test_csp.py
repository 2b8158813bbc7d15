"""Content-Security-Policy in the browser: the site's own pages and the admin work under
it (no violation on any page), and a violation does fail a test (the harness check)."""

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import Page

from news.models import NewsPage
from tests.browser.harness import axe_check, login_as, visit

pytestmark = pytest.mark.browser

# Wagtail's own widgets, not ours: the tag field's input has no label (as in test_press_flow),
# and Draftail's rich-text box has no accessible name.
ADMIN_SCREENS_WITH_WAGTAIL_WIDGETS = ["label", "aria-input-field-name"]


def test_a_policy_violation_is_caught(page, demo_site):
    """Protects the check itself: an inline script on a public page is refused and reported."""
    visit(page, "/ru/")
    page.evaluate(
        "() => { const s = document.createElement('script'); s.textContent = 'window.ran = 1'; "
        "document.body.appendChild(s); }"
    )
    page.wait_for_timeout(200)
    assert page.evaluate("() => window.ran") is None
    assert any("script-src" in violation for violation in page.csp_violations)
    page.csp_violations.clear()  # the teardown check would fail this test otherwise


def test_public_pages_run_under_the_strict_policy(page, demo_site):
    """Protects readers: home, lists, a news page, a district, search, a call and its form load with no refusal."""
    news = NewsPage.objects.live().filter(locale__language_code="ru").first()
    response = visit(page, "/ru/")
    assert "'unsafe-inline'" not in response.headers["content-security-policy"]
    for url in ["/ru/news/", news.url, "/ru/search/?q=грант", "/kk/", "/en/"]:
        visit(page, url)
    for page_type in ["districtpage", "grantcallpage", "standardpage"]:
        found = Page.objects.live().filter(locale__language_code="ru", content_type__model=page_type).first()
        if found is not None:
            visit(page, found.url)


def test_admin_screens_run_under_the_admin_policy(desktop_page, demo_site):
    """Protects editors: dashboard, page tree, page editor with preview, images, documents, CRM, applications."""
    user = get_user_model().objects.create_superuser("csp-admin", "csp@example.org", "a-long-password-1")
    login_as(desktop_page, user)
    news = NewsPage.objects.live().filter(locale__language_code="ru").first()
    urls = [
        "/admin/",
        f"/admin/pages/{news.get_parent().pk}/",
        f"/admin/pages/{news.pk}/edit/",
        "/admin/images/",
        "/admin/images/add/",
        "/admin/documents/",
        "/admin/snippets/crm/person/",
        "/admin/reports/site-history/",
    ]
    for url in urls:
        response = desktop_page.goto(url, wait_until="networkidle")
        assert response.status == 200, url
        assert "Content-Security-Policy" in {k.title(): v for k, v in response.headers.items()}
        axe_check(desktop_page, disable=ADMIN_SCREENS_WITH_WAGTAIL_WIDGETS)
