"""The demo needs-assessment survey in kk, ru and en (our own words) and how its 60 demo answers are drawn."""

PAGE = {
    "slug": "needs-survey",
    "ru": {
        "title": "Опрос: чему хотят научиться сельские НПО",
        "intro": "Десять минут и один экран. По ответам мы выберем темы тренингов и вебинаров программы.",
        "thank_you": "Спасибо! Итоги опроса опубликуем в новостях, а темы тренингов — в разделе обучения.",
        "consent": "<p>Оператор — программа «Ауыл» (БИН 940140000385). Имя, email и телефон нужны, чтобы "
        "пригласить вас на тренинг по выбранным темам; храним их до конца программы, третьим лицам и за рубеж не "
        "передаём. Согласие можно отозвать письмом организаторам.</p>",
    },
    "kk": {
        "title": "Сауалнама: ауылдық ҮЕҰ нені үйренгісі келеді",
        "intro": "Он минут және бір бет. Жауаптар бойынша бағдарламаның тренингтері мен вебинарларының тақырыптарын таңдаймыз.",
        "thank_you": "Рахмет! Сауалнама қорытындысын жаңалықтарда, тренинг тақырыптарын оқыту бөлімінде жариялаймыз.",
        "consent": "<p>Оператор — «Ауыл» бағдарламасы (БСН 940140000385). Аты-жөніңіз, email және телефон сізді "
        "таңдаған тақырыптар бойынша тренингке шақыру үшін қажет; оларды бағдарлама біткенге дейін сақтаймыз, "
        "үшінші тұлғаларға және шетелге бермейміз. Келісімді ұйымдастырушыларға хат жазып қайтарып алуға болады.</p>",
    },
    "en": {
        "title": "Survey: what rural NGOs want to learn",
        "intro": "Ten minutes and one screen. Your answers choose the topics of the programme's trainings and webinars.",
        "thank_you": "Thank you! We will publish the results in the news and the training topics under trainings.",
        "consent": "<p>The operator is the Auyl programme (BIN 940140000385). Your name, email and phone are used to "
        "invite you to trainings on the topics you chose; we keep them until the programme ends and pass them to "
        "no third party and nowhere abroad. Write to the organisers to withdraw your consent.</p>",
    },
}

# Sections: (key, {lang: (title, intro)}, [questions]); a question: (type, key, {lang: label}, extra)
# extra: "options": [(key, {lang: label})], "other": {lang: label}, "required", "low"/"high": {lang: label}
SECTIONS = [
    (
        "about",
        {"ru": ("О вас", ""), "kk": ("Өзіңіз туралы", ""), "en": ("About you", "")},
        [
            (
                "respondent_type",
                "who",
                {"ru": "Кого вы представляете?", "kk": "Кімнің атынан жауап бересіз?", "en": "Whom do you answer for?"},
                {},
            ),
            ("district", "district", {"ru": "Ваш район", "kk": "Ауданыңыз", "en": "Your district"}, {}),
            (
                "single_choice",
                "years",
                {
                    "ru": "Сколько лет работает ваша организация или группа?",
                    "kk": "Ұйымыңыз немесе тобыңыз неше жыл жұмыс істейді?",
                    "en": "How long has your organisation or group been working?",
                },
                {
                    "options": [
                        ("y0", {"ru": "Меньше года", "kk": "Бір жылдан аз", "en": "Less than a year"}),
                        ("y1", {"ru": "1–3 года", "kk": "1–3 жыл", "en": "1–3 years"}),
                        ("y3", {"ru": "Больше трёх лет", "kk": "Үш жылдан көп", "en": "More than three years"}),
                    ]
                },
            ),
        ],
    ),
    (
        "needs",
        {
            "ru": ("Чему учиться", "Отметьте всё, что пригодится."),
            "kk": ("Нені үйрену керек", "Қажеттінің бәрін белгілеңіз."),
            "en": ("What to learn", "Tick everything that would help."),
        },
        [
            (
                "multiple_choice",
                "topics",
                {
                    "ru": "Какие темы вам нужны?",
                    "kk": "Сізге қандай тақырыптар керек?",
                    "en": "Which topics do you need?",
                },
                {
                    "options": [
                        (
                            "t_project",
                            {"ru": "Как написать проект", "kk": "Жобаны қалай жазу керек", "en": "Writing a project"},
                        ),
                        (
                            "t_funding",
                            {
                                "ru": "Где искать финансирование",
                                "kk": "Қаржыны қайдан іздеу керек",
                                "en": "Finding funding",
                            },
                        ),
                        (
                            "t_report",
                            {"ru": "Финансовая отчётность", "kk": "Қаржылық есептілік", "en": "Financial reporting"},
                        ),
                        (
                            "t_legal",
                            {"ru": "Регистрация и право", "kk": "Тіркеу және құқық", "en": "Registration and law"},
                        ),
                        (
                            "t_people",
                            {"ru": "Команда и волонтёры", "kk": "Команда және еріктілер", "en": "Team and volunteers"},
                        ),
                        (
                            "t_media",
                            {
                                "ru": "Соцсети и работа с прессой",
                                "kk": "Әлеуметтік желілер және баспасөз",
                                "en": "Social media and the press",
                            },
                        ),
                    ],
                    "other": {"ru": "Другое", "kk": "Басқа", "en": "Other"},
                },
            ),
            (
                "scale",
                "confidence",
                {
                    "ru": "Насколько уверенно вы пишете проекты?",
                    "kk": "Жобаны қаншалықты сенімді жазасыз?",
                    "en": "How confident are you writing projects?",
                },
                {
                    "low": {"ru": "совсем не уверен", "kk": "мүлде сенімсіз", "en": "not at all"},
                    "high": {"ru": "очень уверен", "kk": "өте сенімді", "en": "very"},
                },
            ),
            (
                "single_choice",
                "format",
                {
                    "ru": "Как вам удобнее учиться?",
                    "kk": "Сізге қалай оқыған ыңғайлы?",
                    "en": "How would you rather learn?",
                },
                {
                    "options": [
                        (
                            "f_district",
                            {
                                "ru": "Тренинг в райцентре",
                                "kk": "Аудан орталығындағы тренинг",
                                "en": "A training in the district centre",
                            },
                        ),
                        ("f_webinar", {"ru": "Вебинар", "kk": "Вебинар", "en": "A webinar"}),
                        (
                            "f_consult",
                            {"ru": "Личная консультация", "kk": "Жеке кеңес", "en": "A one-to-one consultation"},
                        ),
                    ],
                    "other": {"ru": "Другое", "kk": "Басқа", "en": "Other"},
                },
            ),
        ],
    ),
    (
        "more",
        {"ru": ("Напоследок", ""), "kk": ("Соңында", ""), "en": ("Last", "")},
        [
            (
                "long_text",
                "obstacle",
                {
                    "ru": "Что больше всего мешает вашей организации?",
                    "kk": "Ұйымыңызға ең көп не кедергі?",
                    "en": "What holds your organisation back most?",
                },
                {"required": False},
            ),
            (
                "short_text",
                "time",
                {
                    "ru": "Когда вам удобно учиться (дни, время)?",
                    "kk": "Сізге қашан оқыған ыңғайлы (күндер, уақыт)?",
                    "en": "When suits you to learn (days, time)?",
                },
                {"required": False},
            ),
        ],
    ),
]

# Free-text answers the demo draws from (ru, as most answers come in Russian).
OBSTACLES = [
    "Нет бухгалтера, отчёты делаем сами по вечерам.",
    "Не знаем, какие фонды дают гранты сельским организациям.",
    "Молодёжь уезжает, волонтёров мало.",
    "Интернет в селе слабый, вебинары прерываются.",
    "Нет помещения для встреч.",
]
OTHER_TOPICS = ["Работа с акиматом", "Как вести сайт", "Государственный социальный заказ"]
OTHER_FORMATS = ["Наставник из опытного НПО"]
TIMES = ["По субботам", "Вечером после 18:00", "Зимой, когда меньше работы", "В будни утром"]
