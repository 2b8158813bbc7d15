"""Bulk writes without the ORM's per-value overhead.

Django's bulk_create prepares every value of every row through each field's
``get_db_prep_save`` and builds one SQL string per batch; for 25,000 rows that is
most of an import's time. Here values are adapted once per field type and rows go
through a multi-row INSERT … RETURNING (SQLite ≥ 3.35, the same feature Django's
bulk_create relies on). On PostgreSQL Django's own bulk_create (UNNEST) is used for
rows that need their ids back.
"""

from django.db import connection, models

BATCH_ROWS = 400


def _adapter(field):
    ops = connection.ops
    if isinstance(field, models.DateTimeField):
        return ops.adapt_datetimefield_value
    if isinstance(field, models.DateField):
        return ops.adapt_datefield_value
    return None


def instance_factory(model):
    """A fast constructor of unsaved instances with the fields' defaults.

    ``Model.__init__`` costs ~60 µs with a dozen fields; copying a prepared dict of
    defaults costs ~2 µs. Only for instances that are then filled attribute by
    attribute (as the importer does).
    """
    from django.db.models.base import ModelState

    template = {f.attname: f.get_default() for f in model._meta.concrete_fields}

    def make(**values):
        obj = model.__new__(model)
        obj.__dict__.update(template)
        obj._state = ModelState()
        for name, value in values.items():
            setattr(obj, name, value)
        return obj

    return make


def insert_returning_ids(model, objects):
    """INSERT ``objects`` (unsaved instances) and give each its primary key."""
    if not objects:
        return
    if connection.vendor == "postgresql":
        # Django 5.2 inserts through UNNEST on PostgreSQL: faster there than a long VALUES list.
        model.objects.bulk_create(objects, batch_size=2000)
        return
    fields = [f for f in model._meta.concrete_fields if not f.primary_key]
    adapters = [(f.attname, _adapter(f)) for f in fields]
    qn = connection.ops.quote_name
    columns = ", ".join(qn(f.column) for f in fields)
    row_sql = "(" + ", ".join(["%s"] * len(fields)) + ")"
    pk_column = qn(model._meta.pk.column)
    table = qn(model._meta.db_table)  # identifiers from model meta; every value is a bound parameter
    with connection.cursor() as cursor:
        for start in range(0, len(objects), BATCH_ROWS):
            batch = objects[start : start + BATCH_ROWS]
            params = []
            for obj in batch:
                for attname, adapt in adapters:
                    value = getattr(obj, attname)
                    params.append(adapt(value) if adapt and value is not None else value)
            values = ", ".join([row_sql] * len(batch))
            sql = f"INSERT INTO {table} ({columns}) VALUES {values} RETURNING {pk_column}"  # noqa: S608
            cursor.execute(sql, params)
            ids = [row[0] for row in cursor.fetchall()]
            if len(ids) != len(batch):  # pragma: no cover - a database without RETURNING
                raise RuntimeError("The database did not return the new rows' ids.")
            for obj, pk in zip(batch, ids, strict=True):
                obj.pk = pk
                obj._state.adding = False
                obj._state.db = connection.alias


def insert_rows(model, field_names, rows):
    """INSERT plain value tuples (no ids needed), many rows a statement."""
    if not rows:
        return
    qn = connection.ops.quote_name
    columns = [model._meta.get_field(name).column for name in field_names]
    names = ", ".join(qn(c) for c in columns)
    row_sql = "(" + ", ".join(["%s"] * len(columns)) + ")"
    table = qn(model._meta.db_table)
    with connection.cursor() as cursor:
        for start in range(0, len(rows), BATCH_ROWS):
            batch = rows[start : start + BATCH_ROWS]
            values = ", ".join([row_sql] * len(batch))
            cursor.execute(f"INSERT INTO {table} ({names}) VALUES {values}", [v for row in batch for v in row])  # noqa: S608


def update_rows(model, objects, field_names):
    """UPDATE ``field_names`` of saved instances, one statement with many parameter sets."""
    if not objects:
        return
    fields = [model._meta.get_field(name) for name in field_names]
    adapters = [(f.attname, _adapter(f)) for f in fields]
    qn = connection.ops.quote_name
    assignments = ", ".join(f"{qn(f.column)} = %s" for f in fields)
    sql = f"UPDATE {qn(model._meta.db_table)} SET {assignments} WHERE {qn(model._meta.pk.column)} = %s"  # noqa: S608
    rows = []
    for obj in objects:
        row = []
        for attname, adapt in adapters:
            value = getattr(obj, attname)
            row.append(adapt(value) if adapt and value is not None else value)
        row.append(obj.pk)
        rows.append(row)
    with connection.cursor() as cursor:
        cursor.executemany(sql, rows)
