"""The demo site's own texts, in our words, for kk, ru and en.

Facts come from the programme's description (655 associations, about 100 active,
8 % at district level, 5 grants of 570 000 ₸); the sentences are ours.
"""

ORGANISATION = {
    "name_kk": "«Ауыл» бағдарламасы — БҚО ауылдық ҮЕҰ-ларын қолдау",
    "name_ru": "Программа «Ауыл» — поддержка сельских НПО ЗКО",
    "name_en": "Auyl — support for rural NGOs of West Kazakhstan",
    "bin": "940140000385",
    "address_kk": "Орал қ., Достық даңғылы, 1 (демо мекенжай)",
    "address_ru": "г. Уральск, проспект Достык, 1 (демо-адрес)",
    "address_en": "1 Dostyk Avenue, Uralsk (demo address)",
    "phone": "+77112512345",
    "email": "info@auyl.example",
}

SOCIAL = {
    "instagram": "https://www.instagram.com/auyl.example",
    "telegram": "https://t.me/auyl_example",
    "whatsapp": "https://wa.me/77011234567",
}

HOME = {
    "ru": {
        "title": "Сельские НПО Западно-Казахстанской области",
        "intro": "Мы ездим по районам, учим писать проекты и помогаем сельским инициативам получить первый грант.",
        "hero_button_label": "О программе",
        "text": (
            "<p>В городах области общественных организаций много, а в сёлах — единицы. "
            "Программа «Ауыл» меняет это: организаторы проводят встречи в каждом районе, "
            "консультируют жителей, которые хотят создать НПО, и сопровождают новичков, пока "
            "они не наберутся опыта.</p>"
            "<p>Весной пройдёт онлайн-опрос о том, чему сельским НПО нужно научиться. По его итогам "
            "мы составим программу тренингов и вебинаров по управлению проектами и выпустим "
            "методические пособия.</p>"
        ),
        "cta_title": "Конкурс малых грантов",
        "cta_text": "Пять сельских НПО и инициативных групп получат по 570 000 ₸ на свои проекты. Этнокультурные центры тоже могут участвовать.",
        "cta_button": "Как участвовать",
        "faq_title": "Частые вопросы",
        "faq": [
            (
                "Кто может участвовать в программе?",
                "<p>Сельские НПО, инициативные группы жителей и этнокультурные центры из всех районов области.</p>",
            ),
            (
                "Нужна ли регистрация организации?",
                "<p>Нет. Инициативная группа может подать заявку без БИН; мы поможем зарегистрировать организацию позже.</p>",
            ),
            ("Сколько стоит участие?", "<p>Ничего. Встречи, консультации и тренинги бесплатны.</p>"),
        ],
    },
    "kk": {
        "title": "Батыс Қазақстан облысының ауылдық ҮЕҰ-лары",
        "intro": "Біз аудандарды аралап, жоба жазуды үйретеміз және ауылдық бастамаларға алғашқы гранттарын алуға көмектесеміз.",
        "hero_button_label": "Бағдарлама туралы",
        "text": (
            "<p>Облыстың қалаларында қоғамдық ұйымдар көп, ал ауылдарда санаулы ғана. "
            "«Ауыл» бағдарламасы осыны өзгертеді: ұйымдастырушылар әр ауданда кездесу өткізіп, "
            "ҮЕҰ құрғысы келетін тұрғындарға кеңес береді және жаңадан бастағандарды тәжірибе "
            "жинағанша қолдайды.</p>"
            "<p>Көктемде ауылдық ҮЕҰ-ларға не үйрену керек екенін анықтайтын онлайн-сауалнама өтеді. "
            "Соның нәтижесінде жобаларды басқару бойынша тренингтер мен вебинарлар бағдарламасын "
            "жасап, әдістемелік құралдар шығарамыз.</p>"
        ),
        "cta_title": "Шағын гранттар конкурсы",
        "cta_text": "Бес ауылдық ҮЕҰ мен бастамашыл топ өз жобаларына 570 000 ₸-ден алады. Этномәдени орталықтар да қатыса алады.",
        "cta_button": "Қалай қатысуға болады",
        "faq_title": "Жиі қойылатын сұрақтар",
        "faq": [
            (
                "Бағдарламаға кім қатыса алады?",
                "<p>Облыстың барлық аудандарындағы ауылдық ҮЕҰ-лар, тұрғындардың бастамашыл топтары және этномәдени орталықтар.</p>",
            ),
            (
                "Ұйымды тіркеу қажет пе?",
                "<p>Жоқ. Бастамашыл топ БСН-сіз өтінім бере алады; ұйымды кейін тіркеуге көмектесеміз.</p>",
            ),
            ("Қатысу қанша тұрады?", "<p>Тегін. Кездесулер, кеңестер мен тренингтер ақысыз.</p>"),
        ],
    },
    "en": {
        "title": "Rural NGOs of West Kazakhstan Region",
        "intro": "We travel to every district, teach people to write projects and help village initiatives win their first grant.",
        "hero_button_label": "About the programme",
        "text": (
            "<p>The region's towns have many civic organisations; its villages have only a handful. "
            "Auyl sets out to change that: its organisers hold a meeting in every district, advise "
            "residents who want to found an NGO, and stay beside newcomers until they have found "
            "their feet.</p>"
            "<p>In spring an online survey will ask rural NGOs what they most need to learn. Its "
            "answers will shape a course of trainings and webinars on project management and a set "
            "of practical manuals.</p>"
        ),
        "cta_title": "Small-grants competition",
        "cta_text": "Five rural NGOs and initiative groups will receive 570 000 ₸ each for their projects. Ethnocultural centres may apply too.",
        "cta_button": "How to take part",
        "faq_title": "Frequently asked questions",
        "faq": [
            (
                "Who can take part?",
                "<p>Rural NGOs, residents' initiative groups and ethnocultural centres from every district of the region.</p>",
            ),
            (
                "Must our organisation be registered?",
                "<p>No. An initiative group may apply without a BIN; we will help you register later.</p>",
            ),
            ("What does it cost?", "<p>Nothing. Meetings, consultations and trainings are free.</p>"),
        ],
    },
}

# slug: {language: (title, intro, body html)}
STANDARD_PAGES = {
    "about": {
        "ru": (
            "О программе",
            "Как программа «Ауыл» помогает сельским инициативам стать сильными организациями.",
            "<h3>Зачем</h3><p>Из 655 общественных объединений области активно работают около ста, и лишь 8 % из них "
            "действуют в районах. Сельским НПО не хватает навыков управления, они мало знают об источниках "
            "финансирования и часто работают на собственные деньги.</p>"
            "<h3>Что мы делаем</h3><ul><li>Встречи с жителями в каждом районе и в городе Уральске.</li>"
            "<li>Онлайн-опрос о потребностях сельских НПО в обучении.</li>"
            "<li>Консультации по развитию гражданского общества на разных площадках.</li>"
            "<li>Тренинги и вебинары по управлению проектами, наставничество для новичков.</li>"
            "<li>Методические пособия для сотрудников НПО и активных граждан.</li>"
            "<li>Конкурс малых грантов: пять грантов по 570 000 ₸.</li></ul>"
            "<h3>Кто нас поддерживает</h3><p>Программа работает на средства государственного гранта.</p>",
        ),
        "kk": (
            "Бағдарлама туралы",
            "«Ауыл» бағдарламасы ауылдық бастамалардың мықты ұйымға айналуына қалай көмектеседі.",
            "<h3>Не үшін</h3><p>Облыстағы 655 қоғамдық бірлестіктің жүзге жуығы ғана белсенді, ал олардың 8 %-ы ғана "
            "аудандарда жұмыс істейді. Ауылдық ҮЕҰ-ларға басқару дағдылары жетіспейді, қаржыландыру көздері "
            "туралы аз біледі және көбіне өз қаражатымен жұмыс істейді.</p>"
            "<h3>Біз не істейміз</h3><ul><li>Әр ауданда және Орал қаласында тұрғындармен кездесулер.</li>"
            "<li>Ауылдық ҮЕҰ-лардың оқу қажеттіліктері туралы онлайн-сауалнама.</li>"
            "<li>Түрлі алаңдарда азаматтық қоғамды дамыту бойынша кеңестер.</li>"
            "<li>Жобаларды басқару бойынша тренингтер мен вебинарлар, жаңадан бастағандарға тәлімгерлік.</li>"
            "<li>ҮЕҰ қызметкерлері мен белсенді азаматтарға арналған әдістемелік құралдар.</li>"
            "<li>Шағын гранттар конкурсы: 570 000 ₸-ден бес грант.</li></ul>"
            "<h3>Бізді кім қолдайды</h3><p>Бағдарлама мемлекеттік грант қаражатымен жүзеге асырылады.</p>",
        ),
        "en": (
            "About the programme",
            "How Auyl helps village initiatives grow into strong organisations.",
            "<h3>Why</h3><p>Of the region's 655 public associations about a hundred are active, and only 8 % of them "
            "work in the districts. Rural NGOs lack management skills, know little about where funding comes from "
            "and often run on their members' own money.</p>"
            "<h3>What we do</h3><ul><li>Meetings with residents in every district and in Uralsk.</li>"
            "<li>An online survey of what rural NGOs need to learn.</li>"
            "<li>Consultations on civil-society development at different venues.</li>"
            "<li>Trainings and webinars on project management, with mentoring for newcomers.</li>"
            "<li>Practical manuals for NGO staff and active citizens.</li>"
            "<li>A small-grants competition: five grants of 570 000 ₸.</li></ul>"
            "<h3>Who supports us</h3><p>The programme is funded by a state grant.</p>",
        ),
    },
    "contacts": {
        "ru": (
            "Контакты",
            "Пишите, звоните или приходите — консультации бесплатны.",
            "<p>Офис программы находится в Уральске. Мы отвечаем на звонки и сообщения в будни "
            "с 9:00 до 18:00 по времени Уральска.</p><p>Если в вашем селе плохая связь, отправьте "
            "сообщение в WhatsApp — мы перезвоним.</p>",
        ),
        "kk": (
            "Байланыс",
            "Жазыңыз, қоңырау шалыңыз немесе келіңіз — кеңес тегін.",
            "<p>Бағдарлама кеңсесі Орал қаласында орналасқан. Жұмыс күндері Орал уақытымен 9:00-ден "
            "18:00-ге дейін қоңырауларға және хабарламаларға жауап береміз.</p><p>Егер ауылыңызда байланыс "
            "нашар болса, WhatsApp-қа хабарлама жіберіңіз — біз өзіміз хабарласамыз.</p>",
        ),
        "en": (
            "Contacts",
            "Write, call or drop in: consultations are free.",
            "<p>The programme's office is in Uralsk. We answer calls and messages on weekdays from "
            "9:00 to 18:00 Uralsk time.</p><p>If the connection in your village is poor, send us a "
            "WhatsApp message and we will call you back.</p>",
        ),
    },
    "privacy": {
        "ru": (
            "Политика обработки персональных данных",
            "Какие данные мы собираем, зачем, как долго храним и как отозвать согласие.",
            "<h3>Оператор</h3><p>Оператор персональных данных — организация, указанная внизу страницы "
            "(наименование и БИН). Обработка ведётся по Закону Республики Казахстан «О персональных данных "
            "и их защите».</p>"
            "<h3>Какие данные</h3><p>Фамилия, имя, телефон, электронная почта, организация и должность, район; "
            "в заявке на грант — сведения о проекте. ИИН мы не запрашиваем.</p>"
            "<h3>Зачем</h3><p>Чтобы принять и рассмотреть заявку, пригласить на тренинг или консультацию и "
            "сообщить о результатах конкурса.</p>"
            "<h3>Где и как долго</h3><p>Данные хранятся на серверах в Казахстане три года после окончания программы, "
            "затем удаляются. Мы не передаём их третьим лицам и за рубеж, кроме случаев, предусмотренных законом. "
            "Сайт не подключает сторонние счётчики и шрифты.</p>"
            "<h3>Ваши права</h3><p>Вы можете узнать, какие данные о вас хранятся, исправить их или отозвать согласие, "
            "написав на адрес электронной почты внизу страницы. После отзыва согласия данные обезличиваются.</p>",
        ),
        "kk": (
            "Дербес деректерді өңдеу саясаты",
            "Қандай деректер жинаймыз, не үшін, қанша уақыт сақтаймыз және келісімді қалай қайтарып алуға болады.",
            "<h3>Оператор</h3><p>Дербес деректер операторы — беттің төменгі жағында көрсетілген ұйым (атауы мен БСН). "
            "Деректер Қазақстан Республикасының «Дербес деректер және оларды қорғау туралы» Заңына сәйкес өңделеді.</p>"
            "<h3>Қандай деректер</h3><p>Тегі, аты, телефоны, электрондық поштасы, ұйымы мен лауазымы, ауданы; грант "
            "өтінімінде — жоба туралы мәліметтер. ЖСН сұрамаймыз.</p>"
            "<h3>Не үшін</h3><p>Өтінімді қабылдап, қарау, тренингке немесе кеңеске шақыру және конкурс нәтижелерін "
            "хабарлау үшін.</p>"
            "<h3>Қайда және қанша уақыт</h3><p>Деректер Қазақстандағы серверлерде бағдарлама аяқталғаннан кейін үш жыл "
            "сақталады, содан соң жойылады. Заңда көзделген жағдайлардан басқа кезде оларды үшінші тұлғаларға және "
            "шетелге бермейміз. Сайт бөгде есептегіштер мен қаріптерді қоспайды.</p>"
            "<h3>Сіздің құқықтарыңыз</h3><p>Беттің төменгі жағындағы электрондық поштаға жазып, сіз туралы қандай "
            "деректер сақталғанын біле аласыз, оларды түзете аласыз немесе келісіміңізді қайтарып ала аласыз. "
            "Келісім қайтарылғаннан кейін деректер иесіздендіріледі.</p>",
        ),
        "en": (
            "Personal data notice",
            "What we collect, why, how long we keep it and how to withdraw your consent.",
            "<h3>Operator</h3><p>The operator of personal data is the organisation named at the foot of this page "
            "(name and BIN). Data is processed under the Law of the Republic of Kazakhstan “On personal data and its "
            "protection”.</p>"
            "<h3>What we collect</h3><p>Name, phone, email, organisation and role, district; in a grant application, "
            "information about the project. We do not ask for your IIN.</p>"
            "<h3>Why</h3><p>To receive and review applications, invite you to trainings or consultations, and tell "
            "you the results of the competition.</p>"
            "<h3>Where and for how long</h3><p>Data is stored on servers in Kazakhstan for three years after the "
            "programme ends, then deleted. We do not pass it to third parties or abroad except where the law requires. "
            "The site loads no third-party trackers or fonts.</p>"
            "<h3>Your rights</h3><p>You may ask which data we hold about you, correct it or withdraw your consent by "
            "writing to the email address at the foot of this page. Once consent is withdrawn the data is anonymised.</p>",
        ),
    },
}
