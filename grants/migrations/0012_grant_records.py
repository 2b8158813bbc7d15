"""Grant records after the award (agreement, tranches, report due dates): coordinators see and
change them; the winners of calls whose results are already out get their record now."""

import django.db.models.deletion
import django.utils.timezone
import modelcluster.fields
from django.db import migrations, models

COORDINATORS = ["view_grant", "change_grant", "view_tranche", "add_tranche", "change_tranche", "delete_tranche"]


def grant_permissions(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    app_config = apps.get_app_config("grants")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name="Coordinators")
    group.permissions.add(*Permission.objects.filter(content_type__app_label="grants", codename__in=COORDINATORS))
    Application = apps.get_model("grants", "Application")
    Grant = apps.get_model("grants", "Grant")
    published = apps.get_model("grants", "GrantCallPage").objects.filter(review_stage="results")
    for application in Application.objects.filter(
        status="awarded", call_key__in=published.values("translation_key"), grant__isnull=True
    ):
        Grant.objects.create(application=application)


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    for group in apps.get_model("auth", "Group").objects.filter(name="Coordinators"):
        group.permissions.remove(
            *Permission.objects.filter(content_type__app_label="grants", codename__in=COORDINATORS)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("grants", "0011_fixed_scores_removed_and_roles"),
    ]

    operations = [
        migrations.CreateModel(
            name="Grant",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("agreement_number", models.CharField(blank=True, max_length=40, verbose_name="agreement number")),
                ("agreement_date", models.DateField(blank=True, null=True, verbose_name="agreement date")),
                ("interim_report_due", models.DateField(blank=True, null=True, verbose_name="interim report due")),
                ("final_report_due", models.DateField(blank=True, null=True, verbose_name="final report due")),
                (
                    "opened_at",
                    models.DateTimeField(default=django.utils.timezone.now, editable=False, verbose_name="opened"),
                ),
                (
                    "application",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="grant",
                        to="grants.application",
                        verbose_name="application",
                    ),
                ),
            ],
            options={
                "verbose_name": "grant",
                "verbose_name_plural": "grants",
                "ordering": ["-opened_at", "pk"],
            },
        ),
        migrations.CreateModel(
            name="Tranche",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("amount", models.PositiveBigIntegerField(verbose_name="amount (₸)")),
                ("planned_on", models.DateField(verbose_name="planned payment date")),
                (
                    "paid_on",
                    models.DateField(blank=True, help_text="Empty while unpaid.", null=True, verbose_name="paid on"),
                ),
                (
                    "grant",
                    modelcluster.fields.ParentalKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="tranches",
                        to="grants.grant",
                        verbose_name="grant",
                    ),
                ),
            ],
            options={
                "verbose_name": "tranche",
                "verbose_name_plural": "tranches",
                "ordering": ["planned_on", "pk"],
            },
        ),
        migrations.RunPython(grant_permissions, revoke),
    ]
