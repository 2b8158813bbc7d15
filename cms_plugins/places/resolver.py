"""Turn whatever people type for a district into the district.

Spreadsheets and forms name a district in many ways: with or without "район",
"р-н", "ауданы", "г.а.", by an old name, with Kazakh letters folded to Russian ones,
in Latin. Every spelling is normalised the same way and looked up among every
district's names (in all languages) and aliases.
"""

import re
import unicodedata

from django.conf import settings

# Kazakh letters that Windows-1251 and Russian keyboards lose, folded to their
# nearest Russian letter so "Бөрлі" and "Борли" meet.
FOLD = str.maketrans(
    {"ә": "а", "ғ": "г", "қ": "к", "ң": "н", "ө": "о", "ұ": "у", "ү": "у", "һ": "х", "і": "и", "ё": "е", "й": "и"}
)


def _noise_words():
    # Words that say what kind of unit it is, not which one ("район", "district"): they
    # depend on the country's languages, so they come from the site's settings.
    words = getattr(settings, "PLACES_NOISE_WORDS", [])
    return {normalise_word(word) for word in words}


def normalise_word(word):
    return word.lower().translate(FOLD).replace(".", "").replace("-", "")


def normalise(text, noise=None):
    """A key for comparing place names: lower case, folded, no punctuation or noise words."""
    text = unicodedata.normalize("NFC", str(text or "")).lower().translate(FOLD)
    text = re.sub(r"[«»\"'()]", " ", text)
    noise = _noise_words() if noise is None else noise
    words = [normalise_word(w) for w in re.split(r"[\s,]+|(?<=\.)", text) if w]
    words = [w for w in words if w and w not in noise]
    return " ".join(words)


class DistrictResolver:
    """Resolves many spellings with one query; build one per import or request."""

    def __init__(self, queryset=None):
        from .models import District

        self._noise = _noise_words()
        self._by_key = {}
        self._by_code = {}
        rows = queryset if queryset is not None else District.objects.select_related("locale")
        by_translation = {}
        for district in rows:
            by_translation.setdefault(district.translation_key, []).append(district)
        for translations in by_translation.values():
            code = translations[0].code
            self._by_code[code] = translations
            for district in translations:
                for spelling in [district.code, district.name, district.centre, *district.alias_list()]:
                    key = normalise(spelling, self._noise)
                    if key:
                        self._by_key.setdefault(key, code)

    def code_for(self, text):
        """The district code for a spelling, or None when nothing matches."""
        key = normalise(text, self._noise)
        if not key:
            return None
        if key in self._by_key:
            return self._by_key[key]
        # "Бурлинский" vs "Бурлин": a unique prefix of at least five letters matches.
        if len(key) >= 5:
            found = {
                code
                for known, code in self._by_key.items()
                if known.startswith(key) or (key.startswith(known) and len(known) >= 5)
            }
            if len(found) == 1:
                return found.pop()
        return None

    def resolve(self, text, locale=None):
        """The district for a spelling, in ``locale`` (default: the default locale)."""
        code = self.code_for(text)
        if code is None:
            return None
        translations = self._by_code[code]
        wanted = locale.language_code if locale else settings.LANGUAGE_CODE
        for district in translations:
            if district.locale.language_code == wanted:
                return district
        return translations[0]


def resolve_district(text, locale=None):
    """One-off lookup; for many lookups build a DistrictResolver once."""
    return DistrictResolver().resolve(text, locale)
