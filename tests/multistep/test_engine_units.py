"""The engine's pieces: keys, file sniffing, amounts, rows, translation segments."""

import copy
import io
import uuid
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation
from wagtail.blocks.struct_block import StructBlockValidationError

from cms_plugins.multistep import filetypes
from cms_plugins.multistep.blocks import (
    FormStepsBlock,
    KeyBlock,
    ShortTextBlock,
    SingleChoiceBlock,
    format_money,
    settle_form_keys,
)
from cms_plugins.multistep.fields import RowsField, parse_whole_number
from cms_plugins.multistep.steps import designed_steps


def one_step(question_key="", step_key="", options=None, step_id=None, question_id=None):
    """Raw FormStepsBlock data of one step with one choice question."""
    return [
        {
            "type": "step",
            "id": step_id or str(uuid.uuid4()),
            "value": {
                "key": step_key,
                "title": "Шаг",
                "intro": "",
                "questions": [
                    {
                        "type": "single_choice",
                        "id": question_id or str(uuid.uuid4()),
                        "value": {
                            "key": question_key,
                            "label": "Название проекта",
                            "help_text": "",
                            "required": True,
                            "options": options or [{"key": "", "label": "А"}, {"key": "", "label": "Б"}],
                        },
                    }
                ],
            },
        }
    ]


def test_empty_keys_follow_the_block_ids_not_the_labels():
    """A new step, question and option get keys from their own ids: the same on every save."""
    block = FormStepsBlock()
    raw = one_step(step_id="3f9a1c2e-0000-4000-8000-000000000001", question_id="7b2d4e6f-0000-4000-8000-000000000002")
    first = block.clean(block.to_python(copy.deepcopy(raw)))
    again = block.clean(block.to_python(copy.deepcopy(raw)))
    step = first[0].value
    question = step["questions"][0].value
    assert step["key"] == "s_3f9a1c2e" and question["key"] == "q_7b2d4e6f"
    option_keys = [option["key"] for option in question["options"]]
    assert all(key.startswith("o_") and key.isascii() for key in option_keys) and len(set(option_keys)) == 2
    assert again[0].value["key"] == step["key"]
    saved = block.get_prep_value(first)
    resaved = block.get_prep_value(block.clean(block.to_python(copy.deepcopy(saved))))
    assert saved == resaved


def test_a_duplicated_block_gets_its_own_key():
    """Duplicating a question in the editor copies its (hidden) key; the copy gets a key of its own."""
    block = FormStepsBlock()
    raw = one_step(question_key="topic", options=[{"key": "same", "label": "А"}, {"key": "same", "label": "Б"}])
    questions = raw[0]["value"]["questions"]
    questions.append({**copy.deepcopy(questions[0]), "id": str(uuid.uuid4())})
    value = block.clean(block.to_python(raw))
    keys = [question.value["key"] for question in value[0].value["questions"]]
    assert keys[0] == "topic" and keys[1].startswith("q_")
    options = [option["key"] for option in value[0].value["questions"][0].value["options"]]
    assert options[0] == "same" and options[1] != "same"


def test_options_and_columns_are_required_only_when_publishing():
    """A choice question just added shows no error while drafts save; publishing asks for two options."""
    block = SingleChoiceBlock()
    raw = {"key": "", "label": "Тема", "required": True, "options": []}
    block.defer_required_validation()
    try:
        block.clean(block.to_python(raw))
    finally:
        block.restore_deferred_validation()
    with pytest.raises(StructBlockValidationError):
        block.clean(block.to_python(raw))


def test_keys_are_not_offered_to_translators():
    """wagtail-localize extracts labels, never keys."""
    from wagtail_localize.segments.extract import StreamFieldSegmentExtractor

    block = FormStepsBlock()
    value = block.to_python(
        [
            {
                "type": "step",
                "id": "b1",
                "value": {
                    "key": "s_one",
                    "title": "Шаг",
                    "intro": "",
                    "questions": [
                        {
                            "type": "short_text",
                            "id": "b2",
                            "value": {
                                "key": "q_title",
                                "label": "Название",
                                "help_text": "",
                                "required": True,
                                "max_length": 50,
                            },
                        }
                    ],
                },
            }
        ]
    )
    field = type("F", (), {"stream_block": block})()
    segments = StreamFieldSegmentExtractor(field).handle_stream_block(value)
    texts = [segment.string.data if hasattr(segment, "string") else "" for segment in segments]
    assert "Название" in texts and "Шаг" in texts
    assert "q_title" not in texts and "s_one" not in texts
    assert KeyBlock().get_translatable_segments("x") == []


def test_saved_keys_never_change_and_a_changed_one_is_refused():
    """A key once saved stays; a different key posted for the same block is reported."""
    block = FormStepsBlock()
    raw = one_step(question_key="q_legacy1", step_key="s_legacy1")
    old = block.to_python(copy.deepcopy(raw))
    # the browser posts an empty key for a block it never got the key of: the saved one is kept
    raw[0]["value"]["questions"][0]["value"]["key"] = ""
    kept = block.to_python(copy.deepcopy(raw))
    assert not settle_form_keys(old, kept)
    assert kept[0].value["questions"][0].value["key"] == "q_legacy1"
    raw[0]["value"]["questions"][0]["value"]["key"] = "renamed"
    assert settle_form_keys(old, block.to_python(raw))


@pytest.mark.parametrize(
    ("name", "content", "kinds", "ok"),
    [
        ("a.pdf", b"%PDF-1.7\n", ["pdf"], True),
        ("a.pdf", b"MZ\x90", ["pdf"], False),
        ("a.jpg", b"\xff\xd8\xff\xe0rest", ["image"], True),
        ("a.png", b"\x89PNG\r\n\x1a\nrest", ["image"], True),
        ("a.heic", b"\x00\x00\x00\x18ftypheic\x00\x00", ["image"], True),
        ("a.png", b"%PDF-1.7", ["image"], False),
        ("a.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1rest", ["doc"], True),
        ("a.exe", b"%PDF-1.7", ["pdf"], False),
    ],
)
def test_files_are_checked_by_content(name, content, kinds, ok):
    """A file is accepted only when its bytes are what its name says."""
    assert (filetypes.check(io.BytesIO(content), name, kinds) is None) == ok


def test_docx_and_xlsx_are_told_apart_from_other_zips():
    """A ZIP named .docx must contain a Word document."""

    def zipped(member):
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            archive.writestr(member, "x")
        return buffer

    assert filetypes.check(zipped("word/document.xml"), "a.docx", ["doc"]) is None
    assert filetypes.check(zipped("xl/workbook.xml"), "a.xlsx", ["xls"]) is None
    assert filetypes.check(zipped("evil.sh"), "a.docx", ["doc"]) is not None


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("570 000", 570000),
        ("570\u202f000 ₸", 570000),
        ("570,000", 570000),
        ("1e9", None),
        ("", None),
        ("-5", -5),
        ("٣", None),
    ],
)
def test_amounts_are_read_as_people_write_them(text, number):
    """Spaces, commas and the tenge sign are fine; anything else is not a number."""
    assert parse_whole_number(text) == number


def test_money_is_shown_with_narrow_spaces():
    """570 000 ₸ as in the programme's documents."""
    assert format_money(570000, "₸") == "570\u202f000\u202f₸"


def test_rows_field_names_the_row_and_column_of_each_error():
    """A bad cell is reported as "Row 2, Amount"."""
    field = RowsField(
        columns=[
            {"key": "item", "label": "Item", "kind": "text"},
            {"key": "amount", "label": "Amount", "kind": "money"},
        ]
    )
    rows = field.widget.value_from_datadict(
        {"f-0-item": "A", "f-0-amount": "10", "f-1-item": "B", "f-1-amount": "ten", "f-2-item": "", "f-2-amount": ""},
        {},
        "f",
    )
    assert len(rows) == 2  # the empty row is ignored
    with translation.override("en"), pytest.raises(ValidationError) as error:
        field.clean(rows)
    assert "Row 2, Amount" in str(error.value.messages)


def test_designed_steps_build_forms_keyed_by_machine_keys():
    """Each editor step becomes a form whose fields are named by the question keys."""
    from tests.grants.factories import DESIGNED_STEPS

    steps = designed_steps(FormStepsBlock().to_python(DESIGNED_STEPS))
    assert [step.key for step in steps] == ["project", "plan"]
    assert list(steps[0].form_class.base_fields) == [
        "project_title",
        "problem",
        "people",
        "start",
        "topic",
        "partners",
        "first_time",
    ]


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("ru", ["Шаг", "Вопрос", "Подсказка", "Вариант", "Столбец"]),
        ("kk", ["Қадам", "Сұрақ", "Кеңес", "Нұсқа", "Баған"]),
        ("en", ["Step", "Question", "Hint", "Option", "Column"]),
    ],
)
def test_the_editor_names_each_part_in_the_coordinators_language(language, words):
    """Step, question, hint, option and column are labelled in ru/kk/en; questions fold to their wording."""
    from cms_plugins.multistep.blocks import ChoiceOptionBlock, ColumnBlock, StepBlock

    question = ShortTextBlock()
    with translation.override(language):
        labels = [
            str(StepBlock().label),
            str(question.child_blocks["label"].label),
            str(question.child_blocks["help_text"].label),
            str(ChoiceOptionBlock().label),
            str(ColumnBlock().label),
        ]
    assert labels == words
    assert question.meta.collapsed and question.meta.label_format == "{label}"
    assert "key" in question.meta.form_layout.settings and "key" not in question.meta.form_layout.children
