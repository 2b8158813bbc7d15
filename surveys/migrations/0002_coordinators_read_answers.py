"""Coordinators read survey answers (results, export); Press and Experts do not: answers may
hold contacts and free texts. Groups that do not exist yet are created."""

from django.contrib.auth.management import create_permissions
from django.db import migrations


def grant(apps, schema_editor):
    app_config = apps.get_app_config("surveys")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    view = Permission.objects.get(content_type__app_label="surveys", codename="view_surveyresponse")
    group, _ = Group.objects.get_or_create(name="Coordinators")
    group.permissions.add(view)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group in Group.objects.filter(name="Coordinators"):
        group.permissions.remove(*Permission.objects.filter(content_type__app_label="surveys"))


class Migration(migrations.Migration):
    dependencies = [
        ("surveys", "0001_initial"),
        ("home", "0003_roles"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
