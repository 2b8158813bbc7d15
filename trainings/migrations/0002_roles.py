"""Coordinators plan events, see registrations, mark attendance and export participant lists.
Press gets nothing here: registrations are personal data (its page rows are news/permissions.py's)."""

from django.db import migrations

COORDINATORS = {
    "registration": ["view", "change", "mark_attendance"],
    "attendance": ["view", "add", "change", "delete"],
    "trainingpage": ["view", "add", "change", "delete"],
    "trainingindexpage": ["view", "add", "change"],
}


def grant(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    app_config = apps.get_app_config("trainings")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    coordinators, _ = Group.objects.get_or_create(name="Coordinators")
    for model, actions in COORDINATORS.items():
        for action in actions:
            codename = action if action == "mark_attendance" else f"{action}_{model}"
            coordinators.permissions.add(Permission.objects.get(content_type__app_label="trainings", codename=codename))


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    for group in apps.get_model("auth", "Group").objects.filter(name="Coordinators"):
        group.permissions.remove(*Permission.objects.filter(content_type__app_label="trainings"))


class Migration(migrations.Migration):
    dependencies = [("trainings", "0001_initial"), ("home", "0003_roles")]

    operations = [migrations.RunPython(grant, revoke)]
