import pytest
from django.core.management import call_command
from wagtail.models import Page

from home.models import DistrictPage
from news.models import NewsPage


@pytest.mark.django_db
def test_demo_is_idempotent_and_every_page_renders(client):
    """Protects: `load_demo` twice gives one copy; every demo page renders in every language with one <h1>."""
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    counts = (NewsPage.objects.count(), DistrictPage.objects.count(), Page.objects.count())
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert (NewsPage.objects.count(), DistrictPage.objects.count(), Page.objects.count()) == counts
    assert counts[0] == 36 and counts[1] == 39
    for language in ("ru", "kk", "en"):
        assert NewsPage.objects.filter(locale__language_code=language).values("category").distinct().count() == 5
    for page in Page.objects.live().filter(depth__gt=1).specific():
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        assert response.content.decode().count("<h1") == 1, page.url
