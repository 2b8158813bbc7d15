"""The demo open call reaches the home page's "open calls" block and the district pages."""

import io

import pytest
from django.core.management import call_command
from django.utils import formats, timezone, translation

from grants.models import GrantCallPage
from home.models import DistrictPage


@pytest.mark.django_db
def test_home_and_district_pages_show_the_open_call_in_every_language(client):
    """In kk/ru/en: home lists the open call with its deadline; a district page links it; past calls are not advertised."""
    call_command("load_demo", stdout=io.StringIO())  # once: the demo is slow to build
    for language in ["kk", "ru", "en"]:
        call = GrantCallPage.objects.live().open().get(locale__language_code=language)
        html = client.get(f"/{language}/").content.decode()
        assert f'href="{call.url}"' in html and call.title in html, language
        with translation.override(language):
            deadline = formats.date_format(timezone.localtime(call.closes_at), "j E Y, H:i")
        assert deadline in html, (language, deadline)
        past = GrantCallPage.objects.live().closed().get(locale__language_code=language)
        assert f'href="{past.url}"' not in html, language
        district_page = DistrictPage.objects.live().filter(locale__language_code=language).first()
        assert f'href="{call.url}"' in client.get(district_page.url).content.decode(), language


@pytest.mark.django_db
def test_calls_answer_the_public_methods_home_and_districts_use(call):
    """``open().in_district(code)`` and ``deadline`` exist on calls (the news app's guard needs them)."""
    assert list(GrantCallPage.objects.live().open().in_district("burli")) == [call]
    assert call.deadline == call.closes_at
