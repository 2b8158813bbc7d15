"""What the form engine holds about a person (drafts: email, answers, files), erased
on anonymisation and expired by ``multistep_cleanup``. Registered with
``cms_plugins.erasure`` in ``MultistepConfig.ready()``."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cms_plugins.erasure import register, scrub_fields

from .models import Draft, DraftFile


def erase_draft(draft):
    """Empty a draft of everything personal: answers, files, email; its link stops working.

    The row stays (a submitted application points to it); an unsubmitted one is of
    no use any more and could be deleted instead.
    """
    for record in DraftFile.objects.filter(draft=draft):
        record.delete_file()
        record.delete()
    now = timezone.now()
    Draft.objects.filter(pk=draft.pk).update(
        email=f"erased-{draft.pk.hex[:12]}@erased.invalid",
        data={},
        token_hash=None,
        revoked_at=draft.revoked_at or now,
        files_removed_at=now,
        updated_at=now,
    )


@register("multistep.drafts", _("Form drafts: email, answers, uploaded files and their names"))
def erase_drafts(identity):
    erased = 0
    for draft in Draft.objects.only("pk", "email", "revoked_at").iterator():
        if identity.owns(email=draft.email):
            erase_draft(draft)
            erased += 1
    erased += scrub_fields(Draft.objects.all(), identity, ["data"])
    mentioned = [record for record in DraftFile.objects.iterator() if identity.mentioned_in(record.original_name)]
    for record in mentioned:  # a file named after the person: its contents surely name them too
        record.delete_file()
        record.delete()
    return erased + len(mentioned)
