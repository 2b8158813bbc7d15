"""Snippet choosers of CRM records that check the model's permissions.

Wagtail's snippet chooser views (``/admin/snippets/choose/crm/person/`` …) check
nothing by themselves: any admin user (Press, Experts) could list CRM names
through them. These views refuse anyone without a permission on the model.
"""

from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.snippets.views import chooser


class ModelPermissionRequiredMixin(PermissionCheckedMixin):
    any_permission_required = ["add", "change", "delete", "view"]

    def dispatch(self, request, *args, **kwargs):
        self.permission_policy = ModelPermissionPolicy(self.model_class)
        return super().dispatch(request, *args, **kwargs)


class ChooseView(ModelPermissionRequiredMixin, chooser.ChooseView):
    pass


class ChooseResultsView(ModelPermissionRequiredMixin, chooser.ChooseResultsView):
    pass


class ChosenView(ModelPermissionRequiredMixin, chooser.ChosenView):
    pass


class ChosenMultipleView(ModelPermissionRequiredMixin, chooser.ChosenMultipleView):
    pass


class CrmChooserViewSet(chooser.SnippetChooserViewSet):
    choose_view_class = ChooseView
    choose_results_view_class = ChooseResultsView
    chosen_view_class = ChosenView
    chosen_multiple_view_class = ChosenMultipleView
