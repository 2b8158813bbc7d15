"""Files for the demo manuals, written here so that nothing is downloaded or copied.

A PDF is one drawn A5 page (Pillow writes it); its text needs a font with Cyrillic
letters, DejaVu where the system has it, else the English lines are drawn. A template
is an XLSX sheet (openpyxl) whose amounts are formulas.
"""

import io
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

FONT_PATHS = ["/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "/usr/share/fonts/dejavu/DejaVuSans.ttf"]


def _font(size):
    for path in FONT_PATHS:
        if Path(path).exists():
            return ImageFont.truetype(path, size)
    return None


def pdf_bytes(title, lines, fallback_title, fallback_lines, seed=0):
    """One A5 page (420×595 points) with a coloured band, the title and numbered lines."""
    font, small = _font(22), _font(15)
    if font is None:  # no Cyrillic font here: English words rather than empty boxes
        title, lines = fallback_title, fallback_lines
        font, small = ImageFont.load_default(size=22), ImageFont.load_default(size=15)
    page = Image.new("RGB", (840, 1190), "white")
    draw = ImageDraw.Draw(page)
    draw.rectangle([0, 0, 840, 150], fill=(30 + seed * 20 % 80, 90, 140))
    y = 200
    for chunk in _wrap(title, 40):
        draw.text((60, y), chunk, font=font, fill=(20, 20, 20))
        y += 34
    y += 30
    for number, line in enumerate(lines, start=1):
        for index, chunk in enumerate(_wrap(line, 60)):
            draw.text((60, y), f"{number}. {chunk}" if index == 0 else f"    {chunk}", font=small, fill=(40, 40, 40))
            y += 26
        y += 10
    buffer = io.BytesIO()
    page.save(buffer, "PDF", resolution=144)
    return buffer.getvalue()


def _wrap(text, width):
    words, line, lines = text.split(), "", []
    for word in words:
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return [*lines, line] if line else lines


def xlsx_bytes(title, headers, rows=5, limit=570000):
    """A budget sheet: headers, empty lines whose amount is quantity × price, a total and the limit."""
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Budget"
    sheet.append([title])
    sheet.append(headers)
    for row in range(3, 3 + rows):
        sheet.append(["", None, None, f"=B{row}*C{row}"])
    last = 2 + rows
    sheet.append(["", "", "", f"=SUM(D3:D{last})"])
    sheet.append(["", "", "", limit])
    for column, width in zip("ABCD", (40, 12, 14, 16), strict=True):
        sheet.column_dimensions[column].width = width
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
