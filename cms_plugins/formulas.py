"""Formula escaping for every spreadsheet cell the site writes (CSV and XLSX exports).

A cell that Excel or LibreOffice would run as a formula — it starts with = + - @, a tab
or a carriage return — gets a leading apostrophe, so `=HYPERLINK(...)` typed by an
applicant shows as text in a coordinator's spreadsheet. Our importers remove it again.
"""

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def escape_formula(value):
    """``value`` made safe to write into a spreadsheet cell (non-strings pass unchanged)."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value
