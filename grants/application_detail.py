"""One application as a coordinator reads it: every answer under its question's key, the
files (through the permission-checked download), the CRM records it is linked to, and its
history — on screen and as a printable page with the same content."""

from django.apps import apps
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from wagtail.admin.admin_url_finder import AdminURLFinder

from .application_answers import keyed_sections, question_columns
from .application_list import district_names
from .applications import Application
from .competition_views import coordinator_only


def crm_records(application):
    """(organisation, person) of the CRM matched by BIN and email, or None each (no CRM: both None)."""
    if not apps.is_installed("cms_plugins.crm"):
        return None, None
    from cms_plugins.crm.models import Organisation, Person

    organisation = Organisation.objects.filter(bin=application.bin).first() if application.bin else None
    email = (application.email or "").strip().lower()
    person = Person.objects.filter(email=email).first() if email else None
    return organisation, person


def dossier_context(application, user=None):
    """What the detail page, its print version and the PDF show of an application."""
    organisation, person = crm_records(application)
    finder = AdminURLFinder(user) if user is not None else None
    return {
        "application": application,
        "call": application.call,
        "district_name": district_names().get(application.district_code, application.district_code),
        "sections": keyed_sections(application, question_columns(application.call)),
        "files": list(application.files()),
        "organisation": organisation,
        "organisation_url": finder.get_edit_url(organisation) if finder and organisation else None,
        "person": person,
        "person_url": finder.get_edit_url(person) if finder and person else None,
        "events": list(application.events.select_related("actor")),
    }


def application_detail(request, application_id, printable=False):
    coordinator_only(request)
    application = get_object_or_404(Application.objects.select_related("call", "draft"), pk=application_id)
    template = "grants/admin/applications/print.html" if printable else "grants/admin/applications/detail.html"
    return TemplateResponse(request, template, dossier_context(application, request.user))


def application_print(request, application_id):
    return application_detail(request, application_id, printable=True)
