"""The catalogues follow the programme's glossary (docs/glossary.toml): one word for one thing."""

import re
import tomllib
from pathlib import Path

import polib
import pytest
from django.conf import settings

from tests.home.test_translations import catalogues

ROOT = Path(settings.BASE_DIR)
GLOSSARY = ROOT / "docs" / "glossary.toml"
TABLE = ROOT / "docs" / "glossary.md"
LANGUAGES = ["kk", "ru"]


def terms():
    return tomllib.loads(GLOSSARY.read_text(encoding="utf-8"))["term"]


def translations(entry):
    return list(entry.msgstr_plural.values()) if entry.msgid_plural else [entry.msgstr]


def names_term(entry, term):
    english = f"{entry.msgid} {entry.msgid_plural or ''}"
    if any(re.search(pattern, english, re.IGNORECASE) for pattern in term.get("en_except", [])):
        return False
    return any(re.search(pattern, english, re.IGNORECASE) for pattern in term["en_match"])


def uses_term(text, stems):
    lowered = text.lower()
    return any(stem.lower() in lowered for stem in stems)


def glossary_problems(paths, language, glossary):
    """Entries naming a term without the glossary's word, and entries using a word it rules out."""
    problems = []
    for path in paths:
        for entry in polib.pofile(str(path)):
            if entry.obsolete or not entry.translated():
                continue
            for text in translations(entry):
                for term in glossary:
                    if names_term(entry, term) and not uses_term(text, term[f"{language}_use"]):
                        problems.append(f"{path}: {entry.msgid!r} -> {text!r} does not say {term[language]!r}")
                avoided = {
                    (word, term[language])
                    for term in glossary
                    for word in term.get(f"{language}_avoid", [])
                    if word.lower() in text.lower()
                }
                problems.extend(f"{path}: {text!r} says {word!r}; the glossary says {use!r}" for word, use in avoided)
    return problems


def demo_texts():
    """The demo content a visitor reads (the Kazakh home page said «байқау» there)."""
    for pattern in ("*/demo.py", "*/demo_data/*.py", "*/demo_*.py"):
        yield from ROOT.glob(pattern)


@pytest.mark.parametrize("language", LANGUAGES)
def test_catalogues_use_the_glossarys_words(language):
    """Every string naming a programme term translates it with the glossary's word."""
    problems = glossary_problems([p.relative_to(ROOT) for p in catalogues(language)], language, terms())
    assert not problems, "\n".join(problems)


def test_demo_content_avoids_the_words_the_glossary_rules_out():
    avoided = {word for term in terms() for language in LANGUAGES for word in term.get(f"{language}_avoid", [])}
    found = [
        f"{path.relative_to(ROOT)}: {word!r}"
        for path in demo_texts()
        for word in avoided
        if word.lower() in path.read_text(encoding="utf-8").lower()
    ]
    assert not found, "\n".join(found)


def test_the_readable_table_lists_every_term():
    """docs/glossary.md shows the same words as the file the tests read."""
    table = TABLE.read_text(encoding="utf-8")
    for term in terms():
        assert f"| {term['en']} | {term['kk']} | {term['ru']} |" in table, term["en"]


def test_a_drifting_term_is_caught(tmp_path):
    """Test of the test: «байқау» for a call, and a call translated without «конкурс», both fail."""
    catalogue = polib.POFile()
    catalogue.metadata = {"Content-Type": "text/plain; charset=UTF-8"}
    catalogue.append(polib.POEntry(msgid="Open grant calls", msgstr="Ашық гранттық байқаулар"))
    catalogue.append(polib.POEntry(msgid="Past calls", msgstr="Өткен конкурстар"))
    catalogue.append(polib.POEntry(msgid="Call to action", msgstr="Әрекетке шақыру"))
    path = tmp_path / "django.po"
    catalogue.save(str(path))
    problems = glossary_problems([path], "kk", terms())
    assert any("does not say 'конкурс'" in problem and "Open grant calls" in problem for problem in problems)
    assert any("says 'байқау'" in problem for problem in problems)
    assert not any("Past calls" in problem or "Call to action" in problem for problem in problems)
