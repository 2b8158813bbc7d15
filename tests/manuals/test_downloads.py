"""The download counter: a redirect to the file that counts readers, sets no cookie and skips robots."""

import pytest
from django.contrib.auth.models import Group, User

from manuals.models import Manual

from .conftest import BROWSER, add_manual

pytestmark = pytest.mark.django_db


def download(client, manual, agent=BROWSER, address="10.0.0.1", **headers):
    return client.get(f"/manuals/{manual.pk}/download/", HTTP_USER_AGENT=agent, REMOTE_ADDR=address, **headers)


def downloads(manual):
    return Manual.objects.get(pk=manual.pk).downloads


def test_a_download_redirects_to_the_file_and_counts(client, library):
    """Protects the count a reader sees: one download, one more, and the file is reached."""
    manual = add_manual("Пособие")
    response = download(client, manual)
    assert response.status_code == 302 and response["Location"] == manual.document.url
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]
    assert downloads(manual) == 1
    assert client.get(response["Location"]).status_code == 200
    html = client.get(library.url, HTTP_USER_AGENT=BROWSER).content.decode()
    assert "1 раз" in html


def test_counting_sets_no_cookie(client, library):
    """Protects readers' privacy (personal-data law): counting needs no cookie."""
    manual = add_manual("Пособие")
    assert not download(client, manual).cookies


def test_the_same_browser_counts_once_and_another_counts_again(client, library):
    """Protects the figure from double clicks; two readers are two downloads."""
    manual = add_manual("Пособие")
    download(client, manual)
    download(client, manual)
    download(client, manual, address="10.0.0.2")
    assert downloads(manual) == 2


@pytest.mark.parametrize(
    "agent", ["Mozilla/5.0 (compatible; Googlebot/2.1)", "TelegramBot (like TwitterBot)", "curl/8.5.0", ""]
)
def test_robots_are_sent_to_the_file_but_not_counted(client, library, agent):
    """Protects the figure from robots and link previews (they still get the file)."""
    manual = add_manual("Пособие")
    response = download(client, manual, agent=agent)
    assert response.status_code == 302 and downloads(manual) == 0


def test_prefetches_and_editors_are_not_counted(client, library):
    """Protects the figure from browsers guessing and from staff checking a file."""
    manual = add_manual("Пособие")
    download(client, manual, HTTP_SEC_PURPOSE="prefetch")
    editor = User.objects.create_user("press", password="x")
    editor.groups.add(Group.objects.get(name="Press"))
    client.force_login(editor)
    download(client, manual)
    assert downloads(manual) == 0


@pytest.mark.parametrize("manual_id", ["999999", str(2**63)])
def test_an_unknown_manual_is_404_not_an_error(client, library, manual_id):
    """Protects against 500s on hand-made URLs."""
    # (Django's LocaleMiddleware first tries the address under a language prefix)
    response = client.get(f"/manuals/{manual_id}/download/", HTTP_USER_AGENT=BROWSER, follow=True)
    assert response.status_code == 404
