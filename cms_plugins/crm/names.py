"""Keys for comparing names of organisations and people.

Two spellings of one name meet when they are equal after: lower case, Kazakh
letters folded to Russian ones (what Windows-1251 and Russian keyboards do), quotes
and punctuation dropped, spaces collapsed, and the words that only say which legal
form it is (configurable: ``CRM_NAME_NOISE_WORDS``) removed.
"""

import re
import unicodedata
from functools import lru_cache

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


@lru_cache(maxsize=8)
def _folded(words):
    return tuple(fold(w) for w in words)


def noise_words():
    return _folded(tuple(getattr(settings, "CRM_NAME_NOISE_WORDS", [])))


def name_key(text, noise=None):
    """The comparison key of an organisation's name."""
    return name_key_for(str(text or ""), noise_words() if noise is None else tuple(noise))


@lru_cache(maxsize=16384)
def name_key_for(text, noise):
    text = _PUNCTUATION.sub(" ", fold(text))
    text = _SPACES.sub(" ", text).strip()
    phrases, single = _split(noise)
    # Multi-word phrases first ("общественное объединение"), then single words.
    padded = f" {text} "
    for phrase in phrases:
        if phrase in padded:
            padded = padded.replace(f" {phrase} ", " ")
    words = [w for w in padded.split() if w not in single]
    return " ".join(words) or text


@lru_cache(maxsize=8)
def _split(noise):
    phrases = sorted((w for w in noise if " " in w), key=len, reverse=True)
    return phrases, frozenset(w for w in noise if " " not in w)


def person_key(text):
    """The comparison key of a person's name: word order kept, punctuation dropped."""
    return _person_key(str(text or ""))


@lru_cache(maxsize=16384)
def _person_key(text):
    return _SPACES.sub(" ", _PUNCTUATION.sub(" ", fold(text))).strip()
