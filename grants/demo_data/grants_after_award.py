"""Last year's grants after the award, written for the demo: the report questions of the past
call, the agreements, a paid tranche, an accepted interim report and one overdue report."""

REPORT_STEP_ID = "d2000001-0000-4000-8000-000000000001"
REPORT_QUESTION_IDS = ["d2000002-0000-4000-8000-000000000002", "d2000003-0000-4000-8000-000000000003"]

REPORT_TEXTS = {
    "ru": (
        "Что сделано",
        "Коротко и по делу: что получилось, что нет и почему.",
        ("Что сделано за этот период?", "Мероприятия, работы, закупки — по порядку."),
        ("Сколько жителей это почувствовали?", "Число и кто они: дети, пожилые, вся улица."),
    ),
    "kk": (
        "Не істелді",
        "Қысқа әрі нақты: не шықты, не шықпады және неге.",
        ("Осы кезеңде не істелді?", "Іс-шаралар, жұмыстар, сатып алулар — ретімен."),
        ("Мұны қанша тұрғын сезінді?", "Саны және кімдер: балалар, қарттар, бүкіл көше."),
    ),
    "en": (
        "What was done",
        "Short and to the point: what worked, what did not, and why.",
        ("What was done in this period?", "Events, works, purchases, in order."),
        ("How many residents felt the difference?", "How many, and who: children, older people, a whole street."),
    ),
}

# the first grant: agreement, two tranches (the first paid) and an accepted interim report
AGREEMENT = ("ЗКО-ГР-2025/01", 45)  # number, days after the deadline it was signed
TRANCHES = [(342000, 50, True), (228000, 200, False)]  # amount, days after the deadline, paid
INTERIM_ANSWERS = [
    (
        "Отремонтировали крышу и печь в сельском клубе, купили 40 стульев. Клуб открыт по вечерам "
        "четыре дня в неделю, ключ у председателя объединения."
    ),
    "Около 300 жителей: кружки для 45 детей, встречи пенсионеров по средам, два праздника.",
]
INTERIM_SPENT = [("Материалы для крыши и печи", 210000), ("Стулья", 120000)]
# The first grantee's budget, against which its report's spending is read (same lines).
FIRST_BUDGET = [("Материалы для крыши и печи", 380000), ("Стулья", 190000)]
INTERIM_COMMENT = "Принят. В итоговом отчёте приложите, пожалуйста, фотографии клуба до и после."
