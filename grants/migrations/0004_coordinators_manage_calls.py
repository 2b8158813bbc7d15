"""Coordinators add, edit and publish calls under every grants index that already exists.

New indexes get the same rows when they are created (grants/apps.py signal)."""

from django.db import migrations

ACTIONS = ("add", "change", "publish")


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GrantIndexPage = apps.get_model("grants", "GrantIndexPage")
    group, _ = Group.objects.get_or_create(name="Coordinators")
    page_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="page")
    for action in ACTIONS:
        permission, _ = Permission.objects.get_or_create(
            content_type=page_type, codename=f"{action}_page", defaults={"name": f"Can {action} page"}
        )
        for index in GrantIndexPage.objects.all():
            GroupPagePermission.objects.get_or_create(group=group, page_id=index.pk, permission=permission)


def ungrant(apps, schema_editor):
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GrantIndexPage = apps.get_model("grants", "GrantIndexPage")
    GroupPagePermission.objects.filter(
        group__name="Coordinators", page_id__in=GrantIndexPage.objects.values("pk")
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("grants", "0003_application_contact_role"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
    ]

    operations = [migrations.RunPython(grant, ungrant)]
