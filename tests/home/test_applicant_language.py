"""Every page an applicant sees is entirely in their language (Kazakh or Russian), mails included.

The demo call is walked with the test client, as an applicant would: the call page, the
start form, the task list, every step (one with errors), check-your-answers, the
declaration, the page after submitting, and the page the emailed link opens. Each page's
visible text (and what screen readers read: aria-label, alt, title, placeholder) must not
contain any English text of our catalogues that the language translates.
"""

import re
from html.parser import HTMLParser

import polib
import pytest
from django.core import mail
from django.utils import translation

from grants.models import GrantCallPage
from tests.grants.factories import OTHER_BIN, Applicant, resume_link_from
from tests.home.test_translations import catalogues

READ_ALOUD = {"aria-label", "alt", "title", "placeholder"}
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]|\{\{[^}]*\}\}|<[^>]+>")


VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class VisibleText(HTMLParser):
    """The text a person sees or hears in the page's language.

    Left out: scripts, styles, what is hidden from everyone (aria-hidden honeypot), and
    text marked as another language (the switcher's "English" is meant to be English).
    """

    def __init__(self, language):
        super().__init__()
        self.language, self.parts, self.stack = language, [], []

    def skipping(self):
        return bool(self.stack) and self.stack[-1][1]

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        other_language = attrs.get("lang") and not attrs["lang"].startswith(self.language) and tag != "html"
        skip = self.skipping() or tag in ("script", "style") or attrs.get("aria-hidden") == "true" or other_language
        if not skip:
            self.parts.extend(value for name, value in attrs.items() if name in READ_ALOUD and value)
        if tag not in VOID:
            self.stack.append((tag, skip))

    def handle_endtag(self, tag):
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                break

    def handle_data(self, data):
        if not self.skipping():
            self.parts.append(data)


def visible_text(html, language):
    parser = VisibleText(language)
    parser.feed(html)
    return " ".join(" ".join(parser.parts).split())


def english_ui_texts(language):
    """English texts of our catalogues that ``language`` translates differently (placeholders cut out)."""
    texts = set()
    for path in catalogues(language):
        for entry in polib.pofile(str(path)):
            if entry.obsolete or not entry.translated():
                continue
            translations = entry.msgstr_plural.values() if entry.msgid_plural else [entry.msgstr]
            for english in filter(None, [entry.msgid, entry.msgid_plural]):
                if english in translations:
                    continue  # the same in both languages (a name, a unit)
                for piece in PLACEHOLDER.split(english):
                    piece = piece.strip(" .,:;()«»“”—-")
                    if len(piece) >= 3 and re.search(r"[A-Za-z]{3}", piece):
                        texts.add(piece)
    return texts


def english_found(text, english):
    return sorted(piece for piece in english if re.search(r"(?<![A-Za-z])" + re.escape(piece) + r"(?![A-Za-z])", text))


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_every_page_of_an_application_is_in_the_applicants_language(client, demo, language):
    """Start, each step (once with errors), check, declaration, submitted, resume link, mails: no English."""
    translation.activate(language)
    english = english_ui_texts(language)
    call = GrantCallPage.objects.get(slug="small-grants-2026", locale__language_code=language)
    # not the demo applications' BIN: one application per organisation and call
    applicant = Applicant(
        client, call, email=f"{language}.applicant@example.kz", overrides={"applicant": {"bin": OTHER_BIN}}
    )
    seen = {}

    def look(name, response):
        assert response.status_code == 200, (name, response.status_code)
        seen[name] = visible_text(response.content.decode(), language)

    look("call page", client.get(call.url))
    look("start", client.get(applicant.url()))
    response = applicant.start()
    look("tasks", client.get(response["Location"]))
    look("applicant step with errors", applicant.post_step("applicant", answers={"email": "not an address"}))
    for step in ["eligibility", "applicant", "project", "plan", "budget", "attachments", "check", "declaration"]:
        look(step, client.get(applicant.url(step)))
        if step != "declaration":
            files = applicant.attachments() if step == "attachments" else None
            assert applicant.post_step(step, files=files).status_code == 302, step
    response = applicant.submit()
    assert response.status_code == 302
    look("submitted", client.get(response["Location"]))
    link = resume_link_from(mail.outbox[0])
    look("emailed link", client.get(link.replace("http://testserver", ""), follow=True))
    for index, message in enumerate(mail.outbox):
        # addresses are not prose: /kk/grants/… is a path, not an English word
        body = re.sub(r"https?://\S+", " ", message.body)
        seen[f"mail {index + 1}: {message.subject}"] = f"{message.subject} {body}"

    problems = {name: found for name, text in seen.items() if (found := english_found(text, english))}
    assert not problems, f"English on the {language} pages:\n" + "\n".join(f"{k}: {v}" for k, v in problems.items())
    # the walk really reached the end, in the applicant's language
    assert {"ru": "Заявка подана", "kk": "Өтінім берілді"}[language] in seen["submitted"]


def test_the_check_finds_english_left_on_a_page():
    """Test of the test: an untranslated button on a Russian page is reported."""
    english = english_ui_texts("ru")
    assert "Save and continue" in english
    html = "<main><h1>Шаг 1</h1><button>Save and continue</button><img alt='Back' src='x'></main>"
    assert english_found(visible_text(html, "ru"), english) == ["Back", "Save and continue"]
    html = "<p>Сохранить и продолжить</p><script>var Back;</script><a lang='en' href='/en/'>English</a>"
    assert english_found(visible_text(html, "ru"), english) == []
