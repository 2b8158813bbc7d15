"""The demo needs-assessment survey in kk, ru and en with 60 answers across the districts.

Idempotent: pages are found by slug, block ids and keys are fixed (uuid5), and answers
are drawn only while the survey has none; a second run updates texts, never duplicates.
"""

import random
import uuid

from django.core.management.base import CommandError
from django.utils import timezone
from wagtail.models import Site

from cms_plugins.locales import translation_of
from cms_plugins.places.models import District

from .blocks import OTHER, RespondentType
from .demo_data.survey import OBSTACLES, OTHER_FORMATS, OTHER_TOPICS, PAGE, SECTIONS, TIMES
from .models import SurveyPage
from .responses import SurveyResponse

LANGS = ("ru", "kk", "en")
NAMESPACE = uuid.UUID("0d6c7e2a-9f0b-4d1e-8a53-14c0f5b2e914")
ANSWERS = 60


def block_id(*parts):
    return str(uuid.uuid5(NAMESPACE, "/".join(parts)))


def stream(lang):
    """The survey's sections as raw StreamField data in ``lang`` (same ids and keys in every language)."""
    data = []
    for section_key, titles, questions in SECTIONS:
        title, intro = titles[lang]
        items = []
        for kind, key, labels, extra in questions:
            value = {"key": key, "label": labels[lang], "help_text": "", "required": extra.get("required", True)}
            if kind in ("single_choice", "multiple_choice"):
                value["options"] = [
                    {"type": "item", "id": block_id(key, option), "value": {"key": option, "label": names[lang]}}
                    for option, names in extra["options"]
                ]
                value["allow_other"] = "other" in extra
                value["other_label"] = extra["other"][lang] if "other" in extra else ""
            if kind == "scale":
                value["low_label"], value["high_label"] = extra["low"][lang], extra["high"][lang]
            if kind == "short_text":
                value["max_length"] = 120
            if kind == "long_text":
                value["max_length"] = 1000
            items.append({"type": kind, "id": block_id(section_key, key), "value": value})
        data.append(
            {
                "type": "step",
                "id": block_id(section_key),
                "value": {"key": section_key, "title": title, "intro": intro, "questions": items},
            }
        )
    return data


def load(command):
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None or site.root_page.depth < 2:
        raise CommandError("The survey demo needs the site's home page: run the home app's demo first.")
    roots = {lang: translation_of(site.root_page, lang) for lang in LANGS}
    source = None
    for lang in LANGS:
        texts = PAGE[lang]
        page = SurveyPage.objects.child_of(roots[lang]).filter(slug=PAGE["slug"]).first()
        if page is None:
            page = SurveyPage(slug=PAGE["slug"], locale=roots[lang].locale, title=texts["title"])
            if source is not None:
                page.translation_key = source.translation_key
            roots[lang].add_child(instance=page)
        page.title, page.intro, page.thank_you = texts["title"], texts["intro"], texts["thank_you"]
        page.consent_text, page.consent_version, page.show_in_menus = texts["consent"], "2026-01", False
        page.form_steps = stream(lang)
        page.save_revision().publish()
        source = source or page
    made = draw_answers(source)
    command.stdout.write(f"surveys: 1 survey in {len(LANGS)} languages, {made} new answers")


def draw_answers(page):
    """60 answers across the districts, drawn the same way on every machine; none if it has answers."""
    if SurveyResponse.objects.of_survey(page).exists():
        return 0
    rng = random.Random(14)
    codes = list(District.objects.filter(locale=page.locale).values_list("code", flat=True))
    topics = [option for option, _names in SECTIONS[1][2][0][3]["options"]]
    formats = [option for option, _names in SECTIONS[1][2][2][3]["options"]]
    now = timezone.now()
    rows = []
    for number in range(ANSWERS):
        chosen = rng.sample(topics, rng.randint(1, 3))
        answers = {
            "who": rng.choices(RespondentType.VALUES, weights=[5, 3, 1, 3, 1])[0],
            "district": codes[number % len(codes)] if number < 39 else rng.choice(codes),
            "years": rng.choice(["y0", "y1", "y3"]),
            "topics": chosen,
            "confidence": rng.choices([1, 2, 3, 4, 5], weights=[3, 4, 3, 2, 1])[0],
            "format": rng.choices([*formats, OTHER], weights=[5, 3, 3, 1])[0],
        }
        if number % 9 == 0:
            answers["topics"].append(OTHER)
            answers["topics__other"] = OTHER_TOPICS[number % len(OTHER_TOPICS)]
        if answers["format"] == OTHER:
            answers["format__other"] = OTHER_FORMATS[0]
        if number % 4 == 0:
            answers["obstacle"] = OBSTACLES[number % len(OBSTACLES)]
        if number % 5 == 0:
            answers["time"] = TIMES[number % len(TIMES)]
        rows.append(
            SurveyResponse(
                form_key=page.translation_key,
                page=page,
                language=rng.choices(LANGS, weights=[6, 3, 1])[0],
                answers=answers,
                district_code=answers["district"],
                respondent_type=answers["who"],
                submitted_at=now - timezone.timedelta(days=rng.randint(1, 40), minutes=rng.randint(0, 600)),
            )
        )
    SurveyResponse.objects.bulk_create(rows)
    return len(rows)
