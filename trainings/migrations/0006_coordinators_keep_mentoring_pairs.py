"""Coordinators keep mentoring pairs and log their sessions (CRM data: Press gets nothing)."""

from django.db import migrations

ACTIONS = ("view", "add", "change", "delete")
MODELS = ("mentoringpair", "mentoringsession")


def grant(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    app_config = apps.get_app_config("trainings")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    coordinators, _ = Group.objects.get_or_create(name="Coordinators")
    for model in MODELS:
        for action in ACTIONS:
            coordinators.permissions.add(
                Permission.objects.get(content_type__app_label="trainings", codename=f"{action}_{model}")
            )


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    codenames = [f"{action}_{model}" for model in MODELS for action in ACTIONS]
    for group in apps.get_model("auth", "Group").objects.filter(name="Coordinators"):
        group.permissions.remove(
            *Permission.objects.filter(content_type__app_label="trainings", codename__in=codenames)
        )


class Migration(migrations.Migration):
    dependencies = [("trainings", "0005_mentoring_pairs")]

    operations = [migrations.RunPython(grant, revoke)]
