"""The monitoring table for the funder: XLSX (or CSV) through a django-import-export Resource.

One row per indicator: key, name, unit, baseline, the year's target and value, its
share of the target, the four quarters, then one column per district (by code).
"""

from import_export import fields, resources

from cms_plugins.formulas import escape_formula

FIXED = ["key", "indicator", "unit", "baseline", "baseline_year", "target", "value", "percent_of_target"]


def monitoring_resource(districts):
    def column(name, read):
        return fields.Field(column_name=name, dehydrate_method=lambda value, read=read: escape_formula(read(value)))

    def number(x):
        return "" if x is None else float(x) if hasattr(x, "as_tuple") else x

    attrs = {
        "key": column("key", lambda v: v.key),
        "indicator": column("indicator", lambda v: str(v.indicator.name)),
        "unit": column("unit", lambda v: str(v.indicator.unit_label)),
        "baseline": column("baseline", lambda v: number(v.baseline)),
        "baseline_year": column("baseline_year", lambda v: v.baseline_year or ""),
        "target": column("target", lambda v: number(v.target)),
        "value": column("value", lambda v: number(v.value) if v.has_data else ""),
        "percent_of_target": column("percent_of_target", lambda v: "" if v.progress is None else v.progress),
    }
    order = list(FIXED)
    for quarter in range(1, 5):
        name = f"q{quarter}"
        attrs[name] = column(
            name, lambda v, q=quarter: number(v.by_quarter[q - 1]) if v.has_data and v.by_quarter else ""
        )
        order.append(name)
    for code in districts:
        attrs[code] = column(code, lambda v, c=code: number(v.by_district.get(c)) if v.has_data else "")
        order.append(code)

    class Meta:
        export_order = order

    attrs["Meta"] = Meta
    return type("MonitoringResource", (resources.Resource,), attrs)


def export_table(values, districts, file_format="xlsx"):
    dataset = monitoring_resource(districts)().export(values)
    if file_format == "csv":
        return "\ufeff" + dataset.export("csv", delimiter=";")
    return dataset.export("xlsx")
