"""The harness itself: axe-core catches violations, unchecked pages are noticed, sign-in works.

(The sizes of the phone and desktop tabs are settings of the fixtures, not behaviour: not tested here.)
"""

import pytest
from django.contrib.auth import get_user_model

from tests.browser.harness import axe_check, unchecked_pages

pytestmark = pytest.mark.browser


def test_axe_check_fails_on_a_wcag_violation(page):
    """Protects the promise that an inaccessible page fails the test, naming rule and element."""
    page.set_content('<html lang="ru"><title>t</title><main><img src="x.png"><h1>Заголовок</h1></main></html>')
    with pytest.raises(pytest.fail.Exception) as failure:
        axe_check(page)
    assert "image-alt (critical)" in str(failure.value)
    assert '"img"' in str(failure.value)


def test_pages_opened_without_axe_are_reported(page, demo_site):
    """Protects "axe on every page": a page reached with page.goto and never checked is listed."""
    page.goto("/ru/#main")
    assert unchecked_pages(page) == [f"{demo_site.url}/ru/"]
    axe_check(page)
    assert unchecked_pages(page) == []


def test_login_as_opens_the_wagtail_admin(page, live_server):
    """Protects the sign-in helper other browser tests use to act as an editor."""
    from tests.browser.harness import login_as

    user = get_user_model().objects.create_superuser("editor", "editor@example.org", "a-long-password-1")
    login_as(page, user)
    response = page.goto("/admin/")
    assert response.status == 200
    assert "/admin/login/" not in page.url
    assert page.locator("#wagtail").count() == 1 or "Wagtail" in page.content()
    axe_check(page)
