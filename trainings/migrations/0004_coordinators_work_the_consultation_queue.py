"""Coordinators see and work through consultation requests; Press gets nothing (personal data)."""

from django.db import migrations


def grant(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    app_config = apps.get_app_config("trainings")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    coordinators, _ = Group.objects.get_or_create(name="Coordinators")
    for action in ("view", "change"):
        coordinators.permissions.add(
            Permission.objects.get(content_type__app_label="trainings", codename=f"{action}_consultationrequest")
        )


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    for group in apps.get_model("auth", "Group").objects.filter(name="Coordinators"):
        group.permissions.remove(*Permission.objects.filter(codename__endswith="_consultationrequest"))


class Migration(migrations.Migration):
    dependencies = [("trainings", "0003_consultation_requests")]

    operations = [migrations.RunPython(grant, revoke)]
