"""Bulk actions on CRM records that refuse before they list anything.

Wagtail's snippet "delete" bulk action shows a confirmation page naming every
selected record, even to a user who may not delete them (it lists them as the
ones "you don't have permission to delete"). For CRM records the names are
personal data: without the model's delete permission the page is refused.
"""

from django.core.exceptions import PermissionDenied
from django.utils.functional import classproperty
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.snippets.bulk_actions.delete import DeleteBulkAction

from .models import ImportLog, Interaction, Organisation, Person


class CrmDeleteBulkAction(DeleteBulkAction):
    @classproperty
    def models(cls):
        return [Organisation, Person, Interaction, ImportLog]

    def dispatch(self, request, *args, **kwargs):
        if not ModelPermissionPolicy(self.model).user_has_permission(request.user, "delete"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)
