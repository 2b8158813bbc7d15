"""What grants holds about a person (applications, reviewers' comments), erased on
anonymisation. Registered with ``cms_plugins.erasure`` in ``GrantsConfig.ready()``;
the CSV/XLSX exports are made from these records, so they follow."""

from django.utils.translation import gettext_lazy as _

from cms_plugins.erasure import register, scrub_fields
from cms_plugins.multistep.erasure import erase_draft

from .models import Application, ApplicationEvent, Assignment, GrantReport

TEXT_FIELDS = ["contact_name", "organisation_name", "project_title", "settlement", "answers", "notes"]


@register("grants.applications", _("Applications (contact person, answers, attachments) and experts' comments"))
def erase_applications(identity):
    erased = 0
    for application in Application.objects.select_related("draft").iterator():
        if identity.owns(email=application.email, phone=application.phone):
            application.contact_name = ""
            application.contact_role = ""
            application.email = ""
            application.phone = ""
            application.answers = identity.scrub(application.answers)
            application.notes = identity.scrub(application.notes)
            application.save(update_fields=["contact_name", "contact_role", "email", "phone", "answers", "notes"])
            erase_draft(application.draft)
            erased += 1
    erased += scrub_fields(Application.objects.all(), identity, TEXT_FIELDS)
    # experts' comments (overall and per criterion), conflict notes and the reasons in the history
    erased += scrub_fields(Assignment.objects.all(), identity, ["comment", "conflict_note", "scores"])
    erased += scrub_fields(ApplicationEvent.objects.all(), identity, ["reason"])
    # grantees' reports (their answers, the spending lines) and the coordinators' comments on them
    erased += scrub_fields(GrantReport.objects.all(), identity, ["answers", "spending", "comment"])
    return erased
