"""The demo news and district-meeting reports, in our words, for kk, ru and en."""

from news.models import Category

NEWS_INDEX = {
    "slug": "news",
    "ru": ("Новости", "Отчёты о встречах в районах, новости конкурса и обучения."),
    "kk": ("Жаңалықтар", "Аудандардағы кездесулер, конкурс пен оқыту жаңалықтары."),
    "en": ("News", "Reports from district meetings, news of the competition and trainings."),
}

M = Category.DISTRICT_MEETING
# slug, category, district codes, days ago, meeting (days ago, participants, villages, topics per language) or None,
# texts {lang: (title, lead, paragraph)}
NEWS = [
    (
        "burli-meeting",
        M,
        ["burli"],
        40,
        (41, 34, "Аксай, Бурлин, Пугачево"),
        {
            "ru": (
                "Первая встреча программы прошла в Бурлинском районе",
                "В Аксае жители сёл обсудили, зачем селу своё НПО и с чего начать.",
                "Организаторы рассказали, как зарегистрировать объединение, как найти сторонников и как описать "
                "проект так, чтобы его поняли в комиссии. Участники назвали главные трудности: нет опыта в "
                "отчётности и не хватает людей, готовых вести дела организации.",
            ),
            "kk": (
                "Бағдарламаның алғашқы кездесуі Бөрлі ауданында өтті",
                "Ақсайда ауыл тұрғындары ауылға өз ҮЕҰ-ының не үшін керек екенін және неден бастау керектігін талқылады.",
                "Ұйымдастырушылар бірлестікті қалай тіркеуге, жақтастарды қалай табуға және жобаны комиссияға "
                "түсінікті етіп қалай сипаттауға болатынын айтты. Қатысушылар есеп беру тәжірибесінің жоқтығын "
                "және ұйым ісін жүргізетін адамдардың аздығын негізгі қиындық деп атады.",
            ),
            "en": (
                "The programme's first meeting took place in Burli District",
                "In Aksai, villagers discussed why a village needs its own NGO and where to begin.",
                "The organisers explained how to register an association, find supporters and describe a project "
                "so that a selection panel understands it. Participants named their main difficulties: no "
                "experience of reporting and too few people ready to run an organisation.",
            ),
        },
    ),
    (
        "taskala-meeting",
        M,
        ["taskala"],
        33,
        (34, 27, "Таскала, Мерей, Амангельды"),
        {
            "ru": (
                "Встреча в Таскалинском районе: от идеи к проекту",
                "Активисты из сёл района учились превращать местную проблему в заявку на грант.",
                "Разобрали пример: детская площадка, которую жители хотят построить сами. Что нужно описать, "
                "сколько это стоит и кто будет отвечать за результат. Несколько групп решили подать заявки "
                "в первом раунде конкурса.",
            ),
            "kk": (
                "Тасқала ауданындағы кездесу: идеядан жобаға дейін",
                "Аудан ауылдарының белсенділері жергілікті мәселені грантқа өтінімге айналдыруды үйренді.",
                "Тұрғындар өздері салғысы келетін балалар алаңы мысалында не сипаттау керек, қанша тұратынын және "
                "нәтижеге кім жауап беретінін қарастырды. Бірнеше топ конкурстың бірінші кезеңіне өтінім беруді "
                "ұйғарды.",
            ),
            "en": (
                "Meeting in Taskala District: from an idea to a project",
                "Village activists practised turning a local problem into a grant application.",
                "They worked through an example: a playground residents want to build themselves — what to "
                "describe, what it costs and who answers for the result. Several groups decided to apply in "
                "the competition's first round.",
            ),
        },
    ),
    (
        "terekti-meeting",
        M,
        ["terekti"],
        26,
        (27, 19, "Теректі, Подстепное"),
        {
            "ru": (
                "В Теректинском районе говорили о кадрах для НПО",
                "Кто будет работать в сельской организации и как удержать волонтёров.",
                "Участники обсудили, как распределить обязанности в небольшой команде и где найти наставника. "
                "Организаторы пообещали включить эту тему в программу обучения.",
            ),
            "kk": (
                "Теректі ауданында ҮЕҰ кадрлары туралы сөз болды",
                "Ауылдық ұйымда кім жұмыс істейді және еріктілерді қалай ұстап қалуға болады.",
                "Қатысушылар шағын топта міндеттерді қалай бөлу керектігін және тәлімгерді қайдан табуға "
                "болатынын талқылады. Ұйымдастырушылар бұл тақырыпты оқыту бағдарламасына қосуға уәде берді.",
            ),
            "en": (
                "Terekti District talked about people for NGOs",
                "Who will work in a village organisation, and how to keep volunteers.",
                "Participants discussed sharing duties in a small team and finding a mentor. The organisers "
                "promised to add the topic to the training programme.",
            ),
        },
    ),
    (
        "syrym-meeting",
        M,
        ["syrym"],
        19,
        (20, 22, "Жымпиты, Алғабас"),
        {
            "ru": (
                "Сырымский район: где искать деньги на сельские проекты",
                "Жители Жымпиты узнали о грантах, спонсорской помощи и местных бюджетах.",
                "Большинство сельских организаций живут на собственные средства. На встрече перечислили "
                "источники, о которых участники раньше не слышали, и объяснили, как готовиться к конкурсам.",
            ),
            "kk": (
                "Сырым ауданы: ауыл жобаларына қаражатты қайдан іздеу керек",
                "Жымпиты тұрғындары гранттар, демеушілік көмек және жергілікті бюджеттер туралы білді.",
                "Ауылдық ұйымдардың көбі өз қаражатымен күн көреді. Кездесуде қатысушылар бұрын естімеген "
                "көздер аталып, конкурстарға қалай дайындалу керектігі түсіндірілді.",
            ),
            "en": (
                "Syrym District: where to look for money for village projects",
                "Residents of Zhympity learnt about grants, sponsorship and local budgets.",
                "Most village organisations live on their members' own money. The meeting listed sources "
                "participants had not heard of and explained how to prepare for competitions.",
            ),
        },
    ),
    (
        "kaztalov-meeting",
        M,
        ["kaztalov", "zhanibek"],
        12,
        (13, 41, "Казталовка, Жалпақтал, Жанибек"),
        {
            "ru": (
                "Совместная встреча для Казталовского и Жанибекского районов",
                "Жители двух районов собрались в Казталовке, чтобы обсудить создание НПО.",
                "Дороги между сёлами длинные, поэтому соседние районы встретились вместе. Разговор шёл о "
                "регистрации, о первых шагах новой организации и о том, как поддерживать связь с программой.",
            ),
            "kk": (
                "Қазталов және Жәнібек аудандарына арналған бірлескен кездесу",
                "Екі аудан тұрғындары ҮЕҰ құруды талқылау үшін Қазталовта жиналды.",
                "Ауылдар арасындағы жол ұзақ болғандықтан, көрші аудандар бірге кездесті. Әңгіме тіркеу, жаңа "
                "ұйымның алғашқы қадамдары және бағдарламамен байланыс туралы болды.",
            ),
            "en": (
                "A joint meeting for Kaztalov and Zhanibek Districts",
                "Residents of two districts gathered in Kaztalovka to talk about founding NGOs.",
                "Villages are far apart, so neighbouring districts met together. The talk covered registration, "
                "a new organisation's first steps and staying in touch with the programme.",
            ),
        },
    ),
    (
        "baiterek-meeting",
        M,
        ["baiterek"],
        5,
        (6, 30, "Переметное, Дарьинское"),
        {
            "ru": (
                "Район Бәйтерек: встреча с инициативными группами",
                "В Переметном собрались группы, у которых ещё нет своей организации.",
                "Инициативные группы тоже могут участвовать в конкурсе малых грантов. Организаторы объяснили, "
                "какие документы понадобятся и как оформить группу, если проект будет поддержан.",
            ),
            "kk": (
                "Бәйтерек ауданы: бастамашыл топтармен кездесу",
                "Перемётноеде әлі өз ұйымы жоқ топтар жиналды.",
                "Бастамашыл топтар да шағын гранттар конкурсына қатыса алады. Ұйымдастырушылар қандай құжаттар "
                "қажет болатынын және жоба қолдау тапса, топты қалай ресімдеу керектігін түсіндірді.",
            ),
            "en": (
                "Baiterek District: a meeting with initiative groups",
                "Groups that have no organisation of their own yet met in Peremetnoe.",
                "Initiative groups may enter the small-grants competition too. The organisers explained which "
                "documents will be needed and how to formalise a group if its project is supported.",
            ),
        },
    ),
    (
        "competition-opens",
        Category.GRANTS,
        [],
        30,
        None,
        {
            "ru": (
                "Объявлен конкурс малых грантов для сельских НПО",
                "Пять организаций получат по 570 000 тенге на свои проекты.",
                "Подать заявку могут сельские НПО и инициативные группы, приглашаются также этнокультурные "
                "центры. Общий фонд первого раунда — 2 850 000 тенге.",
            ),
            "kk": (
                "Ауылдық ҮЕҰ үшін шағын гранттар конкурсы жарияланды",
                "Бес ұйым өз жобаларына 570 000 теңгеден алады.",
                "Өтінімді ауылдық ҮЕҰ мен бастамашыл топтар бере алады, этномәдени орталықтар да шақырылады. "
                "Бірінші кезеңнің жалпы қоры — 2 850 000 теңге.",
            ),
            "en": (
                "Small-grants competition for rural NGOs announced",
                "Five organisations will receive 570,000 tenge each for their projects.",
                "Rural NGOs and initiative groups may apply; ethnocultural centres are invited too. The first "
                "round's total fund is 2,850,000 tenge.",
            ),
        },
    ),
    (
        "survey-results",
        Category.PROGRAMME,
        [],
        22,
        None,
        {
            "ru": (
                "Опрос показал, чему хотят научиться сельские НПО",
                "Чаще всего просят научить писать проекты и вести учёт.",
                "В онлайн-опросе участвовали организации из разных районов. Его итоги определили темы "
                "тренингов и вебинаров, которые начнутся в следующем месяце.",
            ),
            "kk": (
                "Сауалнама ауылдық ҮЕҰ-лар нені үйренгісі келетінін көрсетті",
                "Көбіне жоба жазуды және есеп жүргізуді үйретуді сұрайды.",
                "Онлайн-сауалнамаға әр аудандағы ұйымдар қатысты. Оның қорытындысы келесі айда басталатын "
                "тренингтер мен вебинарлардың тақырыптарын анықтады.",
            ),
            "en": (
                "Survey shows what rural NGOs want to learn",
                "Most ask to learn project writing and bookkeeping.",
                "Organisations from several districts answered the online survey. Its results chose the topics "
                "of the trainings and webinars starting next month.",
            ),
        },
    ),
    (
        "webinar-project-management",
        Category.TRAININGS,
        [],
        15,
        None,
        {
            "ru": (
                "Вебинар по управлению проектами: запись доступна",
                "Первый вебинар собрал участников из восьми районов области.",
                "Говорили о планировании, бюджете и о том, как показать результат проекта. Запись и "
                "материалы можно получить у координаторов программы.",
            ),
            "kk": (
                "Жобаларды басқару бойынша вебинар: жазбасы қолжетімді",
                "Алғашқы вебинарға облыстың сегіз ауданынан қатысушылар жиналды.",
                "Жоспарлау, бюджет және жоба нәтижесін қалай көрсету туралы айтылды. Жазба мен материалдарды "
                "бағдарлама үйлестірушілерінен алуға болады.",
            ),
            "en": (
                "Project-management webinar: the recording is available",
                "The first webinar brought together participants from eight districts.",
                "It covered planning, budgets and showing a project's results. The recording and materials "
                "are available from the programme's coordinators.",
            ),
        },
    ),
    (
        "monitoring-figures",
        Category.PROGRAMME,
        [],
        400,
        None,
        {
            "ru": (
                "Мониторинг: в области 655 общественных объединений",
                "Десять лет назад их было 150; активны около ста.",
                "Лишь небольшая часть организаций работает на уровне районов. Программа хочет, чтобы их "
                "стало больше и чтобы они могли сами искать финансирование.",
            ),
            "kk": (
                "Мониторинг: облыста 655 қоғамдық бірлестік бар",
                "Он жыл бұрын олар 150 болған; жүзге жуығы белсенді.",
                "Ұйымдардың аз бөлігі ғана аудан деңгейінде жұмыс істейді. Бағдарлама олардың көбеюін және "
                "қаржыны өздері іздей алуын қалайды.",
            ),
            "en": (
                "Monitoring: the region has 655 public associations",
                "Ten years ago there were 150; about a hundred are active.",
                "Only a small share work at district level. The programme wants more of them, able to find "
                "their own funding.",
            ),
        },
    ),
    (
        "manual-published",
        Category.ANNOUNCEMENT,
        [],
        8,
        None,
        {
            "ru": (
                "Вышло методическое пособие для сотрудников НПО",
                "Пособие объясняет основы работы организации простым языком.",
                "В нём — регистрация, устав, отчётность и подготовка заявки. Печатные экземпляры раздадут "
                "на встречах в районах.",
            ),
            "kk": (
                "ҮЕҰ қызметкерлеріне арналған әдістемелік құрал шықты",
                "Құрал ұйым жұмысының негіздерін қарапайым тілмен түсіндіреді.",
                "Онда тіркеу, жарғы, есеп беру және өтінім дайындау қамтылған. Баспа даналары аудандардағы "
                "кездесулерде таратылады.",
            ),
            "en": (
                "A manual for NGO staff is out",
                "The manual explains the basics of running an organisation in plain words.",
                "It covers registration, statutes, reporting and preparing an application. Printed copies will "
                "be handed out at district meetings.",
            ),
        },
    ),
    (
        "consultations-uralsk",
        Category.ANNOUNCEMENT,
        ["uralsk"],
        2,
        None,
        {
            "ru": (
                "Консультации для НПО в Уральске",
                "Каждую среду специалисты программы отвечают на вопросы организаций.",
                "Можно прийти с уставом, отчётом или идеей проекта. Консультации бесплатные, запись по "
                "телефону программы.",
            ),
            "kk": (
                "Оралда ҮЕҰ-ға арналған кеңестер",
                "Әр сәрсенбі бағдарлама мамандары ұйымдардың сұрақтарына жауап береді.",
                "Жарғымен, есеппен немесе жоба идеясымен келуге болады. Кеңестер тегін, бағдарлама телефоны "
                "арқылы жазылуға болады.",
            ),
            "en": (
                "Consultations for NGOs in Uralsk",
                "Every Wednesday the programme's specialists answer organisations' questions.",
                "Bring your statutes, a report or a project idea. Consultations are free; book by the "
                "programme's phone.",
            ),
        },
    ),
]
TOPICS = {
    "ru": "Создание НПО\nНаписание проектов\nКадры и наставничество",
    "kk": "ҮЕҰ құру\nЖоба жазу\nКадрлар және тәлімгерлік",
    "en": "Founding an NGO\nWriting projects\nStaff and mentoring",
}
AUTHOR = {"ru": "Пресс-служба программы", "kk": "Бағдарламаның баспасөз қызметі", "en": "Programme press office"}
