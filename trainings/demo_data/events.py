"""Demo trainings, webinars, a consultation day and a mentoring session, in our words, for kk, ru and en."""

INDEX = {
    "slug": "trainings",
    "ru": ("Обучение", "Тренинги, вебинары и консультации для сельских НПО и инициативных групп. Участие бесплатное."),
    "kk": ("Оқыту", "Ауылдық ҮЕҰ мен бастамашыл топтарға арналған тренингтер, вебинарлар және кеңестер. Қатысу тегін."),
    "en": ("Trainings", "Trainings, webinars and consultations for rural NGOs and initiative groups. Free of charge."),
}
CONSENT = {
    "ru": "<p>Регистрируясь, вы соглашаетесь, что организатор программы (см. подвал сайта: название и БИН) "
    "хранит ваше имя, организацию, район, телефон и email, чтобы вести список участников, напомнить о занятии "
    "и внести вас в базу контактов программы. Данные хранятся в Казахстане, третьим лицам не передаются, "
    "согласие действует до конца программы; отозвать его можно письмом на адрес организатора.</p>",
    "kk": "<p>Тіркелу арқылы сіз бағдарлама ұйымдастырушысының (атауы мен БСН сайттың төменгі жағында) "
    "қатысушылар тізімін жүргізу, сабақ туралы еске салу және бағдарламаның байланыс базасына енгізу үшін "
    "атыңызды, ұйымыңызды, ауданыңызды, телефоныңыз бен email-іңізді сақтауына келісім бересіз. Деректер "
    "Қазақстанда сақталады, үшінші тұлғаларға берілмейді, келісім бағдарлама аяқталғанша күшінде; оны "
    "ұйымдастырушыға хат жазып кері қайтарып алуға болады.</p>",
    "en": "<p>By registering you agree that the programme's organiser (name and BIN in the site's footer) keeps "
    "your name, organisation, district, phone and email to keep the list of participants, remind you of the "
    "session and add you to the programme's contacts. The data stay in Kazakhstan, are not passed to third "
    "parties, and the consent lasts until the programme ends; withdraw it by writing to the organiser.</p>",
}
CONSENT_VERSION = "2026-12"

# slug, kind, days from today (negative: past), sessions (start hour, hours) per day, district code or None
# (online), settlement/venue per language, capacity, topics, language of delivery, trainers,
# texts {lang: (title, intro)}
EVENTS = [
    (
        "project-management-aksai",
        "training",
        -30,
        [(10, 6), (10, 4)],
        "burli",
        {
            "ru": ("Аксай", "Районный дом культуры"),
            "kk": ("Ақсай", "Аудандық мәдениет үйі"),
            "en": ("Aksai", "District house of culture"),
        },
        20,
        ",project-management,writing-projects,",
        "kk-ru",
        ["Гульнара Есенова", "Марат Кайргалиев"],
        {
            "ru": (
                "Управление проектами для сельских НПО",
                "Два дня о том, как превратить идею села в проект: цели, план работ, бюджет и отчёт.",
            ),
            "kk": (
                "Ауылдық ҮЕҰ үшін жобаларды басқару",
                "Ауылдың идеясын жобаға айналдыру туралы екі күн: мақсат, жұмыс жоспары, бюджет және есеп.",
            ),
            "en": (
                "Project management for rural NGOs",
                "Two days on turning a village's idea into a project: aims, work plan, budget and report.",
            ),
        },
    ),
    (
        "writing-a-proposal-webinar",
        "webinar",
        -10,
        [(15, 2)],
        None,
        None,
        None,
        ",writing-projects,",
        "ru",
        ["Марат Кайргалиев"],
        {
            "ru": (
                "Вебинар: как написать проектную заявку",
                "Разбираем форму заявки конкурса шаг за шагом и отвечаем на вопросы.",
            ),
            "kk": (
                "Вебинар: жоба өтінімін қалай жазу керек",
                "Конкурс өтінімінің формасын қадам-қадаммен талдап, сұрақтарға жауап береміз.",
            ),
            "en": (
                "Webinar: writing a project proposal",
                "We go through the competition's application form step by step and answer questions.",
            ),
        },
    ),
    (
        "fundraising-taskala",
        "training",
        10,
        [(10, 5)],
        "taskala",
        {
            "ru": ("Таскала", "Актовый зал акимата района"),
            "kk": ("Тасқала", "Аудан әкімдігінің мәжіліс залы"),
            "en": ("Taskala", "Assembly hall of the district akimat"),
        },
        3,
        ",fundraising,communication,",
        "kk",
        ["Айжан Мукашева"],
        {
            "ru": (
                "Где сельскому НПО найти деньги",
                "Гранты, местный бизнес, пожертвования земляков: как просить и как отчитываться.",
            ),
            "kk": (
                "Ауылдық ҮЕҰ қаражатты қайдан табады",
                "Гранттар, жергілікті бизнес, жерлестердің садақасы: қалай сұрап, қалай есеп беру керек.",
            ),
            "en": (
                "Where a rural NGO finds money",
                "Grants, local business, donations from people of the village: how to ask and how to report.",
            ),
        },
    ),
    (
        "reporting-webinar",
        "webinar",
        5,
        [(16, 2)],
        None,
        None,
        100,
        ",finance-and-reporting,",
        "kk-ru",
        ["Светлана Ким"],
        {
            "ru": (
                "Вебинар: бухгалтерия и отчётность НПО",
                "Какие отчёты сдаёт общественное объединение и как не пропустить сроки.",
            ),
            "kk": (
                "Вебинар: ҮЕҰ бухгалтериясы мен есептілігі",
                "Қоғамдық бірлестік қандай есептер тапсырады және мерзімді қалай өткізіп алмау керек.",
            ),
            "en": (
                "Webinar: NGO accounting and reporting",
                "Which reports a public association files and how not to miss the deadlines.",
            ),
        },
    ),
    (
        "consultation-day-zhympity",
        "consultation-day",
        14,
        [(10, 7)],
        "syrym",
        {
            "ru": ("Жымпиты", "Районная библиотека"),
            "kk": ("Жымпиты", "Аудандық кітапхана"),
            "en": ("Zhympity", "District library"),
        },
        None,
        ",founding-an-ngo,legal-basics,",
        "kk-ru",
        ["Консультанты программы"],
        {
            "ru": (
                "День консультаций в Сырымском районе",
                "Приходите с вопросами о регистрации объединения, уставе и участии в конкурсе.",
            ),
            "kk": (
                "Сырым ауданында кеңес беру күні",
                "Бірлестікті тіркеу, жарғы және конкурсқа қатысу туралы сұрақтарыңызбен келіңіз.",
            ),
            "en": (
                "Consultation day in Syrym district",
                "Come with questions on registering an association, its charter and taking part in the competition.",
            ),
        },
    ),
    (
        "mentoring-terekti",
        "mentoring-session",
        20,
        [(14, 3)],
        "terekti",
        {
            "ru": ("Теректы", "Центр поддержки гражданских инициатив"),
            "kk": ("Теректі", "Азаматтық бастамаларды қолдау орталығы"),
            "en": ("Terekti", "Civic initiatives support centre"),
        },
        12,
        ",staff-and-volunteers,project-management,",
        "kk",
        ["Гульнара Есенова"],
        {
            "ru": (
                "Встреча с наставниками: первые шаги нового НПО",
                "Опытные организации делятся, как они набирали волонтёров и вели первый проект.",
            ),
            "kk": (
                "Тәлімгерлермен кездесу: жаңа ҮЕҰ-ның алғашқы қадамдары",
                "Тәжірибелі ұйымдар еріктілерді қалай тартқанын және алғашқы жобаны қалай жүргізгенін айтады.",
            ),
            "en": (
                "Meeting the mentors: a new NGO's first steps",
                "Experienced organisations tell how they found volunteers and ran their first project.",
            ),
        },
    ),
]

# slug: [(full name, organisation, district code, phone, email, language)] in the order they registered
REGISTRATIONS = {
    "project-management-aksai": [
        ("Айгерим Садыкова", "ОО «Жас Өркен»", "burli", "+77012345601", "aigerim.demo@example.org", "kk"),
        (
            "Ерлан Жумабаев",
            "Инициативная группа села Пугачево",
            "burli",
            "+77012345602",
            "erlan.demo@example.org",
            "ru",
        ),
        ("Наталья Волкова", "", "burli", "+77012345603", "natalya.demo@example.org", "ru"),
    ],
    "fundraising-taskala": [
        ("Бауыржан Исмаилов", "ОФ «Тасқала жастары»", "taskala", "+77012345604", "baurzhan.demo@example.org", "kk"),
        ("Динара Абдрахманова", "", "taskala", "+77012345605", "dinara.demo@example.org", "kk"),
        ("Асель Нургалиева", "ОО «Ана мен бала»", "taskala", "+77012345606", "asel.demo@example.org", "ru"),
        ("Руслан Тлеуов", "", "akzhaiyk", "+77012345607", "ruslan.demo@example.org", "kk"),
        ("Олег Петренко", "", "taskala", "+77012345608", "oleg.demo@example.org", "ru"),
    ],
    "reporting-webinar": [
        ("Айгерим Садыкова", "ОО «Жас Өркен»", "burli", "+77012345601", "aigerim.demo@example.org", "kk"),
        ("Мария Ли", "", "uralsk", "+77012345609", "maria.demo@example.org", "ru"),
    ],
}
# who was there at each session of the past training (by email)
ATTENDED = {
    "project-management-aksai": [["aigerim.demo@example.org", "erlan.demo@example.org"], ["aigerim.demo@example.org"]]
}
WEBINAR_URL = "https://meet.example.org/auyl-demo"

# consultation requests, one in each status: (status, name, organisation, district, phone, email, language,
# topic, question, format, days until the consultation or None)
CONSULTATIONS = [
    ("new", "Жанна Утегенова", "", "zhanibek", "+77012345610", "zhanna.demo@example.org", "kk", "founding-an-ngo",
     "Ауылда әйелдер кеңесін ҮЕҰ ретінде тіркеу үшін не керек?", "phone", None),
    ("scheduled", "Сергей Белов", "ОО «Зелёный Дарьинск»", "baiterek", "+77012345611", "sergey.demo@example.org", "ru",
     "finance-and-reporting", "Какую отчётность сдавать, если грант получен впервые?", "online", 4),
    ("done", "Айгерим Садыкова", "ОО «Жас Өркен»", "burli", "+77012345601", "aigerim.demo@example.org", "kk",
     "writing-projects", "Жоба бюджетіне көлік шығындарын қосуға бола ма?", "in-person", -6),
    ("declined", "Test Testov", "", "uralsk", "+77012345612", "spam.demo@example.org", "ru", "",
     "Продаю рекламу в соцсетях недорого.", "phone", None),
]  # fmt: skip

# mentoring pairs: (mentor, beginner, started days ago, ended days ago or None, goals, sessions (days ago, summary))
MENTORING = [
    ("ОО «Центр гражданских инициатив Теректы»", "Инициативная группа «Жаңа ауыл»", 60, None,
     "Зарегистрировать объединение и подать первую заявку на конкурс.",
     [(50, "Разобрали устав и документы для регистрации."), (20, "Составили план первого проекта.")]),
    ("ОФ «Ауыл жастары» (Аксай)", "Инициативная группа села Пугачево", 120, 10,
     "Научиться вести учёт и сдать отчёт по первому проекту.",
     [(100, "Завели таблицу расходов."), (40, "Проверили отчёт перед сдачей.")]),
]  # fmt: skip
