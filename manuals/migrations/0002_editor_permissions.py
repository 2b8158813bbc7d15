"""Coordinators and Press keep the manuals library: add, change and delete manuals.

Groups that do not exist yet are created, so the order of migrations between apps
does not matter. Experts get nothing.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUPS = ["Coordinators", "Press"]


def grant(apps, schema_editor):
    app_config = apps.get_app_config("manuals")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = list(Permission.objects.filter(content_type__app_label="manuals", content_type__model="manual"))
    for name in GROUPS:
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(*permissions)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(content_type__app_label="manuals", content_type__model="manual")
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("manuals", "0001_initial"),
        ("home", "0003_roles"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
