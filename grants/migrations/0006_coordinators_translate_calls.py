"""Coordinators translate the calls they edit (wagtail-localize's "submit translation").

wagtail-localize knows one model permission, not a per-page one: which translated
pages a coordinator may then edit and publish stays with the Wagtail page
permissions on the grants indexes (0004)."""

from django.db import migrations


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    group, _ = Group.objects.get_or_create(name="Coordinators")
    content_type, _ = ContentType.objects.get_or_create(app_label="wagtail_localize", model="translation")
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type, codename="submit_translation", defaults={"name": "Can submit translations"}
    )
    group.permissions.add(permission)


def ungrant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for group in Group.objects.filter(name="Coordinators"):
        group.permissions.remove(*group.permissions.filter(codename="submit_translation"))


class Migration(migrations.Migration):
    dependencies = [
        ("grants", "0005_form_keys_from_block_ids_and_editor_labels"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    operations = [migrations.RunPython(grant, ungrant)]
