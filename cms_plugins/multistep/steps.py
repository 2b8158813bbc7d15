"""Steps of a multi-step form: the page's fixed ones and the editor-designed ones.

A ``Step`` couples a stable key (its address and the name its answers are stored
under) with a title and a Django form class. Page types build their list of steps
(``MultiStepFormMixin.get_form_steps``) from their own fixed steps and the steps
editors designed in a ``FormStepsBlock``.
"""

import datetime
from dataclasses import dataclass, field

from django import forms
from django.utils.translation import gettext_lazy as _

from cms_plugins.formatting import format_date, format_datetime

from .blocks import YES_NO
from .fields import CheckedFileField, RowsField, StoredFile


class StepForm(forms.Form):
    """Base of every step's form; receives the page and the draft."""

    template_name_div = "multistep/form.html"

    def __init__(self, *args, page=None, draft=None, **kwargs):
        self.page = page
        self.draft = draft
        super().__init__(*args, **kwargs)

    def display_answers(self):
        """[(label, text)] of the cleaned answers, for check-answers and emails."""
        currency = getattr(self.page, "multistep_currency", "")
        rows = []
        for name, form_field in self.fields.items():
            value = self.cleaned_data.get(name)
            question = getattr(self, "questions", {}).get(name)
            if question is not None:
                block, block_value = question
                text = block.display(block_value, value, currency)
            else:
                text = display_value(form_field, value)
            rows.append((form_field.label, text))
        return rows


def display_value(form_field, value):
    if isinstance(form_field, forms.BooleanField):
        return str(_("Yes") if value else _("No"))
    if isinstance(form_field, CheckedFileField):
        return getattr(value, "name", "") or ""
    if isinstance(form_field, RowsField):
        return "\n".join(" · ".join(str(v) for v in row.values() if v not in (None, "")) for row in value or [])
    if isinstance(form_field, forms.ChoiceField):
        labels = {str(k): v for k, v in form_field.choices}
        values = value if isinstance(value, list) else [value] if value not in (None, "") else []
        return ", ".join(str(labels.get(str(v), v)) for v in values)
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return format_datetime(value)
    if isinstance(value, datetime.date):
        return format_date(value)
    return str(value)


class SubmissionRefused(Exception):
    """Raised by a page's ``multistep_done`` when a rule checked at submission fails.

    The submission is rolled back and the applicant is sent to ``step`` (its form's
    validation explains why).
    """

    def __init__(self, step):
        super().__init__(step)
        self.step = step


@dataclass
class Step:
    key: str
    title: str
    form_class: type
    intro: str = ""
    kind: str = "questions"  # "questions", "review" (check answers) or "final" (declaration)
    template_name: str = ""
    extra: dict = field(default_factory=dict)


class ReviewForm(StepForm):
    """The check-your-answers step has nothing to fill in."""


def review_step(key="check", title=None):
    return Step(key=key, title=title or _("Check your answers"), form_class=ReviewForm, kind="review")


def designed_steps(stream_value):
    """Steps built from a FormStepsBlock value (the page's language: labels translated)."""
    steps = []
    for child in stream_value or []:
        value = child.value
        form_fields, questions = {}, {}
        for question in value["questions"]:
            key = question.value["key"]
            form_fields[key] = question.block.make_field(question.value)
            questions[key] = (question.block, question.value)
        form_class = type(f"Designed_{value['key']}", (StepForm,), {**form_fields, "questions": questions})
        steps.append(Step(key=value["key"], title=value["title"], form_class=form_class, intro=value.get("intro", "")))
    return steps


__all__ = [
    "YES_NO",
    "ReviewForm",
    "Step",
    "StepForm",
    "StoredFile",
    "SubmissionRefused",
    "designed_steps",
    "review_step",
]
