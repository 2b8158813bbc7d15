"""Who may do what in the CRM: pure functions returning (allowed, reason)."""

from django.utils.translation import gettext_lazy as _


def _has(user, *codenames):
    if not (user and user.is_authenticated and user.is_active):
        return False
    return all(user.has_perm(f"crm.{codename}") for codename in codenames)


def can_import_contacts(user):
    if _has(user, "import_contacts", "add_organisation", "change_organisation", "add_person", "change_person"):
        return True, ""
    return False, _("You may not import contacts.")


def can_export_contacts(user):
    if _has(user, "export_contacts"):
        return True, ""
    return False, _("You may not export contacts.")


def can_merge(user, model_name):
    if _has(user, f"change_{model_name}", f"delete_{model_name}"):
        return True, ""
    return False, _("You may not merge records.")


def can_anonymise_person(user, person=None):
    if not _has(user, "change_person"):
        return False, _("You may not anonymise people.")
    if person is not None and person.anonymised_at:
        return False, _("This person is already anonymised.")
    return True, ""
