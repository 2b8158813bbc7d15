"""Press staff's admin screens speak Russian (issue 15): our locale/overrides correct Wagtail's
and wagtail-localize's catalogues, and the login form's password label is translatable."""

import html as htmllib
import json
import re

import pytest
from django.urls import reverse
from django.utils import translation

from .test_translation_flow import fill_in_kazakh, press, report, translate_into_kazakh  # noqa: F401 - fixtures

# English that leaked into the Russian admin, and the Russian slips of the packages' catalogues.
KNOWN_LEAKS = [
    "Password",
    "Locales",
    "Locale",
    "Slug",
    "Up to date",
    "Translated manually",
    "Machine translated",
    "December",
    "Локали",
    "Слаг",
    "в ручную",
    "до даты",
    "Перевод с ",
]
LANGUAGE_NAMES = ["Қазақша", "Русский", "English"]
GLUED = re.compile(r"[А-Яа-яЁё](?:" + "|".join(LANGUAGE_NAMES) + ")")


def visible_text(content):
    """What a person reads: text, labels in attributes, and the translation editor's data."""
    props = [htmllib.unescape(value) for value in re.findall(r'data-props="([^"]*)"', content)]
    content = re.sub(r"(?s)<(script|style|template)\b.*?</\1>", " ", content)
    labels = re.findall(r'(?:aria-label|title|placeholder|alt)="([^"]*)"', content)
    text = re.sub(r"(?s)<[^>]*>", " ", content)
    return htmllib.unescape(" ".join([text, *labels, *props]))


def leaks(text):
    found = [word for word in KNOWN_LEAKS if re.search(r"(?<![\w-])" + re.escape(word) + r"(?![\w-])", text)]
    return found + GLUED.findall(text)


@pytest.mark.django_db
def test_press_screens_have_no_known_leaks_in_russian(client, site, press, report):  # noqa: F811
    kk = translate_into_kazakh(client, site, report)
    fill_in_kazakh(client, kk)
    screens = [
        reverse("wagtailadmin_home"),
        reverse("wagtailadmin_explore", args=(site["indexes"]["ru"].pk,)),
        reverse("wagtailadmin_pages:add", args=("news", "newspage", site["indexes"]["ru"].pk)),
        reverse("wagtailadmin_pages:edit", args=(report.pk,)),
        reverse("wagtailadmin_pages:edit", args=(kk.pk,)),  # wagtail-localize's translation editor
        reverse("wagtailadmin_pages:history", args=(report.pk,)),
        reverse("wagtail_localize:submit_page_translation", args=(report.pk,)),
        reverse("wagtailimages:index"),
        reverse("wagtailimages:add_multiple"),
        reverse("wagtaildocs:index"),
        reverse("wagtaildocs:add_multiple"),
    ]
    problems = {}
    for url in screens:
        response = client.get(url, HTTP_ACCEPT_LANGUAGE="ru")
        assert response.status_code == 200, url
        found = leaks(visible_text(response.content.decode()))
        if found:
            problems[url] = found
    client.logout()
    login = client.get(reverse("wagtailadmin_login"), HTTP_ACCEPT_LANGUAGE="ru").content.decode()
    if found := leaks(visible_text(login)):
        problems["login"] = found
    assert "Пароль" in login
    assert not problems, problems


@pytest.mark.django_db
def test_translation_editor_scripts_read_russian(client, press):  # noqa: F811
    """The editor's own messages (its JavaScript catalogue): a space before the language, and
    different labels for downloading and uploading a PO file."""
    response = client.get(reverse("wagtail_localize:javascript_catalog"), HTTP_ACCEPT_LANGUAGE="ru")
    body = response.content.decode()
    catalog = json.loads(re.search(r"const newcatalog = (\{.*?\});", body, re.S).group(1))
    assert catalog["Publish in "].endswith(" ")
    assert catalog["Download PO file"] != catalog["Upload PO file"]
    assert "Скачать" in catalog["Download PO file"]


def test_overrides_win_over_the_packages_catalogues():
    with translation.override("ru"):
        assert translation.gettext("Locales") == "Языки"
        assert translation.gettext("Translated manually on {date}").format(date="1 December 2026") == (
            "Переведено вручную"
        )
