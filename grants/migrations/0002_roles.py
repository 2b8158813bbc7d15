"""Coordinators run the competition; Experts score what is assigned to them."""

from django.db import migrations

COORDINATORS = {
    "application": ["view", "change"],
    "assignment": ["view", "add", "change", "delete"],
    "grantcallpage": ["view", "add", "change", "delete"],
    "grantindexpage": ["view", "add", "change"],
}


def grant(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    app_config = apps.get_app_config("grants")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    coordinators, _ = Group.objects.get_or_create(name="Coordinators")
    experts, _ = Group.objects.get_or_create(name="Experts")
    for model, actions in COORDINATORS.items():
        for action in actions:
            coordinators.permissions.add(
                Permission.objects.get(content_type__app_label="grants", codename=f"{action}_{model}")
            )
    experts.permissions.add(Permission.objects.get(content_type__app_label="grants", codename="score_application"))


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    for group in apps.get_model("auth", "Group").objects.filter(name__in=["Coordinators", "Experts"]):
        group.permissions.remove(*Permission.objects.filter(content_type__app_label="grants"))


class Migration(migrations.Migration):
    dependencies = [("grants", "0001_initial"), ("home", "0003_roles")]

    operations = [migrations.RunPython(grant, revoke)]
