"""The districts section of the demo site: its index and each district page's introduction."""

DISTRICT_INDEX = {
    "slug": "districts",
    "ru": ("Районы", "Где программа уже побывала и куда поедет дальше."),
    "kk": ("Аудандар", "Бағдарлама болған және енді баратын аудандар."),
    "en": ("Districts", "Where the programme has been and where it goes next."),
}
DISTRICT_INTRO = {
    "ru": "Встречи, новости и возможности для сельских НПО: {name}, центр — {centre}.",
    "kk": "Ауылдық ҮЕҰ-ға арналған кездесулер, жаңалықтар мен мүмкіндіктер: {name}, орталығы — {centre}.",
    "en": "Meetings, news and opportunities for rural NGOs: {name}, centred on {centre}.",
}
