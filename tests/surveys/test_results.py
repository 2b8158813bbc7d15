"""The results staff read: counts, % and means against figures computed by hand; filters; the export."""

import io

import pytest
from openpyxl import load_workbook

from surveys.exporting import export_answers
from surveys.models import SurveyResponse
from surveys.results import bar_chart, summarise

pytestmark = pytest.mark.django_db

# four answers: hand-computed figures below
ANSWERS = [
    (
        "burli",
        "ngo",
        {
            "who": "ngo",
            "district": "burli",
            "topics": ["t_project", "t_funding"],
            "format": "f_webinar",
            "confidence": 2,
        },
    ),
    (
        "burli",
        "initiative",
        {
            "who": "initiative",
            "district": "burli",
            "topics": ["t_project"],
            "format": "f_district",
            "confidence": 4,
            "obstacle": "Нет помещения",
        },
    ),
    (
        "taskala",
        "ngo",
        {
            "who": "ngo",
            "district": "taskala",
            "topics": ["other"],
            "topics__other": "Работа с акиматом",
            "format": "f_webinar",
            "confidence": 5,
        },
    ),
    (
        "syrym",
        "ngo",
        {"who": "ngo", "district": "syrym", "topics": ["t_project", "t_media"], "format": "f_webinar", "confidence": 1},
    ),
]


@pytest.fixture
def answered(survey):
    for district, who, answers in ANSWERS:
        SurveyResponse.objects.create(
            form_key=survey.translation_key, page=survey, answers=answers, district_code=district, respondent_type=who
        )
    return survey


def by_key(sections):
    return {q.key: q for _title, questions in sections for q in questions}


def test_counts_percentages_and_means_match_a_hand_count(answered):
    """Protects the figures that choose the training topics."""
    summary = by_key(summarise(answered.form_steps, SurveyResponse.objects.of_survey(answered)))
    topics = {row.key: (row.count, row.percent) for row in summary["topics"].rows}
    # 4 respondents: project 3 (75 %), funding 1 (25 %), media 1 (25 %), other 1 (25 %)
    assert topics == {"t_project": (3, 75.0), "t_funding": (1, 25.0), "t_media": (1, 25.0), "other": (1, 25.0)}
    assert summary["topics"].texts == ["Работа с акиматом"]
    formats = {row.key: (row.count, row.percent) for row in summary["format"].rows}
    assert formats == {"f_webinar": (3, 75.0), "f_district": (1, 25.0)}
    # (2 + 4 + 5 + 1) / 4 = 3.0; one answer each at 1, 2, 4, 5
    assert summary["confidence"].mean == 3.0
    assert [row.count for row in summary["confidence"].rows] == [1, 1, 0, 1, 1]
    assert summary["obstacle"].answered == 1 and summary["obstacle"].texts == ["Нет помещения"]
    assert {row.key: row.count for row in summary["who"].rows}["ngo"] == 3


def test_topics_are_ranked_by_demand(answered):
    """Protects the choice of training topics: the most asked-for first, "other" left out."""
    from surveys.results import ranked_topics

    topics = ranked_topics(summarise(answered.form_steps, SurveyResponse.objects.of_survey(answered)))
    assert [(row.key, row.count) for _question, row in topics] == [
        ("t_project", 3),
        ("t_media", 1),
        ("t_funding", 1),
    ]  # ties by label: Соцсети, Финансы


def test_filters_by_district_and_respondent_type(answered):
    """Protects the filtered view: Burli's NGOs are one answer with confidence 2."""
    answers = SurveyResponse.objects.of_survey(answered).filtered(district="burli", respondent_type="ngo")
    summary = by_key(summarise(answered.form_steps, answers))
    assert summary["confidence"].mean == 2.0 and summary["topics"].answered == 1


def test_the_chart_draws_bars_as_long_as_their_share(answered):
    """Protects the chart: 75 % is three times as long as 25 %, an empty answer draws nothing."""
    summary = by_key(summarise(answered.form_steps, SurveyResponse.objects.of_survey(answered)))
    bars = summary["topics"].chart()["bars"]
    assert bars[0]["length"] == pytest.approx(3 * bars[1]["length"])
    assert bar_chart([])["bars"] == []


def test_the_export_has_one_column_per_question_under_its_key(answered):
    """Protects the funder's spreadsheet: stable key headers, labels as values, formulas escaped."""
    SurveyResponse.objects.create(
        form_key=answered.translation_key, page=answered, answers={"obstacle": "=HYPERLINK(1)", "who": "ngo"}
    )
    content = export_answers(answered, SurveyResponse.objects.of_survey(answered).order_by("pk"))
    sheet = load_workbook(io.BytesIO(content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0]) == [
        "id",
        "submitted_at",
        "language",
        "duplicate",
        "crm_person",
        "who",
        "district",
        "topics",
        "topics__other",
        "format",
        "confidence",
        "obstacle",
    ]
    assert len(rows) == 6
    first = dict(zip(rows[0][5:], rows[1][5:], strict=True))
    assert first["topics"] == "Проект; Финансы" and first["confidence"] == 2 and first["district"].startswith("Бурлин")
    assert rows[5][11] == "'=HYPERLINK(1)"


def test_the_csv_export_opens_in_a_russian_excel(answered):
    """Protects coordinators on Excel: a BOM and semicolons."""
    text = export_answers(answered, SurveyResponse.objects.of_survey(answered), "csv")
    assert text.startswith("\ufeff") and "id;submitted_at" in text
