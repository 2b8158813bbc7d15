"""The programme's coverage of the region: meetings and NGOs by district, and a schematic map.

The shapes are our own schematic drawing of West Kazakhstan Region (not a survey):
each district roughly where it lies, Uralsk a circle inside Baiterek. The map is
plain SVG, every district a link; a table says the same for screen readers.
"""

from dataclasses import dataclass

from django.core.cache import cache
from django.utils.translation import get_language

from cms_plugins.locales import active_locale_id
from cms_plugins.pagecache import content_version
from cms_plugins.places.models import District
from cms_plugins.places.pages import district_page_urls, districts_by_code

from .sources import NOT_INSTALLED, district_figures, indicators

VIEWBOX = "0 0 600 470"

# district code: polygon points in the viewbox, and where its label goes
SHAPES = {
    "taskala": ("95,60 215,25 205,120 160,185 90,165", (150, 110)),
    "baiterek": ("215,25 360,20 380,110 300,150 205,120", (300, 120)),
    "terekti": ("360,20 470,30 480,120 380,110", (420, 70)),
    "burli": ("470,30 590,55 580,150 480,120", (530, 95)),
    "shyngyrlau": ("480,120 580,150 570,250 470,230", (525, 190)),
    "syrym": ("300,150 380,110 480,120 470,230 335,255", (395, 185)),
    "akzhaiyk": ("205,120 300,150 335,255 265,315 200,280 160,185", (260, 230)),
    "karatobe": ("335,255 470,230 460,340 365,365 265,315", (390, 305)),
    "zhanibek": ("10,185 90,165 110,270 20,295", (58, 235)),
    "bokeiorda": ("20,295 110,270 125,395 35,430", (72, 355)),
    "kaztalov": ("90,165 160,185 200,280 265,315 240,405 125,395 110,270", (180, 330)),
    "zhangala": ("125,395 240,405 265,315 365,365 310,460 150,460", (255, 420)),
}
CITY = {"uralsk": (290, 62, 20)}  # code: centre x, centre y, radius

UNIT_WORDS = {"район", "ауданы", "district", "г.а", "қаласы", "city", "ордасы"}
CACHE_SECONDS = 300


@dataclass
class DistrictCoverage:
    code: str
    name: str
    is_city: bool
    meetings: int
    organisations: int | None
    url: str | None
    points: str = ""
    label_x: int = 0
    label_y: int = 0
    circle: tuple | None = None

    @property
    def level(self):
        """0 nothing yet, 1 NGOs registered only, 2 meetings held, 3 meetings held and NGOs registered."""
        return (2 if self.meetings else 0) + (1 if self.organisations else 0)

    @property
    def short_name(self):
        """The name without "район", "ауданы", "District", "г.а." and the like (map labels)."""
        words = [word for word in self.name.split() if word.lower().strip(".") not in UNIT_WORDS]
        return " ".join(words) or self.name


def coverage(request=None):
    """One DistrictCoverage for each district, in the active language.

    Cached a few minutes under the page cache's content version, which every publish,
    move or district edit bumps (``cms_plugins.pagecache``).
    """
    key = f"home:coverage:{get_language() or 'ru'}:{content_version()}"
    rows = cache.get(key)
    if rows is None:
        rows = _compute(request)
        cache.set(key, rows, CACHE_SECONDS)
    return rows


def _compute(request):
    """Meetings and NGOs per district from the monitoring indicators (the numbers coordinators
    see), over the districts' cached reference data; without monitoring, counted here."""
    figures = indicators()
    if figures is NOT_INSTALLED:
        districts = district_figures(District.objects.filter(locale_id=active_locale_id()).in_order())
        meetings = {d.code: getattr(d, "meetings", 0) for d in districts}
        organisations = {d.code: getattr(d, "organisations", None) for d in districts}
    else:
        districts = list(districts_by_code(active_locale_id()).values())
        values = figures.figures_by_key()
        meetings = values["meetings_held"].by_district if values["meetings_held"].has_data else {}
        ngos = values["ngos_known"]
        # None (not 0) when the CRM is not there: the map then shows no NGO column
        organisations = {d.code: ngos.by_district.get(d.code, 0) if ngos.has_data else None for d in districts}
    urls = district_page_urls(request)
    rows = []
    for district in districts:
        row = DistrictCoverage(
            code=district.code,
            name=district.name,
            is_city=district.is_city,
            meetings=meetings.get(district.code) or 0,
            organisations=organisations.get(district.code),
            url=urls.get(district.code),
        )
        if district.code in SHAPES:
            row.points, (row.label_x, row.label_y) = SHAPES[district.code]
        elif district.code in CITY:
            row.circle = CITY[district.code]
            row.label_x, row.label_y = CITY[district.code][0], CITY[district.code][1] - 26
        rows.append(row)
    return rows


def summary(rows):
    """Key figures computed from the coverage rows."""
    visited = [row for row in rows if row.meetings]
    return {
        "districts": len(rows),
        "visited": len(visited),
        "meetings": sum(row.meetings for row in rows),
        "organisations": None
        if all(row.organisations is None for row in rows)
        else sum(row.organisations or 0 for row in rows),
    }
