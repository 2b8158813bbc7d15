"""Every answer of a survey to XLSX (or CSV) through django-import-export: one row an answer,
one column per question headed by its stable key (a column never moves or renames when
a label is edited or translated), choices written as their labels in the survey's language.
"""

from django.utils import timezone
from import_export import fields, resources

from cms_plugins.formulas import escape_formula

from .blocks import ScaleBlock, questions_of
from .forms import other_field_name

# (the district and "who answers" are questions of their own, exported under their keys)
FIXED_COLUMNS = ["id", "submitted_at", "language", "duplicate", "crm_person"]


def answer_text(block, value, answer):
    if answer in (None, "", []):
        return ""
    if isinstance(block, ScaleBlock):  # a number a spreadsheet can average
        return answer
    if hasattr(block, "choices"):
        labels = {str(k): str(v) for k, v in block.choices(value)}
        answers = answer if isinstance(answer, list) else [answer]
        return "; ".join(labels.get(str(a), str(a)) for a in answers)
    return answer


def survey_resource(page):
    """A Resource class for ``page``'s answers: the fixed columns, then each question (and its "other")."""
    attrs = {
        "id": fields.Field(attribute="pk", column_name="id"),
        "submitted_at": fields.Field(
            column_name="submitted_at",
            dehydrate_method=lambda r: timezone.localtime(r.submitted_at).strftime("%Y-%m-%d %H:%M"),
        ),
        "language": fields.Field(attribute="language", column_name="language"),
        "duplicate": fields.Field(attribute="duplicate_reason", column_name="duplicate"),
        "crm_person": fields.Field(attribute="person_id", column_name="crm_person"),
    }
    order = list(FIXED_COLUMNS)
    for _section, questions in questions_of(page.form_steps):
        for block, value in questions:
            key = value["key"]
            attrs[key] = fields.Field(
                column_name=key,
                dehydrate_method=lambda r, b=block, v=value, k=key: escape_formula(answer_text(b, v, r.answers.get(k))),
            )
            order.append(key)
            if value.get("allow_other"):
                other = other_field_name(key)
                attrs[other] = fields.Field(
                    column_name=other, dehydrate_method=lambda r, o=other: escape_formula(r.answers.get(o, ""))
                )
                order.append(other)

    class Meta:
        export_order = order

    attrs["Meta"] = Meta
    return type("SurveyResponseResource", (resources.Resource,), attrs)


def export_answers(page, responses, file_format="xlsx"):
    """The bytes (XLSX) or text (CSV with BOM and ";") of ``responses`` to ``page``."""
    dataset = survey_resource(page)().export(responses)
    if file_format == "csv":
        dataset_csv = dataset.export("csv", delimiter=";")
        return "\ufeff" + dataset_csv
    return dataset.export("xlsx")
