"""The demo library: four manuals, each in Kazakh, Russian and English. Our own words."""

LIBRARY = {
    "slug": "manuals",
    "ru": (
        "Методические пособия",
        "Пособия и шаблоны для сотрудников сельских НПО и активных жителей. Скачать можно бесплатно.",
    ),
    "kk": (
        "Әдістемелік құралдар",
        "Ауылдық ҮЕҰ қызметкерлері мен белсенді тұрғындарға арналған құралдар мен үлгілер. Тегін жүктеп алыңыз.",
    ),
    "en": ("Manuals", "Manuals and templates for the staff of rural NGOs and active villagers, free to download."),
}

# (slug, category, file kind, {language: (title, summary, [lines of the document])})
MANUALS = [
    (
        "register-ngo",
        "manual",
        "pdf",
        {
            "ru": (
                "Как зарегистрировать НПО: шаг за шагом",
                "Для инициативной группы, которая решила стать организацией: какие документы собрать, куда подать, "
                "сколько это длится и что делать после регистрации.",
                [
                    "Соберите учредителей и решите, чем займётся организация.",
                    "Напишите устав простыми словами.",
                    "Подайте документы через портал электронного правительства.",
                    "Откройте счёт и встаньте на учёт.",
                ],
            ),
            "kk": (
                "ҮЕҰ-ны қалай тіркеуге болады: қадам бойынша",
                "Ұйым болуды шешкен бастамашыл топқа арналған: қандай құжаттар жинау керек, қайда тапсыру керек, "
                "қанша уақыт кетеді және тіркелгеннен кейін не істеу керек.",
                [
                    "Құрылтайшыларды жинап, ұйымның мақсатын анықтаңыз.",
                    "Жарғыны қарапайым тілмен жазыңыз.",
                    "Құжаттарды электрондық үкімет порталы арқылы тапсырыңыз.",
                    "Шот ашып, есепке тұрыңыз.",
                ],
            ),
            "en": (
                "How to register an NGO, step by step",
                "For an initiative group that has decided to become an organisation: which papers to gather, where to "
                "file them, how long it takes and what to do once registered.",
                [
                    "Gather the founders and agree what the organisation will do.",
                    "Write the charter in plain words.",
                    "File the papers through the e-government portal.",
                    "Open a bank account and register for tax.",
                ],
            ),
        },
    ),
    (
        "write-a-project",
        "manual",
        "pdf",
        {
            "ru": (
                "Пишем проект на малый грант",
                "Как из идеи сделать проект, который поймёт эксперт: проблема, цель, мероприятия, бюджет и "
                "ожидаемые результаты, с примером из жизни села.",
                [
                    "Опишите проблему цифрами и словами жителей.",
                    "Поставьте одну измеримую цель.",
                    "Распишите мероприятия по месяцам.",
                    "Каждая строка бюджета — под мероприятие.",
                ],
            ),
            "kk": (
                "Шағын грантқа жоба жазамыз",
                "Идеядан сарапшыға түсінікті жобаны қалай жасауға болады: мәселе, мақсат, іс-шаралар, бюджет және "
                "күтілетін нәтижелер, ауыл өмірінен мысалмен.",
                [
                    "Мәселені сандармен және тұрғындардың сөзімен сипаттаңыз.",
                    "Бір өлшенетін мақсат қойыңыз.",
                    "Іс-шараларды айлар бойынша жазыңыз.",
                    "Бюджеттің әр жолы — бір іс-шараға.",
                ],
            ),
            "en": (
                "Writing a project for a small grant",
                "How to turn an idea into a project an expert understands: problem, aim, activities, budget and "
                "expected results, with an example from village life.",
                [
                    "Describe the problem with figures and in villagers' words.",
                    "Set one aim you can measure.",
                    "Plan the activities month by month.",
                    "Tie every budget line to an activity.",
                ],
            ),
        },
    ),
    (
        "budget-template",
        "template",
        "xlsx",
        {
            "ru": (
                "Шаблон бюджета проекта",
                "Таблица Excel со статьями, количеством и ценой: суммы считаются сами, итог сверяется с лимитом "
                "гранта 570 000 ₸.",
                ["Статья расходов", "Количество", "Цена, ₸", "Сумма, ₸"],
            ),
            "kk": (
                "Жоба бюджетінің үлгісі",
                "Шығын баптары, саны мен бағасы бар Excel кестесі: сомалар өздігінен есептеледі, қорытынды 570 000 ₸ "
                "грант шегімен салыстырылады.",
                ["Шығын бабы", "Саны", "Бағасы, ₸", "Сомасы, ₸"],
            ),
            "en": (
                "Project budget template",
                "An Excel sheet of budget lines with quantity and price: amounts add up by themselves and the total "
                "is checked against the 570,000 ₸ grant limit.",
                ["Budget line", "Quantity", "Price, ₸", "Amount, ₸"],
            ),
        },
    ),
    (
        "application-checklist",
        "checklist",
        "pdf",
        {
            "ru": (
                "Чек-лист: перед отправкой заявки",
                "Десять вопросов, которые стоит задать себе до того, как нажать «Отправить»: от БИН и подписей до "
                "сроков и приложений.",
                [
                    "БИН организации проверен?",
                    "Сумма бюджета не больше лимита?",
                    "Приложены письма поддержки?",
                    "Контакты руководителя верны?",
                ],
            ),
            "kk": (
                "Тексеру парағы: өтінімді жібермес бұрын",
                "«Жіберу» батырмасын баспас бұрын өзіңізге қоятын он сұрақ: БСН мен қолдардан бастап мерзімдер мен "
                "қосымшаларға дейін.",
                [
                    "Ұйымның БСН тексерілді ме?",
                    "Бюджет сомасы шектен аспай ма?",
                    "Қолдау хаттары тіркелді ме?",
                    "Басшының байланыс деректері дұрыс па?",
                ],
            ),
            "en": (
                "Checklist: before you send an application",
                "Ten questions to ask yourself before pressing “Send”: from the BIN and signatures to deadlines and "
                "attachments.",
                [
                    "Is the organisation's BIN checked?",
                    "Is the budget within the limit?",
                    "Are the letters of support attached?",
                    "Are the head's contacts right?",
                ],
            ),
        },
    ),
]
