"""The fixed score columns go (their values are in ``scores`` now); the roles get what the
competition needs: Coordinators read the timeline, Experts score (and nothing else of grants)."""

from django.db import migrations

EXPERTS = ["score_application"]
COORDINATORS = ["view_applicationevent"]


def grant(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    app_config = apps.get_app_config("grants")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in (("Experts", EXPERTS), ("Coordinators", COORDINATORS)):
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(*Permission.objects.filter(content_type__app_label="grants", codename__in=codenames))


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    for group in apps.get_model("auth", "Group").objects.filter(name="Coordinators"):
        group.permissions.remove(
            *Permission.objects.filter(content_type__app_label="grants", codename__in=COORDINATORS)
        )


class Migration(migrations.Migration):
    dependencies = [("grants", "0010_scores_into_rubric")]

    operations = [
        migrations.RemoveField(model_name="assignment", name="budget"),
        migrations.RemoveField(model_name="assignment", name="feasibility"),
        migrations.RemoveField(model_name="assignment", name="relevance"),
        migrations.RunPython(grant, revoke),
    ]
