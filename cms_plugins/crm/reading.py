"""Read a spreadsheet as people save it: CSV in UTF-8 (with or without BOM) or
Windows-1251, delimited by , ; or tab, or an XLSX workbook (first sheet).

Every row keeps the line number a person sees in their spreadsheet program; blank
rows are skipped but still counted.
"""

import csv
import datetime as dt
import io
import json
import zipfile
from dataclasses import dataclass, field

from django.conf import settings
from django.utils.translation import gettext as _

XLSX_MAGIC = b"PK\x03\x04"
DELIMITERS = [",", ";", "\t"]
DEFAULT_MAX_ROWS = 100_000
DEFAULT_MAX_UNPACKED_BYTES = 200 * 1024 * 1024


def max_rows():
    """Rows a file may have (``CRM_IMPORT_MAX_ROWS``): a spreadsheet of a whole country fits."""
    return getattr(settings, "CRM_IMPORT_MAX_ROWS", DEFAULT_MAX_ROWS)


def max_unpacked_bytes():
    """What an XLSX may unpack to (``CRM_IMPORT_MAX_UNPACKED_BYTES``): a tiny zip can hold gigabytes."""
    return getattr(settings, "CRM_IMPORT_MAX_UNPACKED_BYTES", DEFAULT_MAX_UNPACKED_BYTES)


def too_many_rows():
    return UnreadableFile(
        _("The file has more than %(rows)s rows. Split it into smaller files and import them one by one.")
        % {"rows": f"{max_rows():,}".replace(",", " ")}
    )


class UnreadableFile(ValueError):
    """The file cannot be read as a spreadsheet at all (not a row problem)."""


@dataclass
class Table:
    headers: list
    rows: list  # (line number, list of cell values)
    file_format: str  # "csv" or "xlsx"
    encoding: str = ""
    delimiter: str = ""
    blank_rows: int = 0
    notes: list = field(default_factory=list)
    title: str = ""  # a sheet title above the headers ("Реестр НПО на 01.10.2025"), skipped
    header_line: int = 1


def decode(data):
    """(text, encoding): UTF-8 with BOM, UTF-8, else Windows-1251."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1251"), "windows-1251"
    except UnicodeDecodeError as error:  # 0x98 is the one byte cp1251 leaves undefined
        raise UnreadableFile(_("The file is neither UTF-8 nor Windows-1251 text.")) from error


def sniff_delimiter(text):
    """The delimiter that splits the header line into the most cells, consistently."""
    lines = [line for line in text.splitlines()[:20] if line.strip()]
    if not lines:
        return ","
    best, best_score = ",", -1
    for delimiter in DELIMITERS:
        counts = [len(next(csv.reader([line], delimiter=delimiter))) for line in lines[:5]]
        header_cells = counts[0]
        if header_cells < 2:
            continue
        # Prefer delimiters that give the header's number of cells on the next lines too.
        score = header_cells * 10 + sum(1 for c in counts[1:] if c == header_cells)
        if score > best_score:
            best, best_score = delimiter, score
    return best


TITLE_ROWS = 5


def is_title_row(cells, line):
    """A row above the headers with one filled cell that is no column name: the sheet's title.

    Registers exported from offices start with "Реестр НПО ... на 01.10.2025" merged across
    the columns; reading it as the headers would refuse every column of the file."""
    from .columns import is_known_header

    filled = [str(cell).strip() for cell in cells if str(cell).strip()]
    return line <= TITLE_ROWS and len(filled) == 1 and not is_known_header(filled[0])


def read_csv(data):
    text, encoding = decode(data)
    delimiter = sniff_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    headers, rows, blank, line, limit = None, [], 0, 1, max_rows()
    title, header_line = "", 1
    while True:
        line = reader.line_num + 1
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            raise UnreadableFile(
                _("Line %(line)s cannot be read: %(error)s") % {"line": line, "error": error}
            ) from error
        if not any(cell.strip() for cell in cells):
            if headers is not None:
                blank += 1
            continue
        if headers is None and not title and is_title_row(cells, line):
            title = next(cell.strip() for cell in cells if cell.strip())
            continue
        if headers is None:
            headers, header_line = cells, line
            continue
        if len(rows) >= limit:
            raise too_many_rows()
        rows.append((line, cells))
    if headers is None:
        raise UnreadableFile(_("The file is empty."))
    return Table(
        headers,
        rows,
        "csv",
        encoding=encoding,
        delimiter=delimiter,
        blank_rows=blank,
        title=title,
        header_line=header_line,
    )


def check_unpacked_size(data):
    """Refuse an XLSX whose parts unpack to more than the limit, before unpacking any."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, ValueError) as error:
        raise UnreadableFile(_("The workbook cannot be opened: it may be damaged or not an XLSX file.")) from error
    if unpacked > max_unpacked_bytes():
        raise UnreadableFile(
            _("The workbook unpacks to %(mb)s MB, more than the %(max)s MB allowed. Save it as CSV or split it.")
            % {"mb": unpacked // (1024 * 1024), "max": max_unpacked_bytes() // (1024 * 1024)}
        )


def read_xlsx(data):
    from openpyxl import load_workbook

    check_unpacked_size(data)
    try:
        # Read-only mode streams the sheet row by row instead of building it in memory.
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a damaged file
        raise UnreadableFile(_("The workbook cannot be opened: it may be damaged or not an XLSX file.")) from error
    try:
        sheet = workbook.worksheets[0]
        limit = max_rows()
        # The sheet's declared size refuses a huge file at once; counting below catches a false one.
        declared = sheet.max_row if isinstance(sheet.max_row, int) else 0
        if declared > limit + 1 and sheet.min_row == 1:
            raise too_many_rows()
        headers, rows, blank = None, [], 0
        title, header_line = "", 1
        for line, cells in enumerate(sheet.iter_rows(values_only=True), start=1):
            if line > limit + 1000:  # styled but empty rows count too: they cost the same to read
                raise too_many_rows()
            values = ["" if cell is None else cell for cell in cells]
            if not any(str(value).strip() for value in values):
                if headers is not None:
                    blank += 1
                continue
            if headers is None and not title and is_title_row(values, line):
                title = next(str(value).strip() for value in values if str(value).strip())
                continue
            if headers is None:
                headers, header_line = [str(value) for value in values], line
                continue
            if len(rows) >= limit:
                raise too_many_rows()
            rows.append((line, values))
    finally:
        workbook.close()
    if headers is None:
        raise UnreadableFile(_("The file is empty."))
    return Table(headers, rows, "xlsx", blank_rows=blank, title=title, header_line=header_line)


def read_table(data, file_name=""):
    """Read bytes of a CSV or XLSX file (told apart by content, not by name)."""
    if not data:
        raise UnreadableFile(_("The file is empty."))
    if data.startswith(XLSX_MAGIC):
        return read_xlsx(data)
    if file_name.lower().endswith((".xls",)) or data.startswith(b"\xd0\xcf\x11\xe0"):
        raise UnreadableFile(_("Old Excel files (.xls) are not supported: save the file as .xlsx or CSV."))
    return read_csv(data)


# --- a read table kept between the preview and the confirm ---------------------------
# The confirm may run on another app server; keeping the table already read (as JSON,
# never pickle) spares reading an XLSX twice, which is a third of a big import.


def _encode(value):
    """A cell JSON cannot hold (text, numbers, booleans and None it writes itself)."""
    if isinstance(value, dt.datetime):
        return {"dt": value.isoformat()}
    if isinstance(value, dt.date):
        return {"d": value.isoformat()}
    return str(value)  # times, durations: as text, which is how the importer reads them


def _decode(value):
    """An object in a stored row: only the dates ``_encode`` wrote."""
    if "dt" in value:
        return dt.datetime.fromisoformat(value["dt"])
    if "d" in value:
        return dt.date.fromisoformat(value["d"])
    raise _damaged()


# One encoder, whose hook sees only the cells JSON cannot hold (not one call a cell).
_ENCODER = json.JSONEncoder(ensure_ascii=False, default=_encode)


def table_to_json(table):
    """The table as JSON Lines: a first line with the headers and how the file was read,
    then one line per row, so a background import can read it a row at a time."""
    meta = {
        "headers": [str(h) for h in table.headers],
        "row_count": len(table.rows),
        "file_format": table.file_format,
        "encoding": table.encoding,
        "delimiter": table.delimiter,
        "blank_rows": table.blank_rows,
        "title": table.title,
        "header_line": table.header_line,
    }
    lines = [json.dumps(meta, ensure_ascii=False)]
    lines.extend(map(_ENCODER.encode, table.rows))
    return "\n".join(lines).encode("utf-8")


def _damaged():
    return UnreadableFile(_("The stored upload is damaged; please upload the file again."))


def _table(meta, rows):
    return Table(
        headers=list(meta["headers"]),
        rows=rows,
        file_format=meta["file_format"],
        encoding=meta.get("encoding", ""),
        delimiter=meta.get("delimiter", ""),
        blank_rows=int(meta.get("blank_rows", 0)),
        title=str(meta.get("title", "")),
        header_line=int(meta.get("header_line", 1)),
    )


def _row(text):
    line, cells = json.loads(text, object_hook=_decode)
    return int(line), cells


def table_from_json(data):
    """The whole table from ``table_to_json``'s bytes."""
    try:
        first, _newline, rest = data.partition(b"\n")
        # One JSON array of the row lines: one parse, not one per row.
        rows = json.loads(
            b"[" + b",".join(text for text in rest.splitlines() if text.strip()) + b"]", object_hook=_decode
        )
        return _table(json.loads(first), [(int(line), cells) for line, cells in rows])
    except (ValueError, KeyError, TypeError) as error:
        raise _damaged() from error


class StoredRows:
    """The rows of a stored table, read from storage a line at a time on each pass
    (``len()`` from the first line), so a 100,000-row file is never in memory at once."""

    def __init__(self, open_file, count):
        self.open_file = open_file
        self.count = count

    def __len__(self):
        return self.count

    def __iter__(self):
        with self.open_file() as handle:
            handle.readline()
            # readline(), not iteration: iterating a Django File starts again from the top.
            for text in iter(handle.readline, b""):
                if text.strip():
                    try:
                        yield _row(text)
                    except (ValueError, KeyError, TypeError) as error:
                        raise _damaged() from error


def stored_table(open_file):
    """A Table whose rows stay in storage: ``open_file()`` opens ``table_to_json``'s bytes."""
    try:
        with open_file() as handle:
            meta = json.loads(handle.readline())
        return _table(meta, StoredRows(open_file, int(meta["row_count"])))
    except (ValueError, KeyError, TypeError) as error:
        raise _damaged() from error
