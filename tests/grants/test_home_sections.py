"""The demo open call reaches the home page's "open calls" block and the district pages."""

import io

import pytest
from django.core.management import call_command
from django.utils import formats, timezone, translation

from grants.models import GrantCallPage
from home.models import DistrictPage


@pytest.fixture
def demo(db):
    call_command("load_demo", stdout=io.StringIO())


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["kk", "ru", "en"])
def test_home_shows_the_open_call_with_its_deadline(client, demo, language):
    """On the home page in kk/ru/en the open call is listed, linked, with its deadline in that language."""
    call = GrantCallPage.objects.live().open().get(locale__language_code=language)
    html = client.get(f"/{language}/").content.decode()
    assert f'href="{call.url}"' in html and call.title in html
    with translation.override(language):
        deadline = formats.date_format(timezone.localtime(call.closes_at), "j E Y, H:i")
    assert deadline in html
    assert timezone.localtime(call.closes_at).isoformat() in html


@pytest.mark.django_db
def test_past_calls_are_not_advertised_on_home(client, demo):
    """A closed call is not listed among open calls."""
    past = GrantCallPage.objects.live().closed().get(locale__language_code="ru")
    assert past.title not in client.get("/ru/").content.decode().split("open-calls", 1)[-1].split("</section>")[0]


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["kk", "ru", "en"])
def test_district_page_shows_open_region_wide_calls(client, demo, language):
    """A district page lists the open call: calls are open to every district of the region."""
    call = GrantCallPage.objects.live().open().get(locale__language_code=language)
    district_page = DistrictPage.objects.live().filter(locale__language_code=language).first()
    html = client.get(district_page.url).content.decode()
    assert f'href="{call.url}"' in html


@pytest.mark.django_db
def test_calls_answer_the_public_methods_home_and_districts_use(call):
    """``open().in_district(code)`` and ``deadline`` exist on calls (the news app's guard needs them)."""
    assert list(GrantCallPage.objects.live().open().in_district("burli")) == [call]
    assert call.deadline == call.closes_at
