"""The catalogue checks of test_translations.py catch what they are meant to catch."""

import polib

from tests.home.test_translations import clashes, plural_problems

RU_PLURALS = (
    "nplurals=4; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<12 || n%100>14) ? 1 : "
    "n%10==0 || (n%10>=5 && n%10<=9) || (n%100>=11 && n%100<=14)? 2 : 3);"
)


def write_catalogue(path, entries, plural_forms=RU_PLURALS):
    catalogue = polib.POFile()
    catalogue.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Plural-Forms": plural_forms}
    for entry in entries:
        catalogue.append(entry)
    path.parent.mkdir(parents=True, exist_ok=True)
    catalogue.save(str(path))
    return path


def steps_entry(forms):
    return polib.POEntry(
        msgid="%(done)s of %(counter)s step completed.",
        msgid_plural="%(done)s of %(counter)s steps completed.",
        msgstr_plural=dict(enumerate(forms)),
    )


def test_a_russian_entry_with_two_plural_forms_fails(tmp_path):
    """The bug of the Russian task list: two forms where Russian needs four."""
    path = write_catalogue(tmp_path / "ru.po", [steps_entry(["Готов %(done)s шаг", "Готово %(done)s шага"])])
    problems = plural_problems([path], "ru")
    assert problems and "fills 2 of 4 plural forms" in problems[0]


def test_an_empty_plural_form_fails(tmp_path):
    path = write_catalogue(tmp_path / "ru.po", [steps_entry(["шаг", "шага", "", "шага"])])
    assert plural_problems([path], "ru")


def test_a_catalogue_declaring_the_wrong_number_of_forms_fails(tmp_path):
    path = write_catalogue(tmp_path / "ru.po", [], plural_forms="nplurals=2; plural=(n != 1);")
    assert plural_problems([path], "ru") == [f"{path}: declares nplurals=2, ru has 4"]


def test_a_complete_catalogue_passes_both_checks(tmp_path):
    entries = [steps_entry(["шаг", "шага", "шагов", "шага"]), polib.POEntry(msgid="Submitted", msgstr="Подана")]
    first = write_catalogue(tmp_path / "a.po", entries)
    second = write_catalogue(tmp_path / "b.po", [polib.POEntry(msgid="Submitted", msgstr="Подана")])
    assert plural_problems([first, second], "ru") == []
    assert clashes([first, second]) == []


def test_two_catalogues_translating_one_text_differently_fail(tmp_path):
    """ "Submitted" read «Отправлено» on the grant's page because another app came first."""
    first = write_catalogue(tmp_path / "grants.po", [polib.POEntry(msgid="Submitted", msgstr="Подана")])
    second = write_catalogue(tmp_path / "multistep.po", [polib.POEntry(msgid="Submitted", msgstr="Отправлено")])
    problems = clashes([first, second])
    assert len(problems) == 1
    assert "Подана" in problems[0] and "Отправлено" in problems[0]


def test_a_context_separates_two_meanings(tmp_path):
    first = write_catalogue(tmp_path / "crm.po", [polib.POEntry(msgid="Kind", msgstr="Вид")])
    second = write_catalogue(
        tmp_path / "multistep.po", [polib.POEntry(msgctxt="column type", msgid="Kind", msgstr="Тип")]
    )
    assert clashes([first, second]) == []
