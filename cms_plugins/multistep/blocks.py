"""What editors build forms from: steps of questions, as StreamField data.

Every question and step has a machine ``key``: the name its answer is stored under.
It never comes from the label (labels change and are translated); when an editor
leaves it empty a short random id is filled in, and once a form has been saved the
key of an existing question cannot change (see ``check_keys_unchanged``).
Keys are not offered to translators (``get_translatable_segments`` returns nothing).
"""

import re
import secrets
import string

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError

from cms_plugins.formatting import format_date, format_money

from . import fields, filetypes

KEY_PATTERN = re.compile(r"^[a-z][a-z0-9_]{0,39}$")
RESERVED_KEYS = {"tasks", "start", "resume", "submitted", "done", "new-link"}


def new_key(prefix="q"):
    alphabet = string.ascii_lowercase + string.digits
    return f"{prefix}_" + "".join(secrets.choice(alphabet) for _ in range(6))


def validate_key(value):
    if value and (not KEY_PATTERN.match(value) or value in RESERVED_KEYS):
        raise ValidationError(
            _("Use 1 to 40 small Latin letters, digits or “_”, starting with a letter (for example budget_total).")
        )


class KeyBlock(blocks.CharBlock):
    """A machine key: not translatable, filled in when left empty."""

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("max_length", 40)
        kwargs.setdefault("validators", [validate_key])
        kwargs.setdefault(
            "help_text",
            _("Machine name the answer is stored under. Leave empty to get one; never change it once people answered."),
        )
        kwargs.setdefault("label", _("Key"))
        super().__init__(**kwargs)

    # wagtail-localize: keys are copied to translations, never translated
    def get_translatable_segments(self, value):
        return []

    def restore_translated_segments(self, value, segments):
        return value


class BaseQuestionBlock(blocks.StructBlock):
    key = KeyBlock()
    label = blocks.CharBlock(label=_("Question"), max_length=255)
    help_text = blocks.TextBlock(
        label=_("Hint"), required=False, max_length=600, help_text=_("Shown under the question.")
    )
    required = blocks.BooleanBlock(label=_("Required"), required=False, default=True)

    key_prefix = "q"

    def clean(self, value):
        value = super().clean(value)
        if not value.get("key"):
            value["key"] = new_key(self.key_prefix)
        return value

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


class ShortTextBlock(BaseQuestionBlock):
    max_length = blocks.IntegerBlock(label=_("Most characters"), default=255, min_value=1, max_value=255)

    def make_field(self, value):
        return forms.CharField(max_length=value.get("max_length") or 255, **self.field_kwargs(value))

    class Meta:
        label = _("Short text")
        icon = "pilcrow"


class LongTextBlock(BaseQuestionBlock):
    max_length = blocks.IntegerBlock(
        label=_("Most characters"), default=2000, min_value=1, max_value=10000, help_text=_("Stated next to the field.")
    )

    def make_field(self, value):
        limit = value.get("max_length") or 2000
        field = forms.CharField(widget=forms.Textarea(attrs={"rows": 6}), **self.field_kwargs(value))
        field.validators.append(MaxLengthValidator(limit))
        field.limit_text = _("Up to %(count)s characters.") % {"count": limit}
        field.widget.attrs["maxlength"] = str(limit)
        return field

    class Meta:
        label = _("Long text")
        icon = "doc-full"


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


class MoneyBlock(NumberBlock):
    field_class = fields.MoneyField

    def display(self, value, answer, currency=""):
        if answer in (None, ""):
            return ""
        return format_money(answer, currency)

    class Meta:
        label = _("Money (whole units)")
        icon = "tag"


class DateBlock(BaseQuestionBlock):
    def make_field(self, value):
        return forms.DateField(widget=forms.DateInput(attrs={"type": "date"}), **self.field_kwargs(value))

    def display(self, value, answer, currency=""):
        return format_date(answer) if hasattr(answer, "isoformat") else str(answer or "")

    class Meta:
        label = _("Date")
        icon = "date"


class ChoiceOptionBlock(blocks.StructBlock):
    key = KeyBlock(help_text=_("Machine name of this option. Leave empty to get one."))
    label = blocks.CharBlock(label=_("Option"), max_length=255)


class SingleChoiceBlock(BaseQuestionBlock):
    options = blocks.ListBlock(ChoiceOptionBlock(), label=_("Options"), min_num=2)
    multiple = False

    def clean(self, value):
        for option in value.get("options") or []:
            if not option.get("key"):
                option["key"] = new_key("o")
        value = super().clean(value)
        keys = [option["key"] for option in value["options"]]
        if len(keys) != len(set(keys)):
            raise StructBlockValidationError(
                block_errors={"options": ValidationError(_("Two options have the same key."))}
            )
        return value

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


class MultipleChoiceBlock(SingleChoiceBlock):
    multiple = True

    class Meta:
        label = _("Multiple choice")
        icon = "list-ul"


YES_NO = [("yes", _("Yes")), ("no", _("No"))]


class YesNoBlock(BaseQuestionBlock):
    def make_field(self, value):
        return forms.ChoiceField(choices=YES_NO, widget=forms.RadioSelect, **self.field_kwargs(value))

    def display(self, value, answer, currency=""):
        return str(dict(YES_NO).get(answer, ""))

    class Meta:
        label = _("Yes / no")
        icon = "tick"


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


COLUMN_KINDS = [("text", _("Text")), ("number", _("Number")), ("money", _("Money"))]


class ColumnBlock(blocks.StructBlock):
    key = KeyBlock(help_text=_("Machine name of this column. Leave empty to get one."))
    label = blocks.CharBlock(label=_("Column"), max_length=100)
    kind = blocks.ChoiceBlock(label=pgettext_lazy("table column", "Kind"), choices=COLUMN_KINDS, default="text")
    required = blocks.BooleanBlock(label=_("Required in each row"), required=False, default=True)


class RowsBlock(BaseQuestionBlock):
    columns = blocks.ListBlock(ColumnBlock(), label=_("Columns"), min_num=1, max_num=6)
    min_rows = blocks.IntegerBlock(label=_("Fewest rows"), default=1, min_value=0, max_value=50)
    max_rows = blocks.IntegerBlock(label=_("Most rows"), default=20, min_value=1, max_value=50)

    def clean(self, value):
        for column in value.get("columns") or []:
            if not column.get("key"):
                column["key"] = new_key("c")
        return super().clean(value)

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


class QuestionsBlock(blocks.StreamBlock):
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
    key = KeyBlock(help_text=_("Machine name of the step (also its address). Leave empty to get one."))
    title = blocks.CharBlock(label=_("Step title"), max_length=120)
    intro = blocks.TextBlock(label=_("Introduction"), required=False, max_length=1000)
    questions = QuestionsBlock(label=_("Questions"), min_num=1)

    def clean(self, value):
        value = super().clean(value)
        if not value.get("key"):
            value["key"] = new_key("s")
        keys = [child.value["key"] for child in value["questions"]]
        duplicates = {key for key in keys if keys.count(key) > 1}
        if duplicates:
            raise StructBlockValidationError(
                block_errors={
                    "questions": ValidationError(
                        _("Two questions have the same key: %(keys)s.") % {"keys": ", ".join(sorted(duplicates))}
                    )
                }
            )
        return value

    class Meta:
        icon = "list-ol"
        label = _("Step")


class FormStepsBlock(blocks.StreamBlock):
    step = StepBlock()

    def clean(self, value):
        value = super().clean(value)
        keys = [child.value["key"] for child in value]
        duplicates = {key for key in keys if keys.count(key) > 1}
        if duplicates:
            raise blocks.StreamBlockValidationError(
                non_block_errors=ValidationError(
                    _("Two steps have the same key: %(keys)s.") % {"keys": ", ".join(sorted(duplicates))}
                )
            )
        return value


def question_keys(stream_value):
    """{block id: key} of every step and question in a FormStepsBlock value."""
    keys = {}
    for step in stream_value or []:
        keys[step.id] = step.value["key"]
        for question in step.value["questions"]:
            keys[question.id] = question.value["key"]
    return keys


def check_keys_unchanged(old_value, new_value):
    """Messages for steps/questions whose key was changed after it was set once."""
    old = question_keys(old_value)
    return [
        _("The key “%(old)s” was changed to “%(new)s”; keys cannot change once set.")
        % {"old": old[block_id], "new": key}
        for block_id, key in question_keys(new_value).items()
        if old.get(block_id) and old[block_id] != key
    ]
