"""Keys for comparing names of organisations and people.

Two spellings of one name meet when they are equal after: lower case, Kazakh
letters folded to Russian ones (what Windows-1251 and Russian keyboards do), quotes
and punctuation dropped, spaces collapsed, and the words that only say which legal
form it is (configurable: ``CRM_NAME_NOISE_WORDS``) removed.
"""

import re
import unicodedata

from django.conf import settings

FOLD = str.maketrans(
    {"ә": "а", "ғ": "г", "қ": "к", "ң": "н", "ө": "о", "ұ": "у", "ү": "у", "һ": "х", "і": "и", "ё": "е", "й": "и"}
)
_PUNCTUATION = re.compile(r"[«»\"'“”„‘’`()\[\].,;:!?/\\№#*_-]+")
_SPACES = re.compile(r"\s+")


def fold(text):
    """Lower case with Kazakh letters folded and spaces collapsed (no words removed)."""
    text = unicodedata.normalize("NFC", str(text or "")).lower().translate(FOLD)
    return _SPACES.sub(" ", text).strip()


def _noise():
    return tuple(fold(w) for w in getattr(settings, "CRM_NAME_NOISE_WORDS", []))


def name_key(text, noise=None):
    """The comparison key of an organisation's name."""
    text = _PUNCTUATION.sub(" ", fold(text))
    text = _SPACES.sub(" ", text).strip()
    noise = _noise() if noise is None else noise
    # Multi-word phrases first ("общественное объединение"), then single words.
    padded = f" {text} "
    for phrase in sorted(noise, key=len, reverse=True):
        if " " in phrase:
            padded = padded.replace(f" {phrase} ", " ")
    words = [w for w in padded.split() if w not in noise]
    return " ".join(words) or text


def person_key(text):
    """The comparison key of a person's name: word order kept, punctuation dropped."""
    return _SPACES.sub(" ", _PUNCTUATION.sub(" ", fold(text))).strip()
