"""Coordinators see the monitoring screen and keep baselines and targets; Press and Experts do not."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

MODELS = ["indicatorplan", "indicatortarget"]


def grant(apps, schema_editor):
    app_config = apps.get_app_config("monitoring")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(content_type__app_label="monitoring", content_type__model__in=MODELS)
    group, _ = Group.objects.get_or_create(name="Coordinators")
    group.permissions.add(*permissions)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group in Group.objects.filter(name="Coordinators"):
        group.permissions.remove(*Permission.objects.filter(content_type__app_label="monitoring"))


class Migration(migrations.Migration):
    dependencies = [
        ("monitoring", "0001_initial"),
        ("home", "0003_roles"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
