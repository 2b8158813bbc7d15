"""Writing a survey answer: the row, its duplicate mark, and the CRM link when consent was given."""

import uuid

from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from .blocks import DistrictQuestionBlock, RespondentTypeBlock
from .responses import DuplicateReason, SurveyResponse


def crm_installed():
    return apps.is_installed("cms_plugins.crm")


def facet_answers(form):
    """(district code, respondent type) from the first district and "who answers" questions."""
    district = respondent = ""
    for key, (block, _value) in form.questions.items():
        answer = form.cleaned_data.get(key) or ""
        if isinstance(block, DistrictQuestionBlock) and not district:
            district = answer
        elif isinstance(block, RespondentTypeBlock) and not respondent:
            respondent = answer
    return district, respondent


def duplicate_reason(page, earlier_token, email):
    """Why this answer may repeat an earlier one ("" when nothing says so)."""
    answers = SurveyResponse.objects.of_survey(page)
    if earlier_token and answers.filter(browser_token=earlier_token).exists():
        return DuplicateReason.BROWSER
    if email and answers.filter(email=email).exists():
        return DuplicateReason.EMAIL
    return DuplicateReason.NONE


def record_response(page, form, *, language, earlier_token=None):
    """Save one answer (and link its contacts to the CRM) in one transaction; the new row."""
    contacts = form.contacts()
    district, respondent = facet_answers(form)
    now = timezone.now()
    with transaction.atomic():
        response = SurveyResponse.objects.create(
            form_key=page.translation_key,
            page=page,
            language=language,
            answers=form.answers(),
            district_code=district,
            respondent_type=respondent,
            submitted_at=now,
            # a browser keeps the token of its first answer: every later one is marked the same way
            browser_token=earlier_token or uuid.uuid4(),
            duplicate_reason=duplicate_reason(page, earlier_token, contacts["email"]),
            consent_version=page.consent_version if form.cleaned_data.get("consent") else "",
            consent_at=now if form.cleaned_data.get("consent") else None,
            **contacts,
        )
        if contacts["full_name"] and (contacts["email"] or contacts["phone"]) and crm_installed():
            response.person = link_to_crm(page, response)
            if response.person is not None:
                response.save(update_fields=["person"])
    return response


def link_to_crm(page, response):
    """The CRM person for the answer's contacts (matched or created, the CRM's matching rules), with a
    history entry; None when the CRM refuses them (the answer stays, unlinked)."""
    from cms_plugins.crm import services as crm

    try:
        with transaction.atomic():
            person = upsert_person(crm, page, response)
    except ValidationError:  # contacts the CRM cannot take: the answer is kept all the same, unlinked
        return None
    if person is not None:
        crm.record_interaction(kind="note", text=f"Survey answered: {page.title}", person=person)
    return person


def upsert_person(crm, page, response):
    _organisation, person = crm.upsert_contact(
        person={
            "full_name": response.full_name,
            "email": response.email,
            "phone": response.phone,
            "preferred_language": response.language if response.language in ("kk", "ru", "en") else "",
            "consent_version": response.consent_version,
            "consent_at": response.consent_at,
            "consent_method": "survey",
        },
        source=f"survey {page.title}"[:255],
    )
    return person
