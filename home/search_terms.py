"""What a visitor typed, made safe for the search backend.

Wagtail's database backend wraps each word in double quotes for SQLite's FTS5, but
does not escape a quote inside a word: ``a"b`` became an unterminated string and a
500. PostgreSQL refuses NUL bytes outright. The full-text tokenisers of both
databases split words on punctuation anyway, so replacing every character that is
neither a letter nor a digit with a space changes no result and leaves nothing with
a meaning in either query syntax.
"""

import re

MAX_LENGTH = 200

# Any character that is not a letter, a digit, whitespace or a hyphen (``\w`` without ``_``).
_NOT_A_WORD_CHARACTER = re.compile(r"[^\w\s-]|_")
# Control characters (NUL and friends): never shown back, never searched.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def shown_query(raw):
    """The query as the page repeats it back: trimmed, cut to ``MAX_LENGTH``, no control characters."""
    return _CONTROL.sub("", raw).strip()[:MAX_LENGTH]


def search_words(raw):
    """The words to search for, joined by spaces ("" when nothing searchable is left)."""
    words = _NOT_A_WORD_CHARACTER.sub(" ", shown_query(raw)).split()
    return " ".join(word.strip("-") for word in words if word.strip("-"))
