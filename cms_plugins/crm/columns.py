"""The columns of a contacts spreadsheet: one row is one person with their organisation.

A file's headers may be the keys below or the titles in any of the site's languages
(any case, any order). Titles are data, not gettext strings, because a file written
in Kazakh must be understood while the admin speaks Russian.
"""

import difflib
import re
from dataclasses import dataclass, field

from django.conf import settings
from django.utils import translation

from .names import fold


@dataclass(frozen=True)
class Column:
    key: str
    titles: dict  # language code -> title
    part: str  # "organisation", "person", "membership" or "meta"
    synonyms: tuple = field(default=())

    def title(self, language=None):
        language = (language or translation.get_language() or "en")[:2]
        return self.titles.get(language) or self.titles["en"]


COLUMNS = [
    Column(
        "org_name",
        {"en": "Organisation", "ru": "Организация", "kk": "Ұйым"},
        "organisation",
        (
            "organisation name",
            "organization",
            "organization name",
            "название организации",
            "наименование",
            "наименование организации",
            "ұйым атауы",
            "нпо",
            "үеұ",
            "наименование нпо",
            "название нпо",
            "наименование нко",
            "наименование оо",
            "наименование юл",
            "полное наименование",
            "ұйымның атауы",
            "үеұ атауы",
            "ngo",
            "ngo name",
            "name of organisation",
        ),
    ),
    Column(
        "org_short_name",
        {"en": "Short name", "ru": "Краткое название", "kk": "Қысқаша атауы"},
        "organisation",
        ("short", "сокращённое название", "сокращенное наименование"),
    ),
    Column(
        "legal_form",
        {"en": "Legal form", "ru": "Организационно-правовая форма", "kk": "Ұйымдық-құқықтық нысаны"},
        "organisation",
        ("форма", "опф", "тип организации", "нысаны"),
    ),
    Column(
        "bin",
        {"en": "BIN", "ru": "БИН", "kk": "БСН"},
        "organisation",
        ("бин организации", "бин иин", "иин бин", "бсн жсн", "bin iin"),
    ),
    Column(
        "registration_date",
        {"en": "Registration date", "ru": "Дата регистрации", "kk": "Тіркелген күні"},
        "organisation",
        ("registered", "дата гос регистрации", "тіркеу күні"),
    ),
    Column(
        "district",
        {"en": "District", "ru": "Район", "kk": "Аудан"},
        "organisation",
        ("район город", "район области", "ауданы", "region"),
    ),
    Column(
        "settlement",
        {"en": "Settlement", "ru": "Населённый пункт", "kk": "Елді мекен"},
        "organisation",
        ("village", "село", "нп", "ауыл"),
    ),
    Column("address", {"en": "Address", "ru": "Адрес", "kk": "Мекенжай"}, "organisation", ("мекен жай",)),
    Column(
        "focus_areas",
        {"en": "Focus areas", "ru": "Направления деятельности", "kk": "Қызмет бағыттары"},
        "organisation",
        (
            "направления",
            "направление деятельности",
            "направление",
            "сфера деятельности",
            "тематика",
            "бағыттары",
            "қызмет бағыты",
            "focus",
            "focus area",
        ),
    ),
    Column("status", {"en": "Status", "ru": "Статус", "kk": "Мәртебесі"}, "organisation", ("activity status",)),
    Column("website", {"en": "Website", "ru": "Сайт", "kk": "Веб-сайт"}, "organisation", ("site", "веб сайт")),
    Column(
        "social_links",
        {"en": "Social links", "ru": "Соцсети", "kk": "Әлеуметтік желілер"},
        "organisation",
        ("social", "социальные сети", "instagram", "facebook"),
    ),
    Column(
        "org_notes",
        {"en": "Organisation notes", "ru": "Заметки об организации", "kk": "Ұйым туралы ескертпе"},
        "organisation",
    ),
    Column(
        "full_name",
        {"en": "Full name", "ru": "ФИО", "kk": "Аты-жөні"},
        "person",
        (
            "name",
            "person",
            "contact person",
            "contact name",
            "person name",
            "name and surname",
            "контактное лицо",
            "фамилия имя отчество",
            "аты жөні",
            "тәа",
            "фио руководителя",
            "фио контактного лица",
            "фио представителя",
            "руководитель",
            "басшы",
            "басшының аты жөні",
            "head",
            "leader",
        ),
    ),
    Column("role", {"en": "Role", "ru": "Должность", "kk": "Лауазымы"}, "membership", ("position", "роль", "лауазым")),
    Column(
        "phone",
        {"en": "Phone", "ru": "Телефон", "kk": "Телефон нөмірі"},
        "person",
        (
            "tel",
            "телефон",
            "тел",
            "phone number",
            "номер телефона",
            "контактный телефон",
            "телефон нөмірі",
            "whatsapp",
        ),
    ),
    Column(
        "email",
        {"en": "Email", "ru": "Эл. почта", "kk": "Эл. пошта"},
        "person",
        (
            "e mail",
            "email address",
            "e-mail address",
            "mail",
            "почта",
            "электронная почта",
            "эл адрес",
            "электронный адрес",
            "адрес электронной почты",
            "электрондық пошта",
            "эл пошта",
        ),
    ),
    Column(
        "preferred_language",
        {"en": "Preferred language", "ru": "Язык общения", "kk": "Қарым-қатынас тілі"},
        "person",
        ("language", "язык", "тілі"),
    ),
    Column("consent_version", {"en": "Consent version", "ru": "Версия согласия", "kk": "Келісім нұсқасы"}, "person"),
    Column(
        "consent_at",
        {"en": "Consent date", "ru": "Дата согласия", "kk": "Келісім күні"},
        "person",
        ("consent given", "consent at"),
    ),
    Column("consent_method", {"en": "Consent method", "ru": "Способ согласия", "kk": "Келісім тәсілі"}, "person"),
    Column(
        "mailing_opt_out",
        {"en": "No mailings", "ru": "Без рассылок", "kk": "Хабарлама жібермеу"},
        "person",
        ("opt out", "отказ от рассылки", "mailing opt out"),
    ),
    Column("person_notes", {"en": "Person notes", "ru": "Заметки о человеке", "kk": "Адам туралы ескертпе"}, "person"),
    # Written into rejects files; read back and ignored when the fixed file returns.
    Column("_line", {"en": "Line", "ru": "Строка", "kk": "Жол"}, "meta"),
    Column("_errors", {"en": "Errors", "ru": "Ошибки", "kk": "Қателер"}, "meta"),
]
BY_KEY = {column.key: column for column in COLUMNS}
DATA_COLUMNS = [column for column in COLUMNS if column.part != "meta"]


def header_key(text):
    """A header as compared: folded, punctuation and underscores become spaces, '?' kept."""
    text = fold(text).replace("_", " ")
    text = re.sub(r"[^\w?]+", " ", text)
    return re.sub(r"\s+", " ", text).strip()


# Headers that do not say whose they are: never guessed, the coordinator chooses.
AMBIGUOUS = {
    "notes": ("org_notes", "person_notes"),
    "note": ("org_notes", "person_notes"),
    "comment": ("org_notes", "person_notes"),
    "comments": ("org_notes", "person_notes"),
    "remarks": ("org_notes", "person_notes"),
    "примечание": ("org_notes", "person_notes"),
    "примечания": ("org_notes", "person_notes"),
    "комментарий": ("org_notes", "person_notes"),
    "заметки": ("org_notes", "person_notes"),
    "ескерту": ("org_notes", "person_notes"),
    "ескертпе": ("org_notes", "person_notes"),
}
# A plain "phone" next to a mobile column may be an office line: asked, not guessed.
MOBILE = {
    "мобильный",
    "мобильный телефон",
    "моб телефон",
    "моб тел",
    "сотовый",
    "сотовый телефон",
    "сот тел",
    "mobile",
    "mobile phone",
    "cell",
    "ұялы телефон",
    "ұялы",
}
# A column of row numbers ("№", "№ п/п", "No"): ignoring it is suggested, still chosen on screen.
ROW_NUMBERS = {"", "no", "nr", "п п", "номер п п", "порядковый номер", "р с", "реттік нөмірі"}
GENERIC_PHONE = {
    "телефон",
    "phone",
    "tel",
    "тел",
    "телефон нөмірі",
    "phone number",
    "номер телефона",
    "контактный телефон",
}


def _lookup():
    table = {}
    languages = [code for code, _name in settings.LANGUAGES]
    for column in COLUMNS:
        names = [column.key, *column.titles.values(), *column.synonyms]
        names += [column.titles.get(code, "") for code in languages]
        for name in names:
            if name:
                table.setdefault(header_key(name), column.key)
    for name in MOBILE:
        table.setdefault(header_key(name), "phone")
    return table


@dataclass
class ColumnPlan:
    """What each column of a file means: a key, ignored, or still to be chosen."""

    positions: dict = field(default_factory=dict)  # column position -> key
    titles: dict = field(default_factory=dict)  # key -> the file's header text
    unknown: list = field(default_factory=list)  # (header, [suggested keys])
    ambiguous: list = field(default_factory=list)  # (header, [possible keys])
    duplicates: list = field(default_factory=list)  # headers naming a key already taken
    ignored: list = field(default_factory=list)  # headers chosen to be ignored
    suggested: dict = field(default_factory=dict)  # header -> key found without being chosen ("" to ignore)
    row_numbers: list = field(default_factory=list)  # unknown headers that look like row numbers

    def as_mapping(self):
        """Header -> key for every column read, "" for those ignored."""
        return {**{text: key for key, text in self.titles.items()}, **dict.fromkeys(self.ignored, "")}

    @property
    def unmapped(self):
        return [header for header, _keys in self.ambiguous + self.unknown]

    @property
    def unknown_columns(self):
        return [header for header, _keys in self.unknown]


def suggest(text, limit=3):
    """The keys whose names come closest to an unknown header."""
    table = _lookup()
    close = difflib.get_close_matches(header_key(text), list(table), n=limit * 3, cutoff=0.5)
    keys = []
    for name in close:
        key = table[name]
        if key not in keys and not key.startswith("_"):
            keys.append(key)
    return keys[:limit]


def plan_columns(headers, chosen=None):
    """Read a file's headers, with the coordinator's choices ``chosen`` (header -> key,
    or "" to ignore) winning over what the headers say.

    A '?' in a header stands for one letter that a Windows-1251 save replaced
    (Kazakh letters), so "?йым" still means "Ұйым".
    """
    chosen = {header_key(str(k)): v for k, v in (chosen or {}).items()}
    table = _lookup()
    keys_of = [header_key(str(h or "")) for h in headers]
    has_mobile = any(key in {header_key(m) for m in MOBILE} for key in keys_of)
    plan, seen = ColumnPlan(), set()
    for position, header in enumerate(headers):
        text = str(header or "").strip()
        if not text:
            continue
        key = keys_of[position]
        if key in chosen:
            found = chosen[key]
            if not found:
                plan.ignored.append(text)
                continue
            if found not in BY_KEY or found.startswith("_"):
                plan.unknown.append((text, suggest(found)))
                continue
        elif key in AMBIGUOUS:
            plan.ambiguous.append((text, list(AMBIGUOUS[key])))
            continue
        elif has_mobile and key in {header_key(g) for g in GENERIC_PHONE}:
            plan.ambiguous.append((text, ["phone"]))
            continue
        else:
            found = table.get(key)
            if found is None and "?" in key:
                pattern = re.compile("^" + re.escape(key).replace(r"\?", ".") + "$")
                candidates = {column for name, column in table.items() if pattern.match(name)}
                if len(candidates) == 1:
                    found = candidates.pop()
            if found is None and key in ROW_NUMBERS:
                plan.unknown.append((text, []))
                plan.row_numbers.append(text)
                plan.suggested[text] = ""
                continue
            if found is None:
                plan.unknown.append((text, suggest(text)))
                continue
            if not found.startswith("_"):
                plan.suggested[text] = found
        if found.startswith("_"):  # a rejects file's Line and Errors: read back and left out
            plan.ignored.append(text)
            continue
        if found in seen:
            plan.duplicates.append(text)
            continue
        seen.add(found)
        plan.positions[position] = found
        plan.titles[found] = text
    return plan


def is_meta_header(text):
    """A rejects file's own Line or Errors column, in any language."""
    return _lookup().get(header_key(str(text or "")), "").startswith("_")


def is_known_header(text):
    """A header we would read as a column without asking (a key, a title or a synonym)."""
    return header_key(str(text or "")) in _lookup()
