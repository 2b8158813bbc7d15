"""Trigram indexes for the admin's "contains" searches, on PostgreSQL only.

The lists search names, BINs and e-mails by any part (``LIKE '%…%'``), which a B-tree
index cannot serve; pg_trgm's GIN indexes can, so a search of 100,000 people stays
well under 300 ms. On SQLite (the laptop default) these operations do nothing: the
extension operation checks the database itself, and the indexes are created by SQL
only when the connection is PostgreSQL. They are not in the models' ``Meta.indexes``
because SQLite has no GIN: the model state stays the same on every database.
"""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations

# (index name, table, indexed expression): each matches the expression the search's
# lookup generates (``contains`` -> the column, ``icontains`` -> UPPER(column::text)).
INDEXES = [
    ("crm_org_name_key_trgm", "crm_organisation", '"name_key"'),
    ("crm_org_short_name_trgm", "crm_organisation", 'UPPER("short_name"::text)'),
    ("crm_org_bin_trgm", "crm_organisation", '"bin"'),
    ("crm_person_name_key_trgm", "crm_person", '"name_key"'),
    ("crm_person_email_trgm", "crm_person", 'UPPER("email"::text)'),
]


def create_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, table, expression in INDEXES:
        schema_editor.execute(
            f'CREATE INDEX IF NOT EXISTS "{name}" ON "{table}" USING gin (({expression}) gin_trgm_ops)'
        )


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, _table, _expression in INDEXES:
        schema_editor.execute(f'DROP INDEX IF EXISTS "{name}"')


class Migration(migrations.Migration):
    dependencies = [("crm", "0005_list_indexes")]

    operations = [
        TrigramExtension(),
        migrations.RunPython(create_indexes, drop_indexes, elidable=False),
    ]
