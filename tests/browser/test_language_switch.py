"""A visitor on a phone reads the site in Russian, switches to Kazakh and finds the about page."""

import pytest
from wagtail.models import Locale

from home.models import StandardPage
from tests.browser.harness import follow, screenshot, visit

pytestmark = pytest.mark.browser


def test_switch_from_russian_to_kazakh_and_reach_about(page, demo_site):
    """Protects the language switcher and the Kazakh page tree, as a phone user meets them."""
    visit(page, "/ru/")
    assert page.locator("html").get_attribute("lang") == "ru"
    assert page.locator("h1").count() == 1

    follow(page, page.locator("nav.languages a[hreflang='kk']"))
    assert page.url.endswith("/kk/")
    assert page.locator("html").get_attribute("lang") == "kk"
    kk_switcher_current = page.locator("nav.languages a[aria-current='true']")
    assert kk_switcher_current.get_attribute("hreflang") == "kk"

    about_kk = StandardPage.objects.get(slug="about", locale=Locale.objects.get(language_code="kk"))
    about_url = about_kk.get_url()
    follow(page, page.locator(f"a[href='{about_url}']").first)
    assert page.url.endswith(about_url)
    assert page.locator("h1").inner_text() == about_kk.title
    assert screenshot(page, "language-switch-kk-about").exists()
