import datetime

import pytest
from django.test import TestCase
from django.utils import timezone

from tests.news.conftest import build_site, district, publish
from trainings.models import TrainingIndexPage, TrainingPage, TrainingSession

CONSENT = "<p>ОФ «Ауыл» (БИН 940140000385) обрабатывает имя, телефон и email для регистрации.</p>"


def add_index(home, language, source=None):
    index = TrainingIndexPage(
        title=f"Trainings {language}",
        slug="trainings",
        locale=home.locale,
        consent_text=CONSENT,
        consent_version="2026-1",
    )
    if source is not None:
        index.translation_key = source.translation_key
    home.add_child(instance=index)
    return publish(index)


def add_event(index, title, *, days=7, hours=2, sessions=1, online=False, code="burli", live=True, **fields):
    """An event ``days`` from now (negative: past), ``sessions`` days in a row, live unless told."""
    start = timezone.now().replace(microsecond=0, second=0, minute=0) + datetime.timedelta(days=days)
    page = TrainingPage(
        title=title,
        intro=f"About {title}",
        locale=index.locale,
        online=online,
        district=None if online else district(code, index.locale.language_code),
        **fields,
    )
    page.sessions = [
        TrainingSession(
            starts_at=start + datetime.timedelta(days=n), ends_at=start + datetime.timedelta(days=n, hours=hours)
        )
        for n in range(sessions)
    ]
    index.add_child(instance=page)
    if live:
        publish(page)
    return TrainingPage.objects.get(pk=page.pk)


def translate(page, index):
    """A translation of ``page`` under ``index`` (another language), published."""
    copy = page.copy_for_translation(index.locale, copy_parents=False)
    copy.title = f"{page.title} ({index.locale.language_code})"
    copy.district = district(page.district.code, index.locale.language_code) if page.district else None
    copy.save()
    return TrainingPage.objects.get(pk=publish(copy).pk)


@pytest.fixture
def site(db):
    tree = build_site()
    tree["trainings"] = {"ru": add_index(tree["homes"]["ru"], "ru")}
    for code in ("kk", "en"):
        tree["trainings"][code] = add_index(tree["homes"][code], code, source=tree["trainings"]["ru"])
    return tree


def form_data(**overrides):
    data = {
        "full_name": "Айгерим Садыкова",
        "organisation": "ОО «Жас Өркен»",
        "district": "burli",
        "phone": "8 701 234 56 78",
        "email": "aigerim@example.kz",
        "language": "kk",
        "consent": "on",
        "website": "",
    }
    data.update(overrides)
    return data


def post_registration(client, event, **overrides):
    """Post the form as a visitor does; what waits for the commit (the CRM) runs as after a real one."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        return client.post(event.url, form_data(**overrides))


def post_cancel(client, link):
    with TestCase.captureOnCommitCallbacks(execute=True):
        return client.post(link, {"cancel": "1"})
