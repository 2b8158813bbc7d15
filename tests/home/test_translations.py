"""Every string a user sees is translated into Kazakh and Russian, and shipped compiled."""

import io
from pathlib import Path

import polib
import pytest
from babel.messages.extract import extract
from django.conf import settings
from django.utils.translation.template import templatize

ROOT = Path(settings.BASE_DIR)
SKIP_DIRS = {".venv", "var", "tests", "bench", "node_modules", "migrations", "artifacts", ".git", "static"}
LANGUAGES = ["kk", "ru"]
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
