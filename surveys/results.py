"""What staff read from a survey's answers: per question counts and %, a scale's mean and
distribution, free texts, and bar charts drawn as SVG on the server (no script, no library).

Pure functions over the answer rows (one query loads them), so every figure can be
checked against hand-computed ones.
"""

from dataclasses import dataclass, field

from django.utils.formats import number_format
from django.utils.translation import gettext as _

from .blocks import (
    OTHER,
    DistrictQuestionBlock,
    RespondentTypeBlock,
    ScaleBlock,
    SurveyMultipleChoiceBlock,
    SurveySingleChoiceBlock,
    questions_of,
)
from .forms import other_field_name

CHOICE_BLOCKS = (SurveySingleChoiceBlock, SurveyMultipleChoiceBlock, DistrictQuestionBlock, RespondentTypeBlock)
# The chart's geometry (SVG user units): a label line above each bar.
CHART_WIDTH, ROW_HEIGHT, BAR_HEIGHT, LABEL_CHARS = 600, 40, 14, 80


@dataclass
class Row:
    key: str
    label: str
    count: int
    percent: float  # of the respondents who answered the question


@dataclass
class QuestionSummary:
    key: str
    label: str
    kind: str  # "choice", "scale" or "text"
    answered: int = 0
    rows: list = field(default_factory=list)
    mean: float | None = None
    texts: list = field(default_factory=list)
    multiple: bool = False

    def chart(self):
        return bar_chart(self.rows) if self.rows else None


def percent(part, whole):
    return round(100 * part / whole, 1) if whole else 0.0


def summarise(stream_value, responses):
    """[(section title, [QuestionSummary])] of the answers ``responses`` (SurveyResponse rows)."""
    answers = [response.answers for response in responses]
    sections = []
    for section, questions in questions_of(stream_value):
        sections.append((section["title"], [summarise_question(block, value, answers) for block, value in questions]))
    return sections


def summarise_question(block, value, answers):
    key = value["key"]
    given = [answer[key] for answer in answers if answer.get(key) not in (None, "", [])]
    summary = QuestionSummary(key=key, label=value["label"], kind="text", answered=len(given))
    if isinstance(block, CHOICE_BLOCKS):
        summary.kind = "choice"
        summary.multiple = isinstance(block, SurveyMultipleChoiceBlock)
        counts = {}
        for answer in given:
            for choice in answer if isinstance(answer, list) else [answer]:
                counts[choice] = counts.get(choice, 0) + 1
        summary.rows = [
            Row(option, str(label), counts.get(option, 0), percent(counts.get(option, 0), len(given)))
            for option, label in block.choices(value)
        ]
        # answers to options removed since (keys never reused) still count, under their key
        known = {row.key for row in summary.rows}
        summary.rows += [Row(k, k, n, percent(n, len(given))) for k, n in sorted(counts.items()) if k not in known]
        summary.texts = [answer[other_field_name(key)] for answer in answers if answer.get(other_field_name(key))]
    elif isinstance(block, ScaleBlock):
        summary.kind = "scale"
        numbers = [int(n) for n in given if str(n).isdigit()]
        labels = dict(block.choices(value))
        summary.rows = [
            Row(str(n), labels[str(n)], numbers.count(n), percent(numbers.count(n), len(numbers))) for n in range(1, 6)
        ]
        summary.answered = len(numbers)
        summary.mean = round(sum(numbers) / len(numbers), 2) if numbers else None
    else:
        summary.texts = [str(answer) for answer in given]
    return summary


def ranked_topics(sections):
    """The options of every multiple-choice question, most asked for first: the list the training
    topics are chosen from ("other" left out: its texts are read one by one)."""
    rows = [
        (question.label, row)
        for _title, questions in sections
        for question in questions
        if question.multiple
        for row in question.rows
        if row.key != OTHER and row.count
    ]
    return sorted(rows, key=lambda item: (-item[1].count, item[1].label))


def bar_chart(rows):
    """Rows as horizontal bars: {"width", "height", "bars": [...]} for the SVG template.

    Bars are as long as their share of the respondents (100 % = the full width), so
    charts of different questions compare at a glance.
    """
    bars = []
    for index, row in enumerate(rows):
        top = index * ROW_HEIGHT
        label = row.label if len(row.label) <= LABEL_CHARS else row.label[: LABEL_CHARS - 1] + "…"
        length = round(row.percent / 100 * (CHART_WIDTH - 90), 1)
        bars.append(
            {
                "label": label,
                "label_y": top + 13,
                "bar_y": top + 18,
                "length": length,
                "value_x": length + 6,
                "value_y": top + 30,
                "value": _("%(count)s (%(percent)s %%)")
                % {"count": row.count, "percent": number_format(row.percent, 1)},
            }
        )
    return {"width": CHART_WIDTH, "height": len(rows) * ROW_HEIGHT, "bars": bars, "bar_height": BAR_HEIGHT}
