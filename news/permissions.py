"""Where the Press group may work in the page tree: Wagtail group page permissions.

Press gets add, change and publish on every news index (one per language) and on every
top-level standard page (About, Contacts, … and whatever they hold), nowhere else. Wagtail
then refuses every other page to press staff in every admin view — edit, privacy,
revisions, workflow actions, copy, move, delete, unpublish, and wagtail-localize's views
that ask Wagtail (``news/translation_access.py`` covers the two that do not).

The rows for pages that exist are written by migration 0003; a news index or top-level
standard page created later (the admin, wagtail-localize, the demo loader, a shell) gets
them when it is saved (signal in apps.py), like grants indexes get the coordinators' rows.
Images and documents: add, change and choose in the root collection (migration 0002).
"""

PRESS_GROUP = "Press"
PRESS_PAGE_ACTIONS = ("add", "change", "publish")


def is_press_section(page):
    """A news index, or a standard page directly under a home page (its subtree follows)."""
    label = page.specific_class._meta.label_lower if page.specific_class else ""
    if label == "news.newsindexpage":
        return True
    if label == "home.standardpage":
        parent = page.get_parent()
        return parent is not None and parent.specific_class._meta.label_lower == "home.homepage"
    return False


def let_press_write(page):
    """Give Press add/change/publish on this page and its subtree (idempotent)."""
    from django.contrib.auth.models import Group, Permission
    from wagtail.models import GroupPagePermission

    group, _ = Group.objects.get_or_create(name=PRESS_GROUP)
    for action in PRESS_PAGE_ACTIONS:
        permission = Permission.objects.get(content_type__app_label="wagtailcore", codename=f"{action}_page")
        GroupPagePermission.objects.get_or_create(group=group, page_id=page.pk, permission=permission)


def on_section_saved(sender, instance, created, raw=False, **kwargs):
    if created and not raw and is_press_section(instance):
        let_press_write(instance)
