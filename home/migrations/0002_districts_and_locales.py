"""Languages and the districts of West Kazakhstan Region, in every database.

The data is frozen here (not imported from the app) so that the migration means the
same thing forever. Aliases cover old names, abbreviations, spellings with Kazakh
letters folded to Russian ones and Latin transliterations.
"""

import uuid

from django.db import migrations

LANGUAGES = ["ru", "kk", "en"]

# code, (ru name, kk name, en name), (ru centre, kk centre, en centre), is_city, aliases
DISTRICTS = [
    (
        "uralsk",
        ("г.а. Уральск", "Орал қаласы", "Uralsk City"),
        ("Уральск", "Орал", "Uralsk"),
        True,
        [
            "Уральск",
            "г. Уральск",
            "город Уральск",
            "ГА Уральск",
            "Орал",
            "Oral",
            "Uralsk",
            "Uralsk city administration",
        ],
    ),
    (
        "akzhaiyk",
        ("Акжаикский район", "Ақжайық ауданы", "Akzhaiyk District"),
        ("Чапаев", "Шапаев", "Chapaev"),
        False,
        ["Акжаик", "Акжайык", "Акжаикский", "Akzhaik", "Akzhayik", "Akzhaiyk", "Akzhaiyq", "Чапаевский район"],
    ),
    (
        "bokeiorda",
        ("Бокейординский район", "Бөкей ордасы ауданы", "Bokeiorda District"),
        ("Сайхин", "Сайқын", "Saikhin"),
        False,
        [
            "Бокейорда",
            "Бокей Орда",
            "Бокей ордасы",
            "Бокейординский",
            "Bokei Orda",
            "Bokeyorda",
            "Bokeiorda",
            "Урдинский район",
        ],
    ),
    (
        "burli",
        ("Бурлинский район", "Бөрлі ауданы", "Burli District"),
        ("Аксай", "Ақсай", "Aksai"),
        False,
        ["Бурлин", "Бурли", "Борли", "Бөрлі", "Бурлинский", "Burlin", "Burli", "Borli", "Aksai", "Aksay"],
    ),
    (
        "zhangala",
        ("Жангалинский район", "Жаңақала ауданы", "Zhangala District"),
        ("Жангала", "Жаңақала", "Zhangala"),
        False,
        ["Жангала", "Жанакала", "Жаңақала", "Жангалинский", "Джангалинский", "Zhangala", "Zhanakala", "Dzhangala"],
    ),
    (
        "zhanibek",
        ("Жанибекский район", "Жәнібек ауданы", "Zhanibek District"),
        ("Жанибек", "Жәнібек", "Zhanibek"),
        False,
        ["Жанибек", "Жәнібек", "Жанибекский", "Джаныбекский", "Джанибекский", "Zhanibek", "Zhanybek", "Dzhanybek"],
    ),
    (
        "baiterek",
        ("район Бәйтерек", "Бәйтерек ауданы", "Baiterek District"),
        ("Переметное", "Перемётное", "Peremetnoe"),
        False,
        [
            "Байтерек",
            "Бәйтерек",
            "Байтерекский",
            "Зеленовский район",
            "Зеленовский",
            "Baiterek",
            "Bayterek",
            "Zelenovsky",
            "Zelenovskiy",
        ],
    ),
    (
        "kaztalov",
        ("Казталовский район", "Қазталов ауданы", "Kaztalov District"),
        ("Казталовка", "Қазталов", "Kaztalovka"),
        False,
        ["Казталов", "Қазталов", "Казталовский", "Kaztalov", "Kaztalovka", "Qaztalov"],
    ),
    (
        "karatobe",
        ("Каратобинский район", "Қаратөбе ауданы", "Karatobe District"),
        ("Каратобе", "Қаратөбе", "Karatobe"),
        False,
        ["Каратобе", "Қаратөбе", "Каратюбе", "Каратобинский", "Каратюбинский", "Karatobe", "Karatobinsky", "Qaratobe"],
    ),
    (
        "syrym",
        ("Сырымский район", "Сырым ауданы", "Syrym District"),
        ("Жымпиты", "Жымпиты", "Zhympity"),
        False,
        ["Сырым", "Сырымский", "Syrym", "Zhympity", "Джамбейтинский район"],
    ),
    (
        "taskala",
        ("Таскалинский район", "Тасқала ауданы", "Taskala District"),
        ("Таскала", "Тасқала", "Taskala"),
        False,
        ["Таскала", "Тасқала", "Таскалинский", "Taskala", "Taskalinsky", "Tasqala"],
    ),
    (
        "terekti",
        ("Теректинский район", "Теректі ауданы", "Terekti District"),
        ("Теректі", "Теректі", "Terekti"),
        False,
        ["Теректи", "Теректі", "Теректинский", "Terekti", "Федоровка", "Фёдоровка", "Федоровский район", "Fedorovka"],
    ),
    (
        "shyngyrlau",
        ("Чингирлауский район", "Шыңғырлау ауданы", "Shyngyrlau District"),
        ("Чингирлау", "Шыңғырлау", "Shyngyrlau"),
        False,
        ["Чингирлау", "Шынгырлау", "Шыңғырлау", "Чингирлауский", "Shyngyrlau", "Chingirlau", "Shyngghyrlau"],
    ),
]


def load(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    District = apps.get_model("places", "District")
    locales = {code: Locale.objects.get_or_create(language_code=code)[0] for code in LANGUAGES}
    for order, (code, names, centres, is_city, aliases) in enumerate(DISTRICTS):
        key = uuid.uuid5(uuid.NAMESPACE_URL, f"auyl:district:{code}")
        for index, language in enumerate(LANGUAGES):
            District.objects.update_or_create(
                code=code,
                locale=locales[language],
                defaults={
                    "translation_key": key,
                    "name": names[index],
                    "centre": centres[index],
                    "is_city": is_city,
                    "sort_order": order,
                    "aliases": "\n".join(aliases) if language == "ru" else "",
                },
            )


def unload(apps, schema_editor):
    apps.get_model("places", "District").objects.filter(code__in=[row[0] for row in DISTRICTS]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0001_initial"),
        ("places", "0001_initial"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
    ]

    operations = [migrations.RunPython(load, unload)]
