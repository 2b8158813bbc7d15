"""What trainings holds about a person (registrations: name, phone, email, organisation),
erased on anonymisation. Registered with ``cms_plugins.erasure`` in ``TrainingsConfig.ready()``;
the participant exports are made from these rows, so they follow."""

from django.utils.translation import gettext_lazy as _

from cms_plugins.erasure import REMOVED, register, scrub_fields

from .registrations import Registration


@register("trainings.registrations", _("Registrations for trainings and webinars (name, phone, email)"))
def erase_registrations(identity):
    erased = 0
    for registration in Registration.objects.iterator():
        if identity.owns(email=registration.email, phone=registration.phone):
            registration.full_name = REMOVED
            registration.email = f"removed-{registration.pk}@invalid"
            registration.phone = ""
            registration.organisation_name = identity.scrub(registration.organisation_name)
            registration.save(update_fields=["full_name", "email", "phone", "organisation_name"])
            erased += 1
    erased += scrub_fields(Registration.objects.all(), identity, ["full_name", "organisation_name"])
    return erased


@register("trainings.consultations", _("Consultation requests (name, phone, email, question)"))
def erase_consultations(identity):
    from .consultations import ConsultationRequest

    erased = 0
    for consultation in ConsultationRequest.objects.iterator():
        if identity.owns(email=consultation.email, phone=consultation.phone):
            consultation.contact_name = REMOVED
            consultation.email = f"removed-{consultation.pk}@invalid"
            consultation.phone = ""
            consultation.question = identity.scrub(consultation.question)
            consultation.save(update_fields=["contact_name", "email", "phone", "question"])
            erased += 1
    fields = ["contact_name", "organisation_name", "question", "notes", "preferred_dates"]
    erased += scrub_fields(ConsultationRequest.objects.all(), identity, fields)
    return erased


@register("trainings.mentoring", _("Mentoring pairs' goals and session notes that name the person"))
def erase_mentoring_mentions(identity):
    from .mentoring import MentoringPair, MentoringSession

    return scrub_fields(MentoringPair.objects.all(), identity, ["goals"]) + scrub_fields(
        MentoringSession.objects.all(), identity, ["summary"]
    )
