"""What the CRM holds about a person beyond their own record, erased on anonymisation.

Registered with ``cms_plugins.erasure`` in ``CrmConfig.ready()``; the person's own
record is emptied by ``services.anonymise_person``, which then erases every copy.
"""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cms_plugins.erasure import erase_mentions_in_files, register, scrub_fields

from .import_storage import import_storage
from .models import ImportLog, Interaction, Organisation, Person

UPLOADS_FOLDER = "crm-imports"  # uploads waiting between preview and confirm (import_storage.ImportTmpStorage)
REJECTS_FOLDER = "crm-rejects"  # rejected rows of imports, offered for download (services.run_import)


def empty_person(person):
    """Blank every field that identifies ``person`` (a Person row); counts and links stay."""
    person.full_name = ""
    person.phone = ""
    person.email = ""
    person.consent_version = ""
    person.consent_at = None
    person.consent_method = ""
    person.notes = ""
    person.source = ""
    person.mailing_opt_out = True
    person.anonymised_at = timezone.now()
    person.save()
    Interaction.objects.filter(person=person).update(text="")


@register("crm.people", _("CRM: other records of the person (same email or phone) and notes that mention them"))
def erase_people(identity):
    erased = 0
    for person in Person.objects.named().iterator():
        if identity.owns(email=person.email, phone=person.phone):
            empty_person(person)
            erased += 1
    erased += scrub_fields(Person.objects.named(), identity, ["notes", "source", "consent_method"])
    erased += scrub_fields(Organisation.objects.all(), identity, ["notes", "address", "social_links", "source"])
    erased += scrub_fields(Interaction.objects.all(), identity, ["text"])
    return erased


@register("crm.import_log", _("CRM import log: names of imported files"))
def erase_import_log(identity):
    # A background preview keeps its invalid rows' messages, which quote cells (an e-mail…).
    return scrub_fields(ImportLog.objects.all(), identity, ["file_name", "preview", "error"])


@register("crm.import_files", _("CRM import files: rejected rows and uploads never confirmed"))
def erase_import_files(identity):
    storage = import_storage()
    removed = erase_mentions_in_files(storage, UPLOADS_FOLDER, identity)
    rejects = erase_mentions_in_files(storage, REJECTS_FOLDER, identity)
    ImportLog.objects.filter(rejects_file__in=rejects).update(rejects_file="")
    return len(removed) + len(rejects)
