"""The font every PDF the site writes uses: DejaVu Sans, which has the Kazakh letters.

Debian's fonts-dejavu-core puts it in /usr/share/fonts/truetype/dejavu; ``PDF_FONT_DIR``
points elsewhere. A missing font raises FileNotFoundError when a PDF is made, which each
caller answers with a message rather than a 500.
"""

from pathlib import Path

from django.conf import settings

DEFAULT_FONT_DIR = "/usr/share/fonts/truetype/dejavu"
FAMILY = "DejaVu"


def font_dir():
    return Path(getattr(settings, "PDF_FONT_DIR", DEFAULT_FONT_DIR))


def add_fonts(pdf):
    """Register DejaVu Sans (regular and bold) on an fpdf2 document as the family ``FAMILY``."""
    pdf.add_font(FAMILY, "", str(font_dir() / "DejaVuSans.ttf"))
    pdf.add_font(FAMILY, "B", str(font_dir() / "DejaVuSans-Bold.ttf"))
    return FAMILY


def fonts_installed():
    return all((font_dir() / name).is_file() for name in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"))
