"""The questions editors build a survey from, on the multi-step form engine's blocks.

Short and long text, single and multiple choice come from ``cms_plugins.multistep``;
a survey adds a 1–5 scale, a district, the respondent's type, and "other, please
specify" on choices. Keys (what answers are stored under) are the engine's: from each
block's id, never from its label, never changed once saved, never translated.
"""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import BlockGroup

from cms_plugins.locales import active_locale_id
from cms_plugins.multistep.blocks import (
    BaseQuestionBlock,
    FormStepsBlock,
    KeyedStreamBlock,
    LongTextBlock,
    MultipleChoiceBlock,
    ShortTextBlock,
    SingleChoiceBlock,
    StepBlock,
    question_layout,
)
from cms_plugins.places.pages import districts_by_code

# The answer key of "other, please specify" among a question's options (option keys are o_…).
OTHER = "other"
SCALE = range(1, 6)


class RespondentType:
    """Who answers: the results are filtered by it. Fixed, so every survey's answers compare."""

    CHOICES = [
        ("ngo", _("A registered NGO")),
        ("initiative", _("An initiative group")),
        ("ethnocultural", _("An ethnocultural centre")),
        ("resident", _("An active resident")),
        ("other", _("Someone else")),
    ]
    VALUES = [value for value, _label in CHOICES]


class OtherOptionMixin(blocks.StructBlock):
    """Adds "other, please specify": one more option and a short text that must then be filled."""

    allow_other = blocks.BooleanBlock(
        label=_("Offer “other, please specify”"),
        required=False,
        default=False,
        help_text=_("Adds a last option with a short text for the respondent's own answer."),
    )
    other_label = blocks.CharBlock(
        label=_("Label of the “other” option"),
        max_length=100,
        required=False,
        help_text=_("Leave empty for “Other”."),
    )

    def choices(self, value):
        choices = super().choices(value)
        if value.get("allow_other"):
            choices.append((OTHER, value.get("other_label") or _("Other")))
        return choices


class SurveySingleChoiceBlock(OtherOptionMixin, SingleChoiceBlock):
    class Meta:
        label = _("Single choice")
        icon = "radio-full"
        description = _("One answer from a list of options.")
        form_layout = question_layout("options", "allow_other", "other_label")


class SurveyMultipleChoiceBlock(OtherOptionMixin, MultipleChoiceBlock):
    class Meta:
        label = _("Multiple choice")
        icon = "list-ul"
        description = _("Any number of answers from a list of options.")
        form_layout = question_layout("options", "allow_other", "other_label")


class ScaleBlock(BaseQuestionBlock):
    low_label = blocks.CharBlock(
        label=_("Meaning of 1"), max_length=60, required=False, help_text=_("e.g. “Not at all”")
    )
    high_label = blocks.CharBlock(
        label=_("Meaning of 5"), max_length=60, required=False, help_text=_("e.g. “Very much”")
    )

    def choices(self, value):
        choices = [(str(n), str(n)) for n in SCALE]
        if value.get("low_label"):
            choices[0] = ("1", f"1 — {value['low_label']}")
        if value.get("high_label"):
            choices[-1] = ("5", f"5 — {value['high_label']}")
        return choices

    def make_field(self, value):
        return forms.TypedChoiceField(
            choices=self.choices(value),
            coerce=int,
            empty_value=None,
            widget=forms.RadioSelect(attrs={"class": "scale"}),
            **self.field_kwargs(value),
        )

    def display(self, value, answer, currency=""):
        return "" if answer in (None, "") else str(answer)

    class Meta:
        label = _("Scale 1–5")
        icon = "order"
        description = _("A rating from 1 to 5: how much, how useful, how hard.")
        form_layout = question_layout("low_label", "high_label")


class DistrictQuestionBlock(BaseQuestionBlock):
    """The respondent's district, from the districts' reference data in the page's language."""

    def choices(self, value):
        return [(code, district.name) for code, district in districts_by_code(active_locale_id()).items()]

    def make_field(self, value):
        return forms.ChoiceField(choices=[("", "—"), *self.choices(value)], **self.field_kwargs(value))

    def display(self, value, answer, currency=""):
        return str(dict(self.choices(value)).get(answer, answer or ""))

    class Meta:
        label = _("District")
        icon = "site"
        description = _("One of the region's districts; the results can be filtered by it.")
        form_layout = question_layout()


class RespondentTypeBlock(BaseQuestionBlock):
    """Who answers (NGO, initiative group, …); the results can be filtered by it."""

    def choices(self, value):
        return RespondentType.CHOICES

    def make_field(self, value):
        return forms.ChoiceField(choices=self.choices(value), widget=forms.RadioSelect, **self.field_kwargs(value))

    def display(self, value, answer, currency=""):
        return str(dict(self.choices(value)).get(answer, answer or ""))

    class Meta:
        label = _("Who answers")
        icon = "group"
        description = _("NGO, initiative group, ethnocultural centre, resident; the results can be filtered by it.")
        form_layout = question_layout()


class SurveyQuestionsBlock(KeyedStreamBlock):
    short_text = ShortTextBlock()
    long_text = LongTextBlock()
    single_choice = SurveySingleChoiceBlock()
    multiple_choice = SurveyMultipleChoiceBlock()
    scale = ScaleBlock()
    district = DistrictQuestionBlock()
    respondent_type = RespondentTypeBlock()


class SurveySectionBlock(StepBlock):
    questions = SurveyQuestionsBlock(label=_("Questions"), help_text=_("Add at least one question."))

    class Meta:
        icon = "list-ol"
        label = _("Section")
        label_format = "{title}"
        form_layout = BlockGroup(children=["title", "intro", "questions"], settings=["key"])


class SurveySectionsBlock(FormStepsBlock):
    step = SurveySectionBlock()


def questions_of(stream_value):
    """[(section value, [(block, value)])] in order: what the form, the results and the export walk."""
    sections = []
    for section in stream_value or []:
        sections.append((section.value, [(question.block, question.value) for question in section.value["questions"]]))
    return sections
