"""The ranking as an XLSX workbook, through a django-import-export Resource (every cell formula-escaped)."""

from django.utils.translation import gettext_lazy as _
from import_export import fields, resources, widgets

from cms_plugins.spreadsheets import FastXLSX, QuickExport

NUMBER = widgets.IntegerWidget(coerce_to_string=False)
DECIMAL = widgets.DecimalWidget(coerce_to_string=False)


class RankingResource(QuickExport, resources.Resource):
    rank = fields.Field(attribute="rank", column_name=_("Rank"), widget=NUMBER)
    reference = fields.Field(attribute="application__reference", column_name=_("Reference"))
    organisation = fields.Field(attribute="application__organisation_name", column_name=_("Organisation or group"))
    district = fields.Field(attribute="application__district_code", column_name=_("District"))
    project = fields.Field(attribute="application__project_title", column_name=_("Project title"))
    status = fields.Field(column_name=_("Status"))
    mean = fields.Field(attribute="mean", column_name=_("Weighted mean"), widget=DECIMAL)
    reviews = fields.Field(attribute="reviews", column_name=_("Reviews"), widget=NUMBER)
    spread = fields.Field(attribute="spread", column_name=_("Spread"), widget=DECIMAL)
    disagreement = fields.Field(column_name=_("Strong disagreement"))
    requested = fields.Field(attribute="application__requested_amount", column_name=_("Requested (₸)"), widget=NUMBER)
    running_total = fields.Field(attribute="running_total", column_name=_("Running total (₸)"), widget=NUMBER)
    awarded = fields.Field(attribute="application__awarded_amount", column_name=_("Awarded (₸)"), widget=NUMBER)

    def dehydrate_status(self, row):
        return row.status_label

    def dehydrate_disagreement(self, row):
        return str(_("yes")) if row.disagreement else ""


def ranking_xlsx(rows, title):
    dataset = RankingResource().export(rows)
    dataset.title = str(title)
    return FastXLSX(header_rows=1, fit_columns=True).export_data(dataset)
