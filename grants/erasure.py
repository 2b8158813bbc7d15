"""What grants holds about a person (applications, grantee reports and their files, reviewers'
comments), erased on anonymisation. Registered with ``cms_plugins.erasure`` in ``GrantsConfig.ready()``;
the CSV/XLSX exports are made from these records, so they follow."""

from django.utils.translation import gettext_lazy as _

from cms_plugins.erasure import register, scrub_fields
from cms_plugins.multistep.erasure import erase_draft

from .models import Application, ApplicationEvent, Assignment, GrantReport, ReportAttachment
from .report_attachments import remove

TEXT_FIELDS = ["contact_name", "organisation_name", "project_title", "settlement", "answers", "notes"]


@register(
    "grants.applications",
    _("Applications (contact person, answers, attachments), grantee reports with their files, and experts' comments"),
)
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
            # the grantee's report files (photos of people, receipts with names) go with the application
            remove(ReportAttachment.objects.filter(report__grant__application=application))
            erased += 1
    erased += scrub_fields(Application.objects.all(), identity, TEXT_FIELDS)
    # experts' comments (overall and per criterion), conflict notes and the reasons in the history
    erased += scrub_fields(Assignment.objects.all(), identity, ["comment", "conflict_note", "scores"])
    erased += scrub_fields(ApplicationEvent.objects.all(), identity, ["reason"])
    # grantees' reports (their answers, the spending lines) and the coordinators' comments on them
    erased += scrub_fields(GrantReport.objects.all(), identity, ["answers", "spending", "posted", "comment"])
    # a report file named after the person: its contents surely name them too
    mentioned = [found for found in ReportAttachment.objects.iterator() if identity.mentioned_in(found.original_name)]
    remove(mentioned)
    return erased + len(mentioned)
