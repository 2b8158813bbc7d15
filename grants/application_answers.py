"""An application's answers by the stable keys of the call's questions.

The application keeps a frozen copy of its answers (``answers``: one section per step, its
rows as [label, text] in the order the applicant saw them). The keys come from the call's
steps: each step's form lists its fields in that same order, so the n-th row of a section is
the n-th field of the step with the section's key. A step whose questions changed since the
submission (another number of rows) keeps its rows without keys rather than mislabelled.
"""

from .steps import call_steps


def question_columns(call):
    """[(step key, step title, [(question key, label), ...]), ...] of the call's question steps."""
    columns = []
    for step in call_steps(call):
        if step.kind != "questions":
            continue
        form = step.form_class(page=call, draft=None)
        columns.append((step.key, str(step.title), [(name, str(field.label)) for name, field in form.fields.items()]))
    return columns


def keyed_sections(application, columns):
    """The application's sections with each row as (key or "", label, text), keys as "step.question"."""
    keys = {step_key: [name for name, _label in fields] for step_key, _title, fields in columns}
    sections = []
    for section in application.answers or []:
        rows = section.get("rows") or []
        names = keys.get(section.get("key"), [])
        if len(names) != len(rows):
            names = [""] * len(rows)
        sections.append(
            {
                "key": section.get("key", ""),
                "step": section.get("step", ""),
                "rows": [
                    (f"{section.get('key')}.{name}" if name else "", label, text)
                    for name, (label, text) in zip(names, rows, strict=True)
                ],
            }
        )
    return sections


def answers_by_key(application, columns):
    """{"step.question": text} of the application (rows without a stable key are left out)."""
    return {
        key: text for section in keyed_sections(application, columns) for key, _label, text in section["rows"] if key
    }
