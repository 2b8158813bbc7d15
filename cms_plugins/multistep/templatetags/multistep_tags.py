from django import template

register = template.Library()

GROUP_WIDGETS = {"radioselect", "checkboxselectmultiple", "rows"}


@register.inclusion_tag("multistep/field.html")
def multistep_field(field, show_errors=True):
    """A field with its label, hint, limits and errors, all linked by aria-describedby."""
    auto_id = field.auto_id or field.html_name
    hint = field.help_text
    limits = getattr(field.field, "limit_text", "") or (
        field.field.limits_text() if hasattr(field.field, "limits_text") else ""
    )
    errors = field.errors if show_errors else []
    described = []
    if hint:
        described.append(f"{auto_id}_hint")
    if limits:
        described.append(f"{auto_id}_limits")
    if errors:
        described.append(f"{auto_id}_errors")
    attrs = {}
    if described:
        attrs["aria-describedby"] = " ".join(described)
    if errors:
        attrs["aria-invalid"] = "true"
    group = field.widget_type in GROUP_WIDGETS
    # A lone checkbox sits beside its text (a declaration), not under a bold label.
    checkbox = field.widget_type == "checkbox"
    return {
        "field": field,
        "auto_id": auto_id,
        "hint": hint,
        "limits": limits,
        "errors": errors,
        "group": group,
        "checkbox": checkbox,
        "describedby": attrs.get("aria-describedby", ""),
        "widget_html": field.as_widget(attrs=attrs),
    }


@register.filter
def first_unfinished(step_rows):
    """The row of the first step not completed yet: where "Start"/"Continue" leads (None when all are)."""
    return next((row for row in step_rows if row["state"] != "completed"), None)


@register.filter
def state_label(state):
    from ..models import STATES

    return STATES.get(state, state)
