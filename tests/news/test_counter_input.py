"""The view counter answers any number in its URL with the image, never a 500."""

import pytest

from news.models import PageViewCount

from .conftest import add_news
from .test_counter import BROWSER


@pytest.mark.parametrize("number", ["9223372036854775808", "2147483648", "9" * 40])
@pytest.mark.django_db
def test_a_page_id_beyond_the_database_integer_is_an_image_not_a_500(client, site, number):
    """Protects: /views/9223372036854775808.gif (integer overflow) gives the pixel and counts nothing."""
    page = add_news(site["indexes"]["ru"], "Новость")
    response = client.get(f"/views/{number}.gif", HTTP_USER_AGENT=BROWSER)
    assert response.status_code == 200 and response["Content-Type"] == "image/gif"
    assert PageViewCount.objects.count() == 0
    assert client.get(f"/views/{page.pk}.gif", HTTP_USER_AGENT=BROWSER).status_code == 200
    assert PageViewCount.views_of(page.pk) == 1
