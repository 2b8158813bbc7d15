"""Big exports through django-import-export without its per-cell costs.

``QuickExport``, mixed into a Resource, finds each field's dehydrate method (or exporter)
once per export: import-export looks it up again for every cell, with a loop over all the
fields to find the field's name. Every value and header is formula-escaped on the way.

``FastXLSX`` is import-export's XLSX format written by XlsxWriter from the plain values:
tablib and openpyxl make an object per cell and serialise it through an XML tree, which
took about three times the CPU for a call's 2,000 applications of forty columns
(bench/bench_competition.py). The workbook is built in memory: a few thousand rows are a
few megabytes, and temporary files cost more than they save at that size.
"""

import io
import re
from functools import partial

from import_export.formats.base_formats import XLSX

from .formulas import escape_formula

# Excel refuses these in a sheet's name, and names longer than 31 characters.
SHEET_NAME_REFUSED = re.compile(r"[\[\]:*?/\\]")
WIDEST_COLUMN = 60  # characters: a long answer wraps in its cell instead of pushing the rest away
XLSX_OPTIONS = {
    "in_memory": True,
    # text stays text: never read as a formula, a number or a link, whatever it starts with
    "strings_to_formulas": False,
    "strings_to_numbers": False,
    "strings_to_urls": False,
}


class QuickExport:
    """For a ``resources.Resource``: the cells of a row without looking each field up again."""

    def export(self, queryset=None, **kwargs):
        self._cell_makers = None
        return super().export(queryset, **kwargs)

    def cell_makers(self, selected_fields=None, **kwargs):
        """One callable per exported field, in order, as ``export_field`` would choose it."""
        makers = []
        for field in self.get_export_fields(selected_fields):
            method = field.get_dehydrate_method(self.get_field_name(field))
            method = method if callable(method) else getattr(self, method, None)
            makers.append(method or partial(field.export, **kwargs))
        return makers

    def export_resource(self, instance, selected_fields=None, **kwargs):
        makers = getattr(self, "_cell_makers", None)
        if makers is None:
            makers = self._cell_makers = self.cell_makers(selected_fields, **kwargs)
        return [escape_formula(make(instance)) for make in makers]

    def get_export_headers(self, *args, **kwargs):
        return [escape_formula(str(header)) for header in super().get_export_headers(*args, **kwargs)]


class FastXLSX(XLSX):
    """The dataset as one sheet: its first ``header_rows`` rows (the headers, and any row the
    resource put under them) bold and kept in view when scrolling; numbers as numbers, text
    as text, empty cells empty. With ``fit_columns`` each column is as wide as its longest
    value (at most ``WIDEST_COLUMN`` characters), as tablib's format does."""

    def __init__(self, header_rows=1, fit_columns=False, encoding=None):
        super().__init__(encoding)
        self.header_rows = header_rows
        self.fit_columns = fit_columns

    def export_data(self, dataset, **kwargs):
        import xlsxwriter

        stream = io.BytesIO()
        workbook = xlsxwriter.Workbook(stream, XLSX_OPTIONS)
        sheet = workbook.add_worksheet(sheet_name(dataset.title))
        bold = workbook.add_format({"bold": True})
        rows = [dataset.headers, *dataset] if dataset.headers else list(dataset)
        for number, row in enumerate(rows):
            if number < self.header_rows:
                sheet.write_row(number, 0, row, bold)
            else:
                sheet.write_row(number, 0, row)
        if self.header_rows:
            sheet.freeze_panes(self.header_rows, 0)
        if self.fit_columns:
            for column, width in enumerate(column_widths(rows)):
                sheet.set_column(column, column, min(width, WIDEST_COLUMN))
        workbook.close()
        return stream.getvalue()


def sheet_name(title):
    return SHEET_NAME_REFUSED.sub("-", str(title or ""))[:31] or None


def column_widths(rows):
    widths = []
    for row in rows:
        for column, value in enumerate(row):
            width = 0 if value is None else len(str(value))
            if column == len(widths):
                widths.append(width)
            elif width > widths[column]:
                widths[column] = width
    return widths
