"""Who may do what with applications: pure functions of (user, object)."""


def can_view_application(user, application):
    """Coordinators; an expert only once they declared no conflict of interest for it."""
    if not user.is_authenticated or not user.is_active:
        return False
    if user.has_perm("grants.view_application"):
        return True
    return (
        user.has_perm("grants.score_application")
        and application.assignments.filter(expert=user, conflict=False).exists()
    )


def can_score(user, assignment):
    """The assigned expert, unless they declared a conflict (which removes their access)."""
    return (
        user.is_authenticated
        and user.is_active
        and user.has_perm("grants.score_application")
        and assignment.expert_id == user.pk
        and assignment.conflict is not True
    )


def can_run_competition(user):
    """Coordinators: screening, assigning experts, the ranking, awards and results."""
    return user.is_authenticated and user.is_active and user.has_perm("grants.change_application")


def can_reopen_review(user):
    return user.is_authenticated and user.is_active and user.has_perm("grants.change_assignment")


def can_list_reviews(user):
    return user.is_authenticated and user.has_perm("grants.score_application")


# --- the page tree -------------------------------------------------------------------------
COORDINATORS = "Coordinators"
CALL_PAGE_ACTIONS = ("add", "change", "publish")


def let_coordinators_manage(index_page):
    """Coordinators may add, edit and publish calls under this grants index (idempotent).

    Wagtail grants page permissions on a part of the tree, and each language has its own
    tree, so every grants index (every translation) gets its own rows. Called when any
    grants index is created (signal in apps.py), whatever created it: the admin,
    wagtail-localize, the demo, a shell. Press is kept out by news/permissions.py
    (an allow-list of page types), not by these rows.
    """
    from django.contrib.auth.models import Group, Permission
    from wagtail.models import GroupPagePermission

    group, _ = Group.objects.get_or_create(name=COORDINATORS)
    for action in CALL_PAGE_ACTIONS:
        permission = Permission.objects.get(content_type__app_label="wagtailcore", codename=f"{action}_page")
        GroupPagePermission.objects.get_or_create(group=group, page_id=index_page.pk, permission=permission)


def on_index_saved(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        let_coordinators_manage(instance)


def can_revoke_links(user):
    """Coordinators (who change applications) may revoke an applicant's secret link."""
    return user.is_authenticated and user.is_active and user.has_perm("grants.change_application")
