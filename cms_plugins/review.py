"""Publishing that respects review: whoever has "publish" on a page still goes through an
active workflow unless they are one of its reviewers.

Wagtail lets a user with the "publish" page permission publish past a workflow; a site
that switches review on for a section means the writers' work to be reviewed. Pages that
mix in ``ReviewedPublishingMixin`` answer ``can_publish()`` (and so privacy, unscheduling,
bulk publish, wagtail-localize's translation editor, which all ask it) with "no" for a user
who is not in a group of one of the workflow's approval tasks, and Wagtail then offers
"Submit for review" instead of "Publish". The other way round, a reviewer of the
workflow may publish (their approval publishes), but only "publish" on the page's part of
the tree lets anyone set its privacy.
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
        if self.user.is_superuser:
            return super().can_publish()
        workflow = self.page.get_workflow()
        if not super().can_publish():
            # A reviewer's approval publishes the page, and Wagtail asks can_publish() of the
            # approver: reviewers of the workflow on this page may, without "publish" here.
            return bool(workflow and is_reviewer(self.user, workflow))
        return workflow is None or is_reviewer(self.user, workflow)

    def can_set_view_restrictions(self):
        """Privacy needs "publish" on this part of the tree itself (being a reviewer is not enough)."""
        return super().can_publish() and self.can_publish()


class ReviewedPublishingMixin:
    def permissions_for_user(self, user):
        return ReviewedPermissionTester(user, self)
