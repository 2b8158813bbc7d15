"""Build a site with a grant call and walk an applicant through it (shared by tests)."""

import re
from datetime import timedelta

from django.utils import timezone
from wagtail.models import Locale

from grants.models import GrantCallPage, GrantIndexPage
from home.demo import ensure_home

OTHER_BIN = "050140000389"  # a second valid BIN (one application per BIN per call)
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64

DESIGNED_STEPS = [
    {
        "type": "step",
        "value": {
            "key": "project",
            "title": "Project",
            "intro": "About the project.",
            "questions": [
                {
                    "type": "short_text",
                    "value": {
                        "key": "project_title",
                        "label": "Project title",
                        "help_text": "",
                        "required": True,
                        "max_length": 120,
                    },
                },
                {
                    "type": "long_text",
                    "value": {
                        "key": "problem",
                        "label": "What problem",
                        "help_text": "Be concrete.",
                        "required": True,
                        "max_length": 300,
                    },
                },
                {
                    "type": "number",
                    "value": {
                        "key": "people",
                        "label": "People reached",
                        "help_text": "",
                        "required": True,
                        "min_value": 1,
                        "max_value": 5000,
                    },
                },
                {
                    "type": "date",
                    "value": {"key": "start", "label": "Start date", "help_text": "", "required": False},
                },
                {
                    "type": "single_choice",
                    "value": {
                        "key": "topic",
                        "label": "Topic",
                        "help_text": "",
                        "required": True,
                        "options": [{"key": "youth", "label": "Youth"}, {"key": "ecology", "label": "Ecology"}],
                    },
                },
                {
                    "type": "multiple_choice",
                    "value": {
                        "key": "partners",
                        "label": "Partners",
                        "help_text": "",
                        "required": False,
                        "options": [{"key": "akimat", "label": "Akimat"}, {"key": "school", "label": "School"}],
                    },
                },
                {
                    "type": "yes_no",
                    "value": {"key": "first_time", "label": "First grant?", "help_text": "", "required": True},
                },
            ],
        },
    },
    {
        "type": "step",
        "value": {
            "key": "plan",
            "title": "Activity plan",
            "intro": "",
            "questions": [
                {
                    "type": "rows",
                    "value": {
                        "key": "activities",
                        "label": "Activities",
                        "help_text": "",
                        "required": True,
                        "min_rows": 1,
                        "max_rows": 10,
                        "columns": [
                            {"key": "what", "label": "What", "kind": "text", "required": True},
                            {"key": "month", "label": "Month", "kind": "number", "required": True},
                        ],
                    },
                },
                {
                    "type": "money",
                    "value": {
                        "key": "own_contribution",
                        "label": "Own contribution",
                        "help_text": "",
                        "required": False,
                        "min_value": 0,
                        "max_value": None,
                    },
                },
                {
                    "type": "file",
                    "value": {
                        "key": "photo",
                        "label": "A photo of the place",
                        "help_text": "",
                        "required": False,
                        "kinds": ["image"],
                        "max_size_mb": 5,
                    },
                },
            ],
        },
    },
]


def make_call(*, opens=-1, closes=10, title="Small grants 2026", slug="small-grants-2026", steps=None):
    """A live call in Russian (opens/closes in days from now) under a grants index."""
    home = ensure_home()
    index = GrantIndexPage.objects.filter(locale=home.locale).first()
    if index is None:
        index = home.add_child(instance=GrantIndexPage(title="Grants", slug="grants"))
    now = timezone.now()
    call = GrantCallPage(
        title=title,
        slug=slug,
        intro="Grants for rural NGOs.",
        opens_at=now + timedelta(days=opens),
        closes_at=now + timedelta(days=closes),
        number_of_grants=5,
        amount_per_grant=570000,
        consent_text="<p>Operator: Auyl, BIN 940140000385.</p>",
        consent_version="2026-01",
        form_steps=DESIGNED_STEPS if steps is None else steps,
    )
    index.add_child(instance=call)
    call.save_revision().publish()
    return GrantCallPage.objects.get(pk=call.pk)


def translate(call, language):
    locale, _ = Locale.objects.get_or_create(language_code=language)
    home = call.get_parent().get_parent()
    for page in (home, call.get_parent()):
        if not page.has_translation(locale):
            page.specific.copy_for_translation(locale, copy_parents=False).save_revision().publish()
    translation = call.copy_for_translation(locale)
    translation.save_revision().publish()
    return GrantCallPage.objects.get(pk=translation.pk)


def upload(name, content, content_type="application/octet-stream"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, content, content_type=content_type)


ANSWERS = {
    "eligibility": {"applicant_type": "ngo", "rural": "yes", "project_in_region": "yes"},
    "applicant": {
        "organisation_name": "ОО «Жас Ауыл»",
        "bin": "940140000385",
        "district": "burli",
        "settlement": "Аксай",
        "contact_name": "Айгуль Серикова",
        "contact_role": "председатель",
        "phone": "8 701 123 45 67",
        "email": "aigul@example.kz",
    },
    "project": {
        "project_title": "Детская площадка",
        "problem": "Детям негде играть.",
        "people": "120",
        "start": "2026-12-01",
        "topic": "youth",
        "partners": ["akimat", "school"],
        "first_time": "yes",
    },
    "plan": {"activities-0-what": "Закупка", "activities-0-month": "1", "own_contribution": "50 000"},
    "budget": {
        "requested_amount": "570 000",
        "lines-0-item": "Материалы",
        "lines-0-amount": "400000",
        "lines-1-item": "Работа",
        "lines-1-amount": "170 000",
    },
    "attachments": {},
    "check": {},
    "declaration": {"consent_version": "2026-01", "consent": "on", "truthful": "on"},
}


def management_prefix(call):
    return f"multistep_{call.translation_key}"


def step_post(call, step, answers, extra=None):
    data = {f"{management_prefix(call)}-current_step": step}
    for key, value in answers.items():
        data[f"{step}-{key}"] = value
    data.update(extra or {})
    return data


class Applicant:
    """A person filling in the form through the test client."""

    def __init__(self, client, call, email="aigul@example.kz", overrides=None):
        self.client, self.call, self.email = client, call, email
        # answers that differ from ANSWERS, by step: {"applicant": {"bin": OTHER_BIN}}
        self.overrides = overrides or {}

    def url(self, name="", call=None):
        return (call or self.call).multistep_url(name)

    def ask_for_link(self):
        """The start form: it only mails the link (the same page whether a draft exists or not)."""
        response = self.client.post(self.url(), {"email": self.email, "website": ""})
        assert response.status_code == 302 and response["Location"].endswith("?sent=1"), response.content[:2000]
        return response

    def open_link(self):
        """Open the latest link mailed to this applicant: it lets the browser in and confirms the address."""
        from django.core import mail

        mine = [message for message in mail.outbox if message.to == [self.email]]
        link = resume_link_from(mine[-1])
        response = self.client.get(link)
        assert response.status_code == 302, response.content[:2000]
        return response

    def start(self):
        """Start as a person does: ask for the link, then open it from the email."""
        self.ask_for_link()
        return self.open_link()

    def post_step(self, step, answers=None, files=None, extra=None, call=None):
        answers = {**ANSWERS[step], **self.overrides.get(step, {})} if answers is None else answers
        data = step_post(call or self.call, step, answers, extra)
        for key, value in (files or {}).items():
            data[f"{step}-{key}"] = value
        return self.client.post(self.url(step, call), data)

    def attachments(self):
        return {"registration": upload("scan.pdf", PDF, "application/pdf")}

    def fill_all(self, upto=None):
        for step in ["eligibility", "applicant", "project", "plan", "budget", "attachments", "check"]:
            files = self.attachments() if step == "attachments" else None
            response = self.post_step(step, files=files)
            assert response.status_code == 302, (step, response.content.decode()[:3000])
            if step == upto:
                break
        return response

    def submit(self):
        return self.post_step("declaration")


def resume_link_from(mail):
    match = re.search(r"https?://\S+/apply/resume/\S+/", mail.body)
    return match.group(0) if match else None
