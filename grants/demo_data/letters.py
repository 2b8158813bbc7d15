"""The demo calls' letters: our default texts in each language, and for last year's call an awarded
letter of its own (what a coordinator would add). Written for the demo."""

AWARDED = {
    "ru": (
        "Грант по заявке {reference}: поздравляем!",
        [
            "Здравствуйте, {contact}! Поздравляем: заявка {reference} организации {organisation} на конкурс "
            "«{call}» получила грант.",
            "Сумма гранта: {amount}.",
            "В течение недели координатор позвонит вам, чтобы договориться о подписании договора и о дне "
            "вводного семинара для грантополучателей в Уральске.",
        ],
    ),
    "kk": (
        "{reference} өтінімі бойынша грант: құттықтаймыз!",
        [
            "Сәлеметсіз бе, {contact}! Құттықтаймыз: {organisation} ұйымының «{call}» конкурсына берген "
            "{reference} өтініміне грант берілді.",
            "Грант сомасы: {amount}.",
            "Бір апта ішінде үйлестіруші сізге қоңырау шалып, шартқа қол қою мен Оралда өтетін грант "
            "алушыларға арналған кіріспе семинардың күнін келіседі.",
        ],
    ),
    "en": (
        "A grant for application {reference}: congratulations!",
        [
            "Hello {contact}! Congratulations: application {reference} of {organisation} to “{call}” is awarded "
            "a grant.",
            "The grant: {amount}.",
            "Within a week a coordinator will call you to agree on signing the agreement and on the day of the "
            "grantees' introductory seminar in Uralsk.",
        ],
    ),
}
