"""Every string a user sees is translated into Kazakh and Russian, and shipped compiled."""

import io
import re
from pathlib import Path

import polib
import pytest
from babel.messages.extract import extract
from django.conf import settings
from django.utils.translation.template import templatize

ROOT = Path(settings.BASE_DIR)
SKIP_DIRS = {".venv", "var", "tests", "bench", "node_modules", "migrations", "artifacts", ".git", "static"}
LANGUAGES = ["kk", "ru"]
# How many plural forms each language has (CLDR): a catalogue must declare and fill them all,
# or gettext falls back to English for the counts a missing form covers.
PLURAL_FORMS = {"kk": 2, "ru": 4, "en": 2}
KEYWORDS = {
    "_": None,
    "gettext": None,
    "gettext_lazy": None,
    "gettext_noop": None,
    "ngettext": (1, 2),
    "ngettext_lazy": (1, 2),
    "pgettext": ((1, "c"), 2),
    "pgettext_lazy": ((1, "c"), 2),
    "npgettext": ((1, "c"), 2, 3),
    "npgettext_lazy": ((1, "c"), 2, 3),
}


def our_files(suffix):
    for path in ROOT.rglob(f"*{suffix}"):
        if not SKIP_DIRS.intersection(path.relative_to(ROOT).parts):
            yield path


def source_messages():
    """(msgid, context, where) of every translatable string in our code and templates."""
    for path in our_files(".py"):
        with path.open("rb") as source:
            for found in extract("python", source, keywords=KEYWORDS):
                yield found, path
    for path in our_files(".html"):
        code = templatize(path.read_text(encoding="utf-8"), origin=str(path))
        for found in extract("python", io.BytesIO(code.encode()), keywords=KEYWORDS):
            yield found, path


def catalogues(language):
    return [path for path in ROOT.rglob(f"locale/{language}/LC_MESSAGES/django.po") if ".venv" not in path.parts]


def translated(language):
    known = {}
    for path in catalogues(language):
        for entry in polib.pofile(str(path)).translated_entries():
            if "fuzzy" not in entry.flags:
                known[(entry.msgctxt, entry.msgid)] = entry
    return known


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_source_string_is_translated(language):
    """A string added to code or a template without a translation fails here."""
    known = translated(language)
    missing = set()
    for found, path in source_messages():
        _line, message, _comments, context = found[:4]
        msgid = message[0] if isinstance(message, tuple) else message
        if msgid and (context, msgid) not in known:
            missing.add(f"{path.relative_to(ROOT)}: {msgid!r}")
    assert not missing, f"untranslated into {language}:\n" + "\n".join(sorted(missing))


@pytest.mark.parametrize("language", LANGUAGES)
def test_catalogues_have_no_untranslated_or_fuzzy_entries(language):
    """Our catalogues are complete: no empty, fuzzy or partly translated plural entries."""
    problems = []
    for path in catalogues(language):
        catalogue = polib.pofile(str(path))
        for entry in catalogue:
            if entry.obsolete:
                continue
            if "fuzzy" in entry.flags or not entry.translated():
                problems.append(f"{path.relative_to(ROOT)}: {entry.msgid!r}")
    assert catalogues(language)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("language", LANGUAGES)
def test_compiled_catalogues_match_their_sources(language):
    """The .mo the site loads says what the .po says (someone forgot compilemessages)."""
    stale = []
    for path in catalogues(language):
        mo_path = path.with_suffix(".mo")
        if not mo_path.exists():
            stale.append(f"{mo_path.relative_to(ROOT)} is missing")
            continue
        po = {
            (e.msgctxt, e.msgid): (e.msgstr, e.msgstr_plural)
            for e in polib.pofile(str(path))
            if not e.obsolete and e.translated()
        }
        mo = {(e.msgctxt, e.msgid): (e.msgstr, e.msgstr_plural) for e in polib.mofile(str(mo_path)) if e.msgid}
        if po != mo:
            stale.append(f"{mo_path.relative_to(ROOT)} differs from its .po")
    assert not stale, "\n".join(stale)


def declared_plurals(catalogue):
    match = re.search(r"nplurals\s*=\s*(\d+)", catalogue.metadata.get("Plural-Forms", ""))
    return int(match.group(1)) if match else None


def plural_problems(paths, language):
    """Catalogues that declare the wrong number of plural forms, and plural entries that leave one empty."""
    expected = PLURAL_FORMS[language]
    problems = []
    for path in paths:
        catalogue = polib.pofile(str(path))
        declared = declared_plurals(catalogue)
        if declared != expected:
            problems.append(f"{path}: declares nplurals={declared}, {language} has {expected}")
        for entry in catalogue:
            if entry.obsolete or not entry.msgid_plural:
                continue
            filled = [index for index in range(expected) if entry.msgstr_plural.get(index, "").strip()]
            if len(filled) != expected:
                problems.append(f"{path}: {entry.msgid!r} fills {len(filled)} of {expected} plural forms")
    return problems


def clashes(paths):
    """English texts two catalogues of one language translate differently.

    Django merges the catalogues of every app into one: the first app in INSTALLED_APPS
    (or LOCALE_PATHS) silently wins, so the other app shows a translation it never chose.
    """
    translations = {}
    for path in paths:
        for entry in polib.pofile(str(path)):
            if entry.obsolete or not entry.translated() or "fuzzy" in entry.flags:
                continue
            text = entry.msgstr if not entry.msgid_plural else tuple(sorted(entry.msgstr_plural.items()))
            translations.setdefault((entry.msgctxt, entry.msgid), {}).setdefault(text, []).append(str(path))
    problems = []
    for (context, msgid), texts in sorted(translations.items(), key=lambda item: (item[0][1], item[0][0] or "")):
        if len(texts) > 1:
            where = "; ".join(f"{text!r} in {', '.join(places)}" for text, places in texts.items())
            label = f"{context}|{msgid}" if context else msgid
            problems.append(f"{label!r}: {where}")
    return problems


@pytest.mark.parametrize("language", LANGUAGES)
def test_plural_entries_fill_every_form_of_their_language(language):
    """Russian has 4 plural forms: an entry with 2 shows English for 0 and 5–20 ("5 of 8 steps completed.")."""
    assert catalogues(language)
    problems = plural_problems([path.relative_to(ROOT) for path in catalogues(language)], language)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("language", LANGUAGES)
def test_one_english_text_has_one_translation(language):
    """Two meanings of one English text get a pgettext context; one meaning gets one translation."""
    problems = clashes([path.relative_to(ROOT) for path in catalogues(language)])
    assert not problems, (
        f"translated differently in {language} (use pgettext where the meanings differ):\n" + "\n".join(problems)
    )
