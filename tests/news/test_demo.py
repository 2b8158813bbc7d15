import io

import pytest
from django.conf import settings
from django.core.management import call_command

from cms_plugins.places.models import District
from home.models import DistrictPage
from news.demo_data.news import NEWS
from news.models import NewsPage


@pytest.mark.django_db
def test_demo_builds_what_its_data_describes_and_loads_twice_without_copies():
    """Protects the newcomer's demo: every demo news item in every language, a page per district, no copies."""
    call_command("load_demo", stdout=io.StringIO())
    counts = (NewsPage.objects.count(), DistrictPage.objects.count())
    call_command("load_demo", stdout=io.StringIO())
    assert (NewsPage.objects.count(), DistrictPage.objects.count()) == counts
    assert counts == (len(NEWS) * len(settings.LANGUAGES), District.objects.count())
    categories = {category for _slug, category, *_rest in NEWS}
    for language, _name in settings.LANGUAGES:
        shown = NewsPage.objects.live().filter(locale__language_code=language).values_list("category", flat=True)
        assert set(shown) == categories
