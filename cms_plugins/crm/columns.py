"""The columns of a contacts spreadsheet: one row is one person with their organisation.

A file's headers may be the keys below or the titles in any of the site's languages
(any case, any order). Titles are data, not gettext strings, because a file written
in Kazakh must be understood while the admin speaks Russian.
"""

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
    Column("bin", {"en": "BIN", "ru": "БИН", "kk": "БСН"}, "organisation", ("бин организации",)),
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
        ("район город", "ауданы", "region"),
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
        ("направления", "тематика", "бағыттары", "focus"),
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
        ("name", "person", "contact person", "контактное лицо", "фамилия имя отчество", "аты жөні", "тәа"),
    ),
    Column("role", {"en": "Role", "ru": "Должность", "kk": "Лауазымы"}, "membership", ("position", "роль", "лауазым")),
    Column(
        "phone",
        {"en": "Phone", "ru": "Телефон", "kk": "Телефон нөмірі"},
        "person",
        ("tel", "телефон", "тел", "мобильный", "phone number", "ұялы телефон"),
    ),
    Column(
        "email",
        {"en": "Email", "ru": "Эл. почта", "kk": "Эл. пошта"},
        "person",
        ("e mail", "email address", "почта", "электронная почта", "электрондық пошта"),
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


def _lookup():
    table = {}
    languages = [code for code, _name in settings.LANGUAGES]
    for column in COLUMNS:
        names = [column.key, *column.titles.values(), *column.synonyms]
        names += [column.titles.get(code, "") for code in languages]
        for name in names:
            if name:
                table.setdefault(header_key(name), column.key)
    return table


def match_headers(headers):
    """Map each header position to a column key. Returns (mapping, unknown, duplicates).

    A '?' in a header stands for one letter that a Windows-1251 save replaced
    (Kazakh letters), so "?йым" still means "Ұйым".
    """
    table = _lookup()
    mapping, unknown, duplicates, seen = {}, [], [], set()
    for position, header in enumerate(headers):
        text = str(header or "").strip()
        if not text:
            continue
        key = header_key(text)
        found = table.get(key)
        if found is None and "?" in key:
            pattern = re.compile("^" + re.escape(key).replace(r"\?", ".") + "$")
            candidates = {column for name, column in table.items() if pattern.match(name)}
            if len(candidates) == 1:
                found = candidates.pop()
        if found is None:
            unknown.append(text)
        elif found in seen:
            duplicates.append(text)
        else:
            seen.add(found)
            mapping[position] = found
    return mapping, unknown, duplicates
