"""What editors build forms from: steps of questions, as StreamField data.

Every step, question, option and column has a machine ``key``: the name its answer
is stored under. Coordinators never type it: it follows the block's own id (see
``keys``), sits read-only under each block's settings, and once saved it never
changes. Keys are not offered to translators (``get_translatable_segments``).
"""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail import blocks
from wagtail.blocks.list_block import ListBlockValidationError
from wagtail.blocks.struct_block import BlockGroup, StructBlockValidationError

from cms_plugins.formatting import format_date, format_money

from . import fields, filetypes, keys

KEY_PATTERN = re.compile(r"^[a-z][a-z0-9_]{0,39}$")
RESERVED_KEYS = {"tasks", "start", "resume", "submitted", "done", "new-link"}


def validate_key(value):
    if value and (not KEY_PATTERN.match(value) or value in RESERVED_KEYS):
        raise ValidationError(
            _("Use 1 to 40 small Latin letters, digits or “_”, starting with a letter (for example budget_total).")
        )


class KeyBlock(blocks.FieldBlock):
    """A machine key, read-only in the editor: set by the server, never translated."""

    def __init__(self, help_text=None, **kwargs):
        self.key_help_text = help_text or _(
            "Set automatically when the page is saved, and never changed: answers are stored under it."
        )
        kwargs.setdefault("label", _("Technical key"))
        super().__init__(**kwargs)

    @cached_property
    def field(self):
        return forms.CharField(
            required=False,
            max_length=40,
            validators=[validate_key],
            help_text=self.key_help_text,
            widget=forms.TextInput(attrs={"readonly": True, "tabindex": "-1"}),
        )

    def get_searchable_content(self, value):
        return []

    # wagtail-localize: keys are copied to translations, never translated
    def get_translatable_segments(self, value):
        return []

    def restore_translated_segments(self, value, segments):
        return value


class BaseQuestionBlock(blocks.StructBlock):
    key = KeyBlock()
    label = blocks.CharBlock(
        label=_("Question"), max_length=255, help_text=_("The question as the applicant reads it.")
    )
    help_text = blocks.TextBlock(
        label=_("Hint"), required=False, max_length=600, help_text=_("Shown under the question.")
    )
    required = blocks.BooleanBlock(
        label=_("Required"),
        required=False,
        default=True,
        help_text=_("The applicant cannot finish the step without answering."),
    )

    def field_kwargs(self, value):
        return {"label": value["label"], "help_text": value.get("help_text") or "", "required": bool(value["required"])}

    def make_field(self, value):
        raise NotImplementedError

    def display(self, value, answer, currency=""):
        """The answer as text a person reads on the check-answers page and in emails."""
        if answer in (None, "", [], False) and not isinstance(answer, bool):
            return ""
        return str(answer)

    class Meta:
        icon = "form"
        collapsed = True
        label_format = "{label}"


def question_layout(*limits):
    """Question, hint, required and limits in view; the technical key under the settings."""
    return BlockGroup(children=["label", "help_text", "required", *limits], settings=["key"])


class ShortTextBlock(BaseQuestionBlock):
    max_length = blocks.IntegerBlock(
        label=_("Most characters"),
        default=255,
        min_value=1,
        max_value=255,
        help_text=_("Longer answers are refused with a message; the applicant sees a counter."),
    )

    def make_field(self, value):
        return fields.LimitedTextField(limit=value.get("max_length") or 255, **self.field_kwargs(value))

    class Meta:
        label = _("Short text")
        icon = "pilcrow"
        description = _("One line: a name, a title, a village.")
        form_layout = question_layout("max_length")


class LongTextBlock(BaseQuestionBlock):
    max_length = blocks.IntegerBlock(
        label=_("Most characters"),
        default=2000,
        min_value=1,
        max_value=10000,
        help_text=_("Stated next to the field with a live counter; longer answers are refused, never cut."),
    )

    def make_field(self, value):
        return fields.LimitedTextField(
            limit=value.get("max_length") or 2000, widget=forms.Textarea(attrs={"rows": 6}), **self.field_kwargs(value)
        )

    class Meta:
        label = _("Long text")
        icon = "doc-full"
        description = _("Paragraphs: a description, a plan, a reason.")
        form_layout = question_layout("max_length")


class NumberBlock(BaseQuestionBlock):
    min_value = blocks.IntegerBlock(label=_("Smallest"), required=False)
    max_value = blocks.IntegerBlock(label=_("Largest"), required=False)

    field_class = fields.WholeNumberField

    def make_field(self, value):
        field = self.field_class(
            min_value=value.get("min_value"), max_value=value.get("max_value"), **self.field_kwargs(value)
        )
        low, high = value.get("min_value"), value.get("max_value")
        if low is not None and high is not None:
            field.limit_text = _("From %(low)s to %(high)s.") % {"low": low, "high": high}
        elif high is not None:
            field.limit_text = _("At most %(high)s.") % {"high": high}
        return field

    class Meta:
        label = _("Number")
        icon = "order"
        description = _("A whole number: people, days, pieces.")
        form_layout = question_layout("min_value", "max_value")


class MoneyBlock(NumberBlock):
    field_class = fields.MoneyField

    def display(self, value, answer, currency=""):
        if answer in (None, ""):
            return ""
        return format_money(answer, currency)

    class Meta:
        label = _("Money (whole units)")
        icon = "tag"
        description = _("An amount in whole tenge; spaces and ₸ are accepted.")


class DateBlock(BaseQuestionBlock):
    def make_field(self, value):
        return forms.DateField(widget=forms.DateInput(attrs={"type": "date"}), **self.field_kwargs(value))

    def display(self, value, answer, currency=""):
        return format_date(answer) if hasattr(answer, "isoformat") else str(answer or "")

    class Meta:
        label = _("Date")
        icon = "date"
        description = _("A day of the calendar.")
        form_layout = question_layout()


class ChoiceOptionBlock(blocks.StructBlock):
    label = blocks.CharBlock(label=_("Option"), max_length=255, help_text=_("One answer the applicant may pick."))
    key = KeyBlock()

    class Meta:
        label = _("Option")
        icon = "radio-empty"
        label_format = "{label}"
        form_layout = BlockGroup(children=["label"], settings=["key"])


class KeyedListBlock(blocks.ListBlock):
    """Options or columns: each item gets a key from its own id; "at least" waits for publishing
    (a ListBlock ``min_num`` shows a red error on a block just added, before anything is typed)."""

    key_prefix = "i"
    at_least = 0
    at_least_message = ""

    def clean(self, value):
        value = super().clean(value)
        keys.settle(value.bound_blocks, self.key_prefix)
        errors = []
        if not self.is_deferred_validation and len(value) < self.at_least:
            errors.append(ValidationError(self.at_least_message))
        if keys.duplicates(value.bound_blocks):
            errors.append(ValidationError(_("Two items have the same key.")))
        if errors:
            raise ListBlockValidationError(non_block_errors=errors)
        return value


class OptionsBlock(KeyedListBlock):
    key_prefix = keys.PREFIXES["option"]
    at_least = 2
    at_least_message = _("Add at least two options.")


class ColumnsBlock(KeyedListBlock):
    key_prefix = keys.PREFIXES["column"]
    at_least = 1
    at_least_message = _("Add at least one column.")


class SingleChoiceBlock(BaseQuestionBlock):
    options = OptionsBlock(ChoiceOptionBlock(), label=_("Options"), help_text=_("At least two."))
    multiple = False

    def choices(self, value):
        return [(option["key"], option["label"]) for option in value["options"]]

    def make_field(self, value):
        if self.multiple:
            return forms.MultipleChoiceField(
                choices=self.choices(value), widget=forms.CheckboxSelectMultiple, **self.field_kwargs(value)
            )
        return forms.ChoiceField(choices=self.choices(value), widget=forms.RadioSelect, **self.field_kwargs(value))

    def display(self, value, answer, currency=""):
        labels = dict(self.choices(value))
        answers = answer if isinstance(answer, list) else [answer] if answer else []
        return ", ".join(str(labels.get(key, key)) for key in answers)

    class Meta:
        label = _("Single choice")
        icon = "radio-full"
        description = _("One answer from a list of options.")
        form_layout = question_layout("options")


class MultipleChoiceBlock(SingleChoiceBlock):
    multiple = True

    class Meta:
        label = _("Multiple choice")
        icon = "list-ul"
        description = _("Any number of answers from a list of options.")


YES_NO = [("yes", _("Yes")), ("no", _("No"))]


class YesNoBlock(BaseQuestionBlock):
    def make_field(self, value):
        return forms.ChoiceField(choices=YES_NO, widget=forms.RadioSelect, **self.field_kwargs(value))

    def display(self, value, answer, currency=""):
        return str(dict(YES_NO).get(answer, ""))

    class Meta:
        label = _("Yes / no")
        icon = "check"
        description = _("A question answered yes or no.")
        form_layout = question_layout()


class FileQuestionBlock(BaseQuestionBlock):
    kinds = blocks.MultipleChoiceBlock(
        label=_("Accepted types"), choices=filetypes.KIND_CHOICES, default=filetypes.DEFAULT_KINDS, required=False
    )
    max_size_mb = blocks.IntegerBlock(label=_("Largest file (MB)"), default=10, min_value=1, max_value=25)

    def make_field(self, value):
        return fields.CheckedFileField(
            kinds=value.get("kinds") or filetypes.DEFAULT_KINDS,
            max_size=(value.get("max_size_mb") or 10) * 1024 * 1024,
            **self.field_kwargs(value),
        )

    def display(self, value, answer, currency=""):
        return getattr(answer, "name", "") or ""

    class Meta:
        label = _("File")
        icon = "doc-full-inverse"
        description = _("An uploaded document or photo.")
        form_layout = question_layout("kinds", "max_size_mb")


COLUMN_KINDS = [("text", _("Text")), ("number", _("Number")), ("money", _("Money"))]


class ColumnBlock(blocks.StructBlock):
    label = blocks.CharBlock(label=_("Column"), max_length=100, help_text=_("The column's heading."))
    kind = blocks.ChoiceBlock(label=pgettext_lazy("table column", "Kind"), choices=COLUMN_KINDS, default="text")
    required = blocks.BooleanBlock(label=_("Required in each row"), required=False, default=True)
    key = KeyBlock()

    class Meta:
        label = _("Column")
        icon = "table"
        label_format = "{label}"
        form_layout = BlockGroup(children=["label", "kind", "required"], settings=["key"])


class RowsBlock(BaseQuestionBlock):
    columns = ColumnsBlock(ColumnBlock(), label=_("Columns"), help_text=_("One to six."), max_num=6)
    min_rows = blocks.IntegerBlock(label=_("Fewest rows"), default=1, min_value=0, max_value=50)
    max_rows = blocks.IntegerBlock(label=_("Most rows"), default=20, min_value=1, max_value=50)

    def make_field(self, value):
        columns = [
            {"key": c["key"], "label": c["label"], "kind": c["kind"], "required": c.get("required", True)}
            for c in value["columns"]
        ]
        return fields.RowsField(
            columns=columns,
            min_rows=value.get("min_rows") or 0,
            max_rows=value.get("max_rows") or 20,
            **self.field_kwargs(value),
        )

    def display(self, value, answer, currency=""):
        if not answer:
            return ""
        kinds = {c["key"]: c["kind"] for c in value["columns"]}
        lines = []
        for row in answer:
            cells = []
            for key, cell in row.items():
                cells.append(
                    format_money(cell, currency) if kinds.get(key) == "money" else str(cell if cell is not None else "")
                )
            lines.append(" · ".join(cells))
        return "\n".join(lines)

    class Meta:
        label = _("Repeatable rows (table)")
        icon = "table"
        description = _("A table the applicant fills row by row: a budget, a plan.")
        form_layout = question_layout("columns", "min_rows", "max_rows")


class KeyedStreamBlock(blocks.StreamBlock):
    """A stream whose children carry keys from their block ids (``keys.settle``), unique in it.

    Subclasses name the key ``prefix`` and the message for two children with one key."""

    prefix = keys.PREFIXES["question"]
    duplicate_message = _("Two questions have the same key: %(keys)s.")

    def clean(self, value):
        value = super().clean(value)
        keys.settle(value, self.prefix)
        duplicates = keys.duplicates(value)
        if duplicates:
            raise blocks.StreamBlockValidationError(
                non_block_errors=ValidationError(self.duplicate_message % {"keys": ", ".join(duplicates)})
            )
        return value


class QuestionsBlock(KeyedStreamBlock):
    short_text = ShortTextBlock()
    long_text = LongTextBlock()
    number = NumberBlock()
    money = MoneyBlock()
    date = DateBlock()
    single_choice = SingleChoiceBlock()
    multiple_choice = MultipleChoiceBlock()
    yes_no = YesNoBlock()
    file = FileQuestionBlock()
    rows = RowsBlock()


class StepBlock(blocks.StructBlock):
    title = blocks.CharBlock(
        label=_("Step title"), max_length=120, help_text=_("The heading of this page of the form.")
    )
    intro = blocks.TextBlock(
        label=_("Introduction"), required=False, max_length=1000, help_text=_("A sentence or two above the questions.")
    )
    questions = QuestionsBlock(label=_("Questions"), help_text=_("Add at least one question."))
    key = KeyBlock(help_text=_("Set automatically when the page is saved; also the step's address. Never changed."))

    def clean(self, value):
        value = super().clean(value)
        # checked when publishing only: a step just added has no question yet, and that is fine
        if not self.is_deferred_validation and not len(value["questions"]):
            raise StructBlockValidationError(
                block_errors={"questions": ValidationError(_("Add at least one question to this step."))}
            )
        return value

    class Meta:
        icon = "list-ol"
        label = _("Step")
        label_format = "{title}"
        form_layout = BlockGroup(children=["title", "intro", "questions"], settings=["key"])


class FormStepsBlock(blocks.StreamBlock):
    step = StepBlock()

    def clean(self, value):
        value = super().clean(value)
        keys.settle(value, keys.PREFIXES["step"])
        duplicates = keys.duplicates(value)
        if duplicates:
            raise blocks.StreamBlockValidationError(
                non_block_errors=ValidationError(
                    _("Two steps have the same key: %(keys)s.") % {"keys": ", ".join(duplicates)}
                )
            )
        return value


def settle_form_keys(old_value, new_value):
    """Keys of the new version, kept from the old one; messages for keys someone tried to change."""
    return [
        _("The key “%(old)s” was changed to “%(new)s”; keys cannot change once set.") % {"old": old, "new": new}
        for old, new in keys.settle_form(new_value, old_value)
    ]
