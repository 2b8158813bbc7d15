"""The whole form is translatable through wagtail-localize; keys are copied, never translated."""

import pytest
from wagtail.models import Locale
from wagtail_localize.models import String, StringTranslation, TranslationSource

from grants.models import GrantCallPage


@pytest.mark.django_db
def test_wagtail_localize_translates_labels_and_keeps_keys(call):
    """Translators see the question labels, not the machine keys; the translation keeps the keys."""
    kk = Locale.objects.get_or_create(language_code="kk")[0]
    for page in (call.get_parent().get_parent(), call.get_parent()):
        if not page.has_translation(kk):
            page.specific.copy_for_translation(kk).save_revision().publish()
    source, _ = TranslationSource.get_or_create_from_instance(call)
    strings = set(String.objects.filter(segments__source=source).values_list("data", flat=True))
    assert "Project title" in strings and "Activity plan" in strings
    assert not strings & {"project_title", "problem", "activities", "youth", "project", "plan"}
    title = String.objects.get(data="Project title")
    StringTranslation.objects.create(
        translation_of=title,
        locale=kk,
        context=title.segments.filter(source=source).first().context,
        data="Жобаның атауы",
    )
    source.create_or_update_translation(kk, fallback=True)
    translated = GrantCallPage.objects.get(translation_key=call.translation_key, locale=kk)
    labels = [q.value["label"] for step in translated.form_steps for q in step.value["questions"]]
    keys = [q.value["key"] for step in translated.form_steps for q in step.value["questions"]]
    assert "Жобаның атауы" in labels
    assert keys == [q.value["key"] for step in call.form_steps for q in step.value["questions"]]
