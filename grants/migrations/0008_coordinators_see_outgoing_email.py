"""Coordinators see the outbox (Admin → Outgoing email): whether confirmations and links went out."""

from django.db import migrations


def grant(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    app_config = apps.get_app_config("mail")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    coordinators, _ = Group.objects.get_or_create(name="Coordinators")
    coordinators.permissions.add(Permission.objects.get(content_type__app_label="mail", codename="view_outboundmail"))


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    for group in apps.get_model("auth", "Group").objects.filter(name="Coordinators"):
        group.permissions.remove(*Permission.objects.filter(content_type__app_label="mail"))


class Migration(migrations.Migration):
    dependencies = [("grants", "0007_one_application_per_bin_per_call"), ("mail", "0001_outbox")]

    operations = [migrations.RunPython(grant, revoke)]
