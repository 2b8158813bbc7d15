"""Press writes in the news indexes and top-level standard pages only (issue 9, finding 1).

Migration 0002 gave Press add/change/publish on the root of the page tree and narrowed it
with admin hooks, which missed privacy and other views. Here the root rows go and each
news index and each standard page directly under a home page gets the rows instead, so
Wagtail itself refuses every other page. Sections created later get their rows from the
signal in news/apps.py (news/permissions.py).
"""

from django.db import migrations

PRESS = "Press"
ACTIONS = ("add", "change", "publish")


def _permissions(apps):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    page_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="page")
    return [
        Permission.objects.get_or_create(
            content_type=page_type, codename=f"{action}_page", defaults={"name": f"Can {action} page"}
        )[0]
        for action in ACTIONS
    ]


def _sections(apps):
    NewsIndexPage = apps.get_model("news", "NewsIndexPage")
    StandardPage = apps.get_model("home", "StandardPage")
    HomePage = apps.get_model("home", "HomePage")
    ids = list(NewsIndexPage.objects.values_list("pk", flat=True))
    home_paths = list(HomePage.objects.values_list("path", "depth"))
    for page in StandardPage.objects.only("path", "depth"):
        if any(page.path.startswith(path) and page.depth == depth + 1 for path, depth in home_paths):
            ids.append(page.pk)
    return ids


def narrow(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    press, _ = Group.objects.get_or_create(name=PRESS)
    GroupPagePermission.objects.filter(group=press, page__depth=1).delete()
    permissions = _permissions(apps)
    for page_id in _sections(apps):
        for permission in permissions:
            GroupPagePermission.objects.get_or_create(group=press, page_id=page_id, permission=permission)


def widen(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    press = Group.objects.filter(name=PRESS).first()
    root = Page.objects.filter(depth=1).first()
    if press is None or root is None:
        return
    GroupPagePermission.objects.filter(group=press).delete()
    for permission in _permissions(apps):
        GroupPagePermission.objects.get_or_create(group=press, page=root, permission=permission)


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0002_press_role_and_review_workflow"),
        ("home", "0005_district_pages_and_home_sections"),
    ]

    operations = [migrations.RunPython(narrow, widen)]
