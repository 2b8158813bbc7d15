"""The letters applicants get about their application and grant, written by editors on the call page.

Each call page (one per language, translated with wagtail-localize) holds a subject and a text
per letter. Editors write placeholders such as ``{reference}``; nothing else of the text is
interpreted (no template language reaches editors). An empty letter, an untranslated copy of a
default text, or one broken by a translation gets our default text in the applicant's language.
"""

import re
from dataclasses import dataclass
from html import escape
from html.parser import HTMLParser

from django.apps import apps
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.template.response import TemplateResponse
from django.utils import timezone, translation
from django.utils.text import format_lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, HelpPanel, MultiFieldPanel
from wagtail.fields import RichTextField

from cms_plugins.formatting import format_date, format_money

from .services import record_decision

PLACEHOLDERS = {
    "reference": _("the application's reference, such as ZKO-2026-0001"),
    "call": _("the call's title"),
    "organisation": _("the organisation or group"),
    "contact": _("the contact person"),
    "link": _("the address of the call's page"),
    "reason": _("why the application does not meet the conditions"),
    "amount": _("the amount awarded"),
    "report": _("which report: interim or final"),
    "due_date": _("the date the report is due"),
    "comment": _("the coordinator's comment"),
}
COMMON = ("reference", "call", "organisation", "contact", "link")


@dataclass(frozen=True)
class Letter:
    kind: str
    label: str
    placeholders: tuple
    subject: str
    paragraphs: tuple


THANKS = _("Thank you for applying. Watch our website for the next calls and trainings.")
COMMENT = _("Coordinator's comment: {comment}")

LETTERS = {
    letter.kind: letter
    for letter in (
        Letter(
            "ineligible",
            _("Screened out"),
            COMMON + ("reason",),
            _("Application {reference}: screening result"),
            (
                _(
                    "Your application {reference} to “{call}” was screened and does not meet the call's "
                    "conditions, so it will not go to the experts."
                ),
                _("Reason: {reason}"),
                THANKS,
            ),
        ),
        Letter(
            "not_awarded",
            _("Not awarded"),
            COMMON,
            _("Application {reference}: competition result"),
            (
                _(
                    "Thank you for your application {reference} to “{call}”. The experts reviewed it carefully, "
                    "but it is not among the grants awarded this time."
                ),
                _("The results of the call: {link}"),
                THANKS,
            ),
        ),
        Letter(
            "awarded",
            _("Awarded"),
            COMMON + ("amount",),
            _("Application {reference}: a grant is awarded"),
            (
                _("Congratulations: your application {reference} to “{call}” is awarded a grant."),
                _("Amount: {amount}"),
                _("A coordinator will contact you about the grant agreement."),
            ),
        ),
        Letter(
            "report_due",
            _("Report due"),
            COMMON + ("report", "due_date"),
            _("Grant {reference}: your {report} is due on {due_date}"),
            (
                _("A reminder: your {report} on grant {reference} (“{call}”) is due on {due_date}."),
                _("Open the secret link of your application and fill in the report under “Your grant reports”."),
            ),
        ),
        Letter(
            "report_accepted",
            _("Report accepted"),
            COMMON + ("report", "comment"),
            _("Grant {reference}: your {report} is accepted"),
            (_("Your {report} on grant {reference} (“{call}”) is accepted. Thank you."), COMMENT),
        ),
        Letter(
            "report_returned",
            _("Report returned"),
            COMMON + ("report", "comment"),
            _("Grant {reference}: your {report} needs changes"),
            (
                _("Your {report} on grant {reference} (“{call}”) is returned for changes."),
                COMMENT,
                _("Open the secret link of your application to correct and send the report again."),
            ),
        ),
    )
}


# --- the fields on the call page ----------------------------------------------------------------
def _subject(verbose_name):
    return models.CharField(
        verbose_name, max_length=200, blank=True, help_text=_("Empty: our default subject in the page's language.")
    )


def _text(verbose_name):
    # paragraphs only: the mail is plain text, and wagtail-localize offers each paragraph as
    # its own segment (a plain text field would reach translators as one line with <br> tags)
    return RichTextField(
        verbose_name,
        blank=True,
        features=[],
        help_text=_(
            "Empty: our default text in the page's language. A paragraph whose placeholders are all empty is left out."
        ),
    )


class LettersGuidePanel(HelpPanel):
    """How the letters work, with every placeholder and its meaning."""

    class BoundPanel(HelpPanel.BoundPanel):
        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["placeholders"] = list(PLACEHOLDERS.items())
            return context


class CallLettersMixin(models.Model):
    """The call's letters, one subject and one text per decision, in the page's language."""

    letter_ineligible_subject = _subject(_("screened out: subject"))
    letter_ineligible_text = _text(_("screened out: text"))
    letter_not_awarded_subject = _subject(_("not awarded: subject"))
    letter_not_awarded_text = _text(_("not awarded: text"))
    letter_awarded_subject = _subject(_("awarded: subject"))
    letter_awarded_text = _text(_("awarded: text"))
    letter_report_due_subject = _subject(_("report due: subject"))
    letter_report_due_text = _text(_("report due: text"))
    letter_report_accepted_subject = _subject(_("report accepted: subject"))
    letter_report_accepted_text = _text(_("report accepted: text"))
    letter_report_returned_subject = _subject(_("report returned: subject"))
    letter_report_returned_text = _text(_("report returned: text"))

    letter_panels = [
        LettersGuidePanel(template="grants/admin/letters_guide.html", heading=_("How the letters work")),
        *(
            MultiFieldPanel(
                [
                    FieldPanel(f"letter_{kind}_subject", heading=_("Subject")),
                    FieldPanel(
                        f"letter_{kind}_text",
                        heading=_("Text"),
                        help_text=format_lazy(
                            _("Placeholders: {names}. Empty: our default text."),
                            names=" ".join(f"{{{name}}}" for name in letter.placeholders),
                        ),
                    ),
                ],
                heading=letter.label,
            )
            for kind, letter in LETTERS.items()
        ),
    ]

    class Meta:
        abstract = True

    def clean_letters(self):
        """Every placeholder known to its letter and every brace closed, or a message naming it."""
        errors = {}
        for kind, letter in LETTERS.items():
            for part, text in (
                ("subject", self.stored_subject(kind)),
                ("text", " ".join(self.stored_paragraphs(kind))),
            ):
                problems = mistakes(text, letter.placeholders)
                if problems:
                    errors[f"letter_{kind}_{part}"] = problems
        if errors:
            raise ValidationError(errors)

    def stored_subject(self, kind):
        return (getattr(self, f"letter_{kind}_subject") or "").strip()

    def stored_paragraphs(self, kind):
        return paragraphs_of(getattr(self, f"letter_{kind}_text") or "")

    @property
    def preview_modes(self):
        return super().preview_modes + [
            (f"letter-{kind}", format_lazy(_("Letter: {label}"), label=letter.label))
            for kind, letter in LETTERS.items()
        ]

    # before RoutablePageMixin in the page's bases: its serve_preview routes every mode to the page
    def serve_preview(self, request, mode_name):
        kind = mode_name.removeprefix("letter-")
        if mode_name.startswith("letter-") and kind in LETTERS:
            return preview_response(self, request, kind)
        return super().serve_preview(request, mode_name)


def paragraphs_html(paragraphs):
    """Plain paragraphs as the editor's rich text."""
    return "".join(f"<p>{escape(str(paragraph))}</p>" for paragraph in paragraphs)


def default_html(kind, language):
    """The default text as the editor's rich text (what a new call starts with)."""
    with translation.override(language):
        return paragraphs_html(LETTERS[kind].paragraphs)


def default_subject(kind, language):
    with translation.override(language):
        return str(LETTERS[kind].subject)


def initial_letters(language):
    """{field: value} of every letter's default, for a new call's editor form."""
    fields = {}
    for kind in LETTERS:
        fields[f"letter_{kind}_subject"] = default_subject(kind, language)
        fields[f"letter_{kind}_text"] = default_html(kind, language)
    return fields


# --- placeholders -----------------------------------------------------------------------------
TOKEN = re.compile(r"\{([^{}]*)\}|[{}]")


def mistakes(text, allowed):
    """Messages for unknown placeholders and unpaired braces (empty when the text is fine)."""
    problems = []
    for match in TOKEN.finditer(text or ""):
        name = match.group(1)
        if name is None:
            brace = match.group(0)
            problems.append(
                gettext("A “%(brace)s” without its pair: write placeholders as {reference}.") % {"brace": brace}
            )
        elif name not in allowed:
            problems.append(
                gettext("Unknown placeholder {%(name)s}: this letter may use %(allowed)s.")
                % {"name": name, "allowed": " ".join(f"{{{known}}}" for known in allowed)}
            )
    return list(dict.fromkeys(problems))


def fill(text, values):
    """Placeholders replaced by plain values in one pass (a value holding braces stays as it is)."""
    return TOKEN.sub(lambda match: values.get(match.group(1) or "", match.group(0)), text)


class _Paragraphs(HTMLParser):
    BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "div", "blockquote"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.paragraphs, self.current = [], []

    def close_paragraph(self):
        text = "".join(self.current).strip()
        if text:
            self.paragraphs.append("\n".join(line.strip() for line in text.split("\n")))
        self.current = []

    def handle_starttag(self, tag, attrs):
        if tag == "br":
            self.current.append("\n")
        elif tag in self.BLOCKS:
            self.close_paragraph()

    def handle_endtag(self, tag):
        if tag in self.BLOCKS:
            self.close_paragraph()

    def handle_data(self, data):
        self.current.append(data)


def paragraphs_of(html):
    """The rich text's paragraphs as plain text (line breaks kept inside a paragraph)."""
    parser = _Paragraphs()
    parser.feed(html)
    parser.close()
    parser.close_paragraph()
    return parser.paragraphs


def _flat(text):
    return " ".join(str(text).split())


def is_default(kind, subject, paragraphs):
    """Whether the page holds one of our default texts as it is (a translation not yet
    translated copies the source's): then the default in the right language is better."""
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            letter = LETTERS[kind]
            if subject and _flat(subject) == _flat(letter.subject):
                return True
            if paragraphs and _flat(" ".join(paragraphs)) == _flat(" ".join(str(p) for p in letter.paragraphs)):
                return True
    return False


def texts(page, kind, language):
    """(subject, paragraphs, language of the text): the page's own letter when it has one that is
    not a default and is well formed, else our default in ``language``."""
    letter = LETTERS[kind]
    subject, paragraphs = page.stored_subject(kind), page.stored_paragraphs(kind)
    own_subject = subject and not is_default(kind, subject, None) and not mistakes(subject, letter.placeholders)
    own_text = (
        paragraphs
        and not is_default(kind, None, paragraphs)
        and not mistakes(" ".join(paragraphs), letter.placeholders)
    )
    if own_subject or own_text:
        # the page's words: what it leaves to us comes in its language too
        language = page.locale.language_code
    with translation.override(language):
        return (
            subject if own_subject else str(letter.subject),
            paragraphs if own_text else [str(p) for p in letter.paragraphs],
            language,
        )


def compose(page, kind, values, language):
    """(subject, body, language) of a letter, ``values`` being {placeholder: str or callable}.

    Values are worked out in the letter's language (amounts, dates, the report's name)."""
    subject, paragraphs, language = texts(page, kind, language)
    with translation.override(language):
        values = {name: str(value() if callable(value) else value) for name, value in values.items()}
        kept = []
        for paragraph in paragraphs:
            used = [match.group(1) for match in TOKEN.finditer(paragraph) if match.group(1)]
            if used and not any(values.get(name) for name in used):
                continue  # "Comment: {comment}" without a comment
            kept.append(fill(paragraph, values))
        return " ".join(fill(subject, values).split())[:255], "\n\n".join(kept) + "\n", language


# --- the call in the applicant's language -----------------------------------------------------
class CallPages:
    """A call's pages by language, read once: publishing the results writes hundreds of letters."""

    def __init__(self, call_key):
        GrantCallPage = apps.get_model("grants", "GrantCallPage")
        pages = list(GrantCallPage.objects.filter(translation_key=call_key).select_related("locale").order_by("pk"))
        self.source = pages[0]
        self.live = {page.locale.language_code: page for page in pages if page.live}
        self.urls = {}

    def page_in(self, language):
        """The live translation in ``language``, else the call as first written."""
        return self.live.get(language) or self.source

    def url_of(self, page):
        if page.pk not in self.urls:
            self.urls[page.pk] = page.get_full_url() or ""
        return self.urls[page.pk]


def applicant_language(application):
    codes = {code for code, _name in settings.LANGUAGES}
    return application.language if application.language in codes else settings.LANGUAGE_CODE


def values_for(application, page, pages, **extra):
    values = {
        "reference": application.reference,
        "call": page.title,
        "organisation": application.organisation_name,
        "contact": application.contact_name,
        "link": pages.url_of(page),
        "reason": lambda: application.get_ineligible_reason_display() if application.ineligible_reason else "",
        "amount": lambda: format_money(application.awarded_amount) if application.awarded_amount else "",
    }
    values.update(extra)
    return values


def render_for(application, kind, pages=None, **extra):
    """(subject, body, language) of the letter ``application`` gets, from the call in its language."""
    pages = pages or CallPages(application.call_key)
    language = applicant_language(application)
    page = pages.page_in(language)
    return compose(page, kind, values_for(application, page, pages, **extra), language)


def send(application, kind, *, topic, pages=None, **extra):
    """Queue the letter once per topic (a repeat is not sent) and note it in the CRM history of the
    applicant's organisation and person. Returns the queued mail, or None."""
    from cms_plugins.mail.models import OutboundMail
    from cms_plugins.mail.services import queue_mail

    if not application.email or OutboundMail.objects.about(topic).exists():
        return None
    subject, body, language = render_for(application, kind, pages, **extra)
    mail = queue_mail(application.email, subject, body, topic=topic, language=language)
    record_decision(application, f"{subject} ({application.call.title})")
    return mail


# --- previews ---------------------------------------------------------------------------------
def sample_values(page, kind):
    """A made-up applicant for the editor's preview, in the active language."""
    from .services import REFERENCE_PREFIX

    today = timezone.localdate()
    return {
        "reference": f"{REFERENCE_PREFIX}-{today.year}-0042",
        "call": page.title,
        "organisation": gettext("Public association “Example village”"),
        "contact": gettext("Aigul Serikova"),
        "link": page.get_full_url() or "",
        "reason": gettext("The project is not in the region's rural areas"),
        "amount": format_money(page.amount_per_grant),
        "report": gettext("interim report"),
        "due_date": format_date(today),
        "comment": gettext("Please add the photos of the event."),
    }


def preview_response(page, request, kind):
    """One letter of the page as the applicant would read it (a Wagtail preview mode)."""
    language = page.locale.language_code
    with translation.override(language):
        subject, body, language = compose(page, kind, sample_values(page, kind), language)
        mode = format_lazy(_("Letter: {label}"), label=LETTERS[kind].label)
        context = {"page": page, "mode": mode, "subject": subject, "body": body.strip(), "language": language}
        response = TemplateResponse(request, "grants/letter_preview.html", context)
        response.render()
    return response


def outgoing(pairs, pages):
    """The letters about to go out, grouped by letter and language: [{letter, language, count,
    example: (reference, subject, body)}], for a coordinator's look before sending."""
    groups = {}
    for application, kind in pairs:
        language = applicant_language(application)
        group = groups.setdefault((kind, language), {"letter": LETTERS[kind], "language": language, "count": 0})
        group["count"] += 1
        if "example" not in group:
            subject, body, _language = render_for(application, kind, pages)
            group["example"] = {"reference": application.reference, "subject": subject, "body": body.strip()}
    order = list(LETTERS)
    languages = [code for code, _name in settings.LANGUAGES]
    return sorted(groups.values(), key=lambda g: (order.index(g["letter"].kind), languages.index(g["language"])))
