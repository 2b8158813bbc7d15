"""Publishing that respects review: whoever has "publish" on a page still goes through an
active workflow unless they are one of its reviewers.

Wagtail lets a user with the "publish" page permission publish past a workflow; a site
that switches review on for a section means the writers' work to be reviewed. Pages that
mix in ``ReviewedPublishingMixin`` answer ``can_publish()`` (and so privacy, unscheduling,
bulk publish, wagtail-localize's translation editor, which all ask it) with "no" for a user
who is not in a group of one of the workflow's approval tasks, and Wagtail then offers
"Submit for review" instead of "Publish".
"""

from wagtail.models import GroupApprovalTask, PagePermissionTester


def is_reviewer(user, workflow):
    """Whether the user approves a task of this workflow (then they may also publish directly)."""
    if user.is_superuser:
        return True
    tasks = GroupApprovalTask.objects.filter(workflow_tasks__workflow=workflow, active=True)
    return tasks.filter(groups__in=user.groups.all()).exists()


class ReviewedPermissionTester(PagePermissionTester):
    def can_publish(self):
        if not super().can_publish():
            return False
        if self.user.is_superuser:
            return True
        workflow = self.page.get_workflow()
        return workflow is None or is_reviewer(self.user, workflow)


class ReviewedPublishingMixin:
    def permissions_for_user(self, user):
        return ReviewedPermissionTester(user, self)
