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


def field_anchor(field):
    """The id of the input an error summary link should focus (the first one of a group)."""
    auto_id = field.auto_id or field.html_name
    if field.widget_type == "rows":
        columns = getattr(field.field, "columns", None)
        return f"{auto_id}-0-{columns[0]['key']}" if columns else auto_id
    if field.widget_type in GROUP_WIDGETS:
        return f"{auto_id}_0"
    return auto_id


@register.inclusion_tag("multistep/error_summary.html")
def multistep_error_summary(form):
    """Every error of the step, each linked to its field (the GOV.UK error summary)."""
    items = [{"text": error, "anchor": ""} for error in form.non_field_errors()]
    for field in form.visible_fields():
        for error in field.errors:
            items.append({"text": f"{field.label}: {error}", "anchor": field_anchor(field)})
    return {"items": items}


@register.filter
def has_counters(form):
    """Whether a step has answers with a limit: only those load the counter script."""
    return any("data-limit" in field.field.widget_attrs(field.field.widget) for field in form.visible_fields())


@register.filter
def first_unfinished(step_rows):
    """The row of the first step not completed yet: where "Start"/"Continue" leads (None when all are)."""
    return next((row for row in step_rows if row["state"] != "completed"), None)


@register.filter
def state_label(state):
    from ..models import STATES

    return STATES.get(state, state)
