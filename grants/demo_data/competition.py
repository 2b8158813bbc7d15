"""Last year's competition as it ran: applicants, the rubric, experts' scores, a conflict,
one application screened out, five awards of 570 000 ₸. Written for the demo."""

# the rubric of the migrated fixed scores (grants/migrations/0010): same ids, so the same keys
RUBRIC = [
    (
        "a1000001-0000-4000-8000-000000000001",
        {
            "ru": ("Польза для села", "0 — селу это не нужно, 5 — решает острую проблему многих жителей."),
            "kk": ("Ауылға пайдасы", "0 — ауылға қажет емес, 5 — көп тұрғынның өзекті мәселесін шешеді."),
            "en": (
                "Benefit to the village",
                "0: the village does not need it; 5: it solves a pressing problem for many.",
            ),
        },
    ),
    (
        "a1000002-0000-4000-8000-000000000002",
        {
            "ru": ("Выполнимость", "Хватит ли людей, времени и опыта, чтобы сделать задуманное за год."),
            "kk": ("Орындалуы", "Жоспарды бір жылда орындауға адам, уақыт және тәжірибе жете ме."),
            "en": ("Feasibility", "Are there enough people, time and experience to do it within a year?"),
        },
    ),
    (
        "a1000003-0000-4000-8000-000000000003",
        {
            "ru": ("Обоснованный бюджет", "Цены реальные, каждая статья нужна для результата."),
            "kk": ("Негізделген бюджет", "Бағалар шынайы, әр бап нәтижеге қажет."),
            "en": ("A sound budget", "Prices are realistic and every line serves the result."),
        },
    ),
]

# (email, organisation, BIN, type, district, village, contact, project title, requested, language)
PAST_APPLICANTS = [
    (
        "bereke.aksai@example.kz",
        "ОО «Береке»",
        "990140004654",
        "ngo",
        "burli",
        "Аксай",
        "Гульнара Ахметова",
        "Мастерская ремёсел для подростков",
        570000,
        "ru",
    ),
    (
        "merei.taskala@example.kz",
        "ҚБ «Мерей»",
        "050140000389",
        "ngo",
        "taskala",
        "Тасқала",
        "Ерлан Жумабаев",
        "Ауыл кітапханасындағы балалар клубы",
        570000,
        "kk",
    ),
    (
        "kaztal.su@example.kz",
        "Инициативная группа «Чистая вода»",
        "",
        "initiative_group",
        "kaztalov",
        "Казталовка",
        "Нурлан Сагиев",
        "Родник и колодец на окраине села",
        570000,
        "ru",
    ),
    (
        "syrym.dostyk@example.kz",
        "Этнокультурный центр «Достық»",
        "060140000300",
        "ethnocultural_centre",
        "syrym",
        "Жымпиты",
        "Ольга Ким",
        "Праздник культур района",
        570000,
        "ru",
    ),
    (
        "zhanakala.zhasyl@example.kz",
        "ҚБ «Жасыл дала»",
        "070140000302",
        "ngo",
        "zhangala",
        "Жаңақала",
        "Айбек Нурпеисов",
        "Ауыл саябағын көгалдандыру",
        570000,
        "kk",
    ),
    (
        "akzhaik.sport@example.kz",
        "ОО «Спорт села»",
        "080140000304",
        "ngo",
        "akzhaiyk",
        "Чапаев",
        "Сергей Павлов",
        "Турнир по волейболу для сёл района",
        450000,
        "ru",
    ),
    (
        "terekti.ana@example.kz",
        "ҚБ «Ана мен бала»",
        "090140000366",
        "ngo",
        "terekti",
        "Теректі",
        "Сәуле Исаева",
        "Жас аналарға арналған кеңес орталығы",
        520000,
        "kk",
    ),
    (
        "uralsk.biz@example.kz",
        "ТОО «Урал Строй»",
        "100140000300",
        "other",
        "uralsk",
        "Уральск",
        "Дмитрий Орлов",
        "Ремонт офиса компании",
        570000,
        "ru",
    ),
]
# the last applicant is a company in the city: screened out
INELIGIBLE = ("uralsk.biz@example.kz", "applicant_type", "Коммерческая организация, проект в городе.")

# expert -> {applicant email: (benefit, feasibility, budget, comment)}
SCORES = {
    "expert1": {
        "bereke.aksai@example.kz": (5, 5, 4, "Понятный план, есть наставники."),
        "merei.taskala@example.kz": (5, 4, 4, "Клуб нужен, кітапхана готова помочь."),
        "kaztal.su@example.kz": (5, 4, 5, "Острая проблема: воду возят."),
        "syrym.dostyk@example.kz": (4, 4, 4, "Хороший охват, но смета общая."),
        "zhanakala.zhasyl@example.kz": (4, 4, 3, "Саженцы дорогие, полив продуман."),
        "akzhaik.sport@example.kz": (4, 3, 3, "Призы занимают треть бюджета."),
        "terekti.ana@example.kz": (3, 3, 3, "Нет специалистов в команде."),
    },
    "expert2": {
        "bereke.aksai@example.kz": (5, 4, 5, "Сильная команда."),
        "merei.taskala@example.kz": (4, 5, 4, "Реалистично."),
        "kaztal.su@example.kz": (2, 2, 3, "Нужна экспертиза воды — сроки под вопросом."),
        "zhanakala.zhasyl@example.kz": (4, 4, 4, "Поддержка акимата есть."),
        "akzhaik.sport@example.kz": (3, 3, 3, "Разовое мероприятие."),
        "terekti.ana@example.kz": (3, 3, 2, "Смета завышена."),
    },
    "expert3": {
        "syrym.dostyk@example.kz": (4, 5, 4, "Центр давно работает, есть волонтёры."),
    },
}
# expert2 helped the Syrym centre write its application: declared, and expert3 reviews it instead
CONFLICT = ("expert2", "syrym.dostyk@example.kz", "Я консультировал центр при подготовке заявки.")
SHORTLIST = [
    "bereke.aksai@example.kz",
    "merei.taskala@example.kz",
    "kaztal.su@example.kz",
    "syrym.dostyk@example.kz",
    "zhanakala.zhasyl@example.kz",
    "akzhaik.sport@example.kz",
]
