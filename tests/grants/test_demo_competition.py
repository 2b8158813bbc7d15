"""The demo's past call is a finished competition, and the demo accounts are safe to create.

The demo is built once for the module (tests/home/conftest.py explains how).
"""

import io
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import authenticate
from django.contrib.auth.models import User
from django.core.management import CommandError, call_command
from django.test import override_settings

from grants.models import Application, ApplicationEvent, Assignment, GrantCallPage
from tests.home.conftest import _demo_in_module, _media_in_tmp, demo, demo_media  # noqa: F401 - module-wide demo


@pytest.mark.usefixtures("demo")
def test_demo_past_call_ran_to_the_end(client):
    """Experts, a declared conflict, scores, five awards within 2 850 000 ₸ and results on the public page."""
    call = GrantCallPage.objects.get(slug="small-grants-2025", locale__language_code="ru")
    assert call.status == "results" and len(call.criteria()) == 3
    applications = Application.objects.filter(call_key=call.translation_key)
    awarded = applications.filter(status="awarded")
    assert awarded.count() == 5 and sum(a.awarded_amount for a in awarded) == 2850000
    assert applications.filter(status="ineligible").count() == 1
    assert Assignment.objects.filter(application__in=applications, conflict=True).count() == 1
    assert Assignment.objects.filter(application__in=applications, scored_at__isnull=False).count() == 14
    assert ApplicationEvent.objects.filter(kind="results").count() == applications.exclude(status="ineligible").count()
    for language in ("ru", "kk", "en"):
        page = GrantCallPage.objects.get(slug="small-grants-2025", locale__language_code=language)
        html = client.get(page.url).content.decode()
        assert "ОО «Береке»" in html and "570\u202f000\u202f₸" in html and "ТОО «Урал Строй»" not in html, language
    before = (Application.objects.count(), Assignment.objects.count(), ApplicationEvent.objects.count())
    call_command("load_demo", stdout=io.StringIO())
    assert (Application.objects.count(), Assignment.objects.count(), ApplicationEvent.objects.count()) == before


@pytest.mark.usefixtures("demo")
def test_demo_accounts_need_a_password_and_never_come_in_production(settings):
    """--users refuses without AUYL_DEMO_PASSWORD and under production settings; otherwise four roles sign in."""
    settings.DEMO_PASSWORD = ""
    with pytest.raises(CommandError, match="AUYL_DEMO_PASSWORD"):
        call_command("load_demo", "--users", stdout=io.StringIO())
    settings.DEMO_PASSWORD = "demo-pass-2026"
    with override_settings(DEMO_ACCOUNTS_ALLOWED=False), pytest.raises(CommandError, match="production"):
        call_command("load_demo", "--users", stdout=io.StringIO())
    assert authenticate(username="expert1", password="demo-pass-2026") is None
    call_command("load_demo", "--users", stdout=io.StringIO())
    for username, group in [("coordinator", "Coordinators"), ("press", "Press"), ("expert1", "Experts")]:
        user = authenticate(username=username, password="demo-pass-2026")
        assert user is not None and user.groups.filter(name=group).exists(), username
    assert User.objects.filter(username="expert2", groups__name="Experts").exists()


def test_production_settings_forbid_demo_accounts():
    """The production settings module itself says no."""
    source = (Path(settings.BASE_DIR) / "site" / "settings" / "production.py").read_text(encoding="utf-8")
    assert "DEMO_ACCOUNTS_ALLOWED = False" in source


@pytest.mark.usefixtures("demo")
def test_demo_applications_name_real_districts():
    """Every demo application's district is one of the region's, so the admin shows its name, not a code."""
    from cms_plugins.places.models import District

    codes = set(District.objects.values_list("code", flat=True))
    used = set(Application.objects.exclude(district_code="").values_list("district_code", flat=True))
    assert used and used <= codes, used - codes


@pytest.mark.usefixtures("demo")
def test_demo_calls_have_letters_in_three_languages_and_the_winners_got_theirs():
    """Each demo call's page holds its letters in its language; last year's winners got the call's own
    awarded letter in the language they applied in."""
    from cms_plugins.mail.models import OutboundMail

    for language, word in (("ru", "Поздравляем"), ("kk", "Құттықтаймыз"), ("en", "Congratulations")):
        for slug in ("small-grants-2025", "small-grants-2026"):
            page = GrantCallPage.objects.get(slug=slug, locale__language_code=language)
            assert word in page.letter_awarded_text and page.letter_report_due_subject, (slug, language)
    call = GrantCallPage.objects.get(slug="small-grants-2025", locale__language_code="ru")
    for application in Application.objects.filter(call_key=call.translation_key, status="awarded"):
        mail = OutboundMail.objects.get(topic=f"grants.decision:{application.reference}:awarded")
        assert mail.language == application.language and application.contact_name in mail.body
