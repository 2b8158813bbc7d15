"""A visitor registers for a webinar on a 360-px phone in Kazakh, gets the email with the
calendar file, cancels through the link in it, and the first on the waiting list moves up."""

import re
from urllib.parse import urlsplit

import icalendar
import pytest
from django.core import mail
from playwright.sync_api import expect

from tests.browser.harness import follow, screenshot, visit
from trainings import services
from trainings.models import TrainingPage
from trainings.registrations import Registration

pytestmark = pytest.mark.browser


def full_webinar(capacity):
    """The demo's webinar with as many places as it will have people, in every language (as an editor would)."""
    for page in TrainingPage.objects.filter(slug="reporting-webinar"):
        page.capacity = capacity
        page.save_revision().publish()
    return TrainingPage.objects.get(slug="reporting-webinar", locale__language_code="kk")


def test_register_for_a_webinar_in_kazakh_on_a_phone_then_cancel(page, demo_site):
    """Protects the whole visitor path: form without an account, email with .ics, cancel link, promotion."""
    webinar = full_webinar(3)  # two demo participants and this visitor
    visit(page, webinar.url)
    assert page.locator("html").get_attribute("lang") == "kk"
    page.fill("#id_full_name", "Гүлнар Серікқызы")
    page.fill("#id_organisation", "«Болашақ» ҚБ")
    page.select_option("#id_district", "kaztalov")
    page.fill("#id_phone", "8 705 111 22 33")
    page.fill("#id_email", "gulnar@example.kz")
    page.check("#id_language_0")  # Қазақша
    page.check("#id_consent")
    screenshot(page, "training-registration-form-kk")
    follow(page, page.locator("main form button[type=submit]"))
    expect(page.locator("#registration [role=status]")).to_be_visible()
    assert page.url.endswith("?registered=1#registration")
    screenshot(page, "training-registered-kk")

    # the webinar is now full: the next person waits
    waiting, _created = services.register(
        webinar,
        full_name="Арман Қайыров",
        email="arman@example.kz",
        phone="+77051112244",
        language="kk",
        consent_version="2026-12",
    )
    assert waiting.status == "waitlisted"

    message = next(m for m in mail.outbox if m.to == ["gulnar@example.kz"])
    assert "Сіз тіркелдіңіз" in message.subject
    assert "https://meet.example.org/auyl-demo" in message.body
    name, content, _mimetype = message.attachments[0]
    assert name.endswith(".ics")
    [entry] = icalendar.Calendar.from_ical(content).walk("VEVENT")
    assert entry.decoded("dtstart") == webinar.starts_at

    link = re.search(r"https?://\S+/registration/[\w-]+/", message.body).group(0)
    visit(page, urlsplit(link).path)
    expect(page.locator("main a.button", has_text="Вебинарға қосылу")).to_be_visible()
    screenshot(page, "training-my-registration-kk")
    follow(page, page.locator("main button[name=cancel]"))
    expect(page.locator("#registration [role=status]")).to_be_visible()
    screenshot(page, "training-cancelled-kk")

    assert Registration.objects.get(email="gulnar@example.kz").status == "cancelled"
    assert Registration.objects.get(email="arman@example.kz").status == "confirmed"
    promoted = [m for m in mail.outbox if m.to == ["arman@example.kz"]][-1]
    assert "Сізге орын босады" in promoted.subject and promoted.attachments
    visit(page, urlsplit(link).path, status=404)  # the cancelled link opens nothing any more


def test_ask_for_a_consultation_in_kazakh_on_a_phone(page, demo_site):
    """Protects the consultation form on a phone: fields, consent, the thank-you, and the queue gets it."""
    from trainings.consultations import ConsultationRequest

    index = TrainingPage.objects.filter(locale__language_code="kk").first().get_parent()
    visit(page, index.url)
    follow(page, page.locator("main a[href$='/consultation/']"))
    page.fill("#id_full_name", "Гүлнар Серікқызы")
    page.select_option("#id_district", "syrym")
    page.fill("#id_phone", "8 705 111 22 33")
    page.fill("#id_email", "gulnar@example.kz")
    page.fill("#id_question", "Жарғыны қалай жазу керек?")
    page.check("#id_consent")
    screenshot(page, "training-consultation-form-kk")
    follow(page, page.locator("main form button[type=submit]"))
    expect(page.locator("main [role=status]")).to_be_visible()
    assert ConsultationRequest.objects.filter(email="gulnar@example.kz", status="new").exists()
