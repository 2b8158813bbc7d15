import django.db.models
from django.db import migrations, models


def fill_call_keys(apps, schema_editor):
    Application = apps.get_model("grants", "Application")
    GrantCallPage = apps.get_model("grants", "GrantCallPage")
    keys = dict(GrantCallPage.objects.values_list("pk", "translation_key"))
    for application in Application.objects.filter(call_key__isnull=True):
        application.call_key = keys[application.call_id]
        application.save(update_fields=["call_key"])


class Migration(migrations.Migration):
    dependencies = [("grants", "0006_coordinators_translate_calls")]

    operations = [
        migrations.AddField(
            model_name="application",
            name="call_key",
            field=models.UUIDField(db_index=True, editable=False, null=True),
        ),
        migrations.RunPython(fill_call_keys, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="application",
            name="call_key",
            field=models.UUIDField(db_index=True, editable=False),
        ),
        migrations.AddConstraint(
            model_name="application",
            constraint=models.UniqueConstraint(
                condition=django.db.models.Q(
                    django.db.models.Q(("bin", ""), _negated=True),
                    django.db.models.Q(("status", "withdrawn"), _negated=True),
                ),
                fields=("call_key", "bin"),
                name="grants_one_application_per_bin_per_call",
            ),
        ),
    ]
