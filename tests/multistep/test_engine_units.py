"""The engine's pieces: keys, file sniffing, amounts, rows, translation segments."""

import copy
import io
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
    check_keys_unchanged,
    format_money,
)
from cms_plugins.multistep.fields import RowsField, parse_whole_number
from cms_plugins.multistep.steps import designed_steps


def test_empty_key_is_filled_with_a_short_random_id_not_the_label():
    """Keys never come from (Cyrillic) labels."""
    block = ShortTextBlock()
    value = block.clean(block.to_python({"key": "", "label": "Название проекта", "required": True, "max_length": 100}))
    assert value["key"].startswith("q_") and len(value["key"]) == 8 and value["key"].isascii()


def test_option_keys_are_filled_and_must_differ():
    """Choice options get keys too, and two equal keys are refused."""
    block = SingleChoiceBlock()
    raw = {
        "key": "topic",
        "label": "Тема",
        "required": True,
        "options": [{"key": "", "label": "А"}, {"key": "", "label": "Б"}],
    }
    value = block.clean(block.to_python(raw))
    keys = [option["key"] for option in value["options"]]
    assert all(keys) and len(set(keys)) == 2
    raw["options"] = [{"key": "same", "label": "А"}, {"key": "same", "label": "Б"}]
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


def test_changed_key_is_reported():
    """A key set once cannot be changed by an editor."""
    block = FormStepsBlock()
    raw = [
        {
            "type": "step",
            "id": "b1",
            "value": {
                "key": "s1",
                "title": "T",
                "intro": "",
                "questions": [
                    {
                        "type": "yes_no",
                        "id": "b2",
                        "value": {"key": "q1", "label": "L", "help_text": "", "required": True},
                    }
                ],
            },
        }
    ]
    old = block.to_python(copy.deepcopy(raw))
    raw[0]["value"]["questions"][0]["value"]["key"] = "q2"
    new = block.to_python(raw)
    assert check_keys_unchanged(old, new)
    assert not check_keys_unchanged(old, old)


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
