"""Who may do what with events and registrations: pure functions of the user, and the page
permissions coordinators get on every trainings index."""

COORDINATORS = "Coordinators"
EVENT_PAGE_ACTIONS = ("add", "change", "publish")


def can_view_registrations(user):
    return user.is_authenticated and user.is_active and user.has_perm("trainings.view_registration")


def can_mark_attendance(user):
    return user.is_authenticated and user.is_active and user.has_perm("trainings.mark_attendance")


def let_coordinators_manage(index_page):
    """Coordinators may add, edit and publish events under this trainings index (idempotent).

    Each language has its own tree, so every index (every translation) gets its own rows,
    whatever created it (the admin, wagtail-localize, the demo). Press is kept out by
    news/permissions.py (it gets rows only on news and top-level standard pages).
    """
    from django.contrib.auth.models import Group, Permission
    from wagtail.models import GroupPagePermission

    group, _ = Group.objects.get_or_create(name=COORDINATORS)
    for action in EVENT_PAGE_ACTIONS:
        permission = Permission.objects.get(content_type__app_label="wagtailcore", codename=f"{action}_page")
        GroupPagePermission.objects.get_or_create(group=group, page_id=index_page.pk, permission=permission)


def on_index_saved(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        let_coordinators_manage(instance)


def on_event_published(sender, instance, **kwargs):
    """More places after an edit: the waiting list moves up at once."""
    from .services import promote_after_edit

    if instance.capacity is None or instance.capacity > 0:
        promote_after_edit(instance)
