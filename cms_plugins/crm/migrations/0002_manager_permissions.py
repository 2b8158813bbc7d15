"""Give the groups named in settings.CRM_MANAGER_GROUPS every CRM permission.

The plug-in knows no group names of its own: the site says who manages contacts
(Auyl: ["Coordinators"]). Groups that do not exist yet are created, so the order of
migrations between apps does not matter. Everyone else (Press, Experts) gets nothing.
"""

from django.conf import settings
from django.contrib.auth.management import create_permissions
from django.db import migrations

MODELS = ["organisation", "person", "membership", "interaction", "importlog", "focusarea"]


def grant(apps, schema_editor):
    app_config = apps.get_app_config("crm")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    admin_type, _ = ContentType.objects.get_or_create(app_label="wagtailadmin", model="admin")
    access_admin, _ = Permission.objects.get_or_create(
        content_type=admin_type, codename="access_admin", defaults={"name": "Can access Wagtail admin"}
    )
    permissions = list(Permission.objects.filter(content_type__app_label="crm", content_type__model__in=MODELS))
    for name in getattr(settings, "CRM_MANAGER_GROUPS", []):
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(access_admin, *permissions)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(content_type__app_label="crm")
    for group in Group.objects.filter(name__in=getattr(settings, "CRM_MANAGER_GROUPS", [])):
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("crm", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailadmin", "0005_editingsession_is_editing"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
