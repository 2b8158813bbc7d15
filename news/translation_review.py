"""Review covers translations: a press officer submits a translation for review.

wagtail-localize's translation editor publishes without the page's workflow. Publishing is
refused there when a workflow applies (cms_plugins/review.py: ``can_publish()`` is False
for non-reviewers), and this view is the other half: it saves the translation as a draft
revision and starts the page's workflow on it, as "Submit for review" does for the source
page. A coordinator then approves (which publishes) or asks for changes, in Wagtail's own
workflow screens.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.models import Page
from wagtail_localize.models import Translation


def translation_of(page):
    """The enabled wagtail-localize translation whose target is this page, or None."""
    return (
        Translation.objects.filter(
            source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=True
        )
        .select_related("source")
        .first()
    )


def can_submit_translation_for_review(user, page):
    """A translation under an active workflow that this user may edit but not publish past."""
    if not page.pk or page.workflow_in_progress:
        return False
    perms = page.permissions_for_user(user)
    return perms.can_edit() and not perms.can_publish() and page.get_workflow() is not None


@require_POST
def submit_translation_for_review(request, page_id):
    page = get_object_or_404(Page, pk=page_id).specific
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    if not can_submit_translation_for_review(request.user, page):
        messages.error(request, _("This translation cannot be submitted for review now."))
        return redirect("wagtailadmin_pages:edit", page.pk)
    translation = translation_of(page)
    if translation is not None:
        translation.save_target(user=request.user, publish=False)
    page = Page.objects.get(pk=page.pk).specific
    page.get_workflow().start(page, request.user)
    messages.success(
        request,
        _("The translation “%(title)s” was submitted for review.") % {"title": page.get_admin_display_title()},
    )
    return redirect("wagtailadmin_pages:edit", page.pk)
