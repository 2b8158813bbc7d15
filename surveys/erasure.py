"""What the surveys hold about a person (the contacts given with an answer), erased on
anonymisation. Registered with ``cms_plugins.erasure`` when the app is ready; the
answers themselves stay (they are counted), their free texts scrubbed of the person."""

from django.utils.translation import gettext_lazy as _

from cms_plugins.erasure import register, scrub_fields

from .responses import SurveyResponse


@register("surveys.responses", _("Survey answers (contacts given with them, mentions in free-text answers)"))
def erase_survey_contacts(identity):
    erased = 0
    for response in SurveyResponse.objects.exclude(email="", phone="", full_name="").iterator():
        if identity.owns(email=response.email, phone=response.phone):
            response.full_name = response.email = response.phone = ""
            response.answers = identity.scrub(response.answers)
            response.save(update_fields=["full_name", "email", "phone", "answers"])
            erased += 1
    erased += scrub_fields(SurveyResponse.objects.all(), identity, ["full_name", "answers"])
    return erased
