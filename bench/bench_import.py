"""Benchmark: import 10,000 contact rows (5,000 organisations), preview then confirm.

    cd <repo> && /work/main/.venv/bin/python bench/bench_import.py [--rows 10000] [--format csv|xlsx]

Builds a fresh test database (SQLite unless DATABASE_URL says otherwise), writes one
file, and on that same file and in the same run times:

1. django-import-export's plain ``ModelResource`` defaults (one resource for the
   organisation columns keyed by BIN, one for the person columns keyed by e-mail,
   no normalisation, no matching between them), dry run then real run;
2. the same with import-export's bulk options (use_bulk, batch_size, skip_diff,
   CachedInstanceLoader), the organisation resource given each BIN once (its cached
   loader cannot see rows inserted earlier in the same file);
3. ours: ``services.run_import`` dry run (the admin preview) then real run (confirm),
   with every normalisation and matching rule (``ContactResource`` on import-export);
4. a bare bulk insert of the same rows (the floor).

Prints a table with seconds and the ratio against the plain defaults.
"""

import argparse
import os
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "auyl.settings.test")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

DISTRICT_SPELLINGS = [
    "г.а. Уральск", "Орал қаласы", "Уральск", "Акжаикский район", "Ақжайық ауданы", "Бокейординский р-н",
    "Бөкей ордасы", "Бурлинский район", "Борли", "Бөрлі ауданы", "Жангалинский", "Жаңақала ауданы",
    "Жанибекский район", "район Бәйтерек", "Зеленовский район", "Казталовский район", "Қазталов ауданы",
    "Каратобинский район", "Сырымский район", "Таскалинский район", "Таскала", "Теректинский район",
    "Чингирлауский район", "Шыңғырлау ауданы",
]  # fmt: skip
FORMS = ["ОО", "общественный фонд", "частное учреждение", "инициативная группа", "этнокультурный центр"]
FIRST = ["Айгуль", "Серик", "Асель", "Нурлан", "Гульнара", "Ерлан", "Мария", "Иван", "Жанар", "Бауыржан"]
LAST = ["Ахметова", "Иванов", "Сейткали", "Нурпеисова", "Петров", "Жумабаев", "Каримова", "Утегенов"]
HEADERS = [
    "Организация", "БИН", "Организационно-правовая форма", "Район", "Населённый пункт", "Направления деятельности",
    "ФИО", "Должность", "Телефон", "Эл. почта", "Язык общения",
]  # fmt: skip


def make_bin(serial):
    """A valid BIN: registered YYMM, resident legal entity (4), head office (0), serial, check digit."""
    from cms_plugins.bin import check_digit

    while True:
        first = f"{10 + serial // 100000:02d}{1 + serial % 12:02d}40{serial % 100000:05d}"
        digit = check_digit(first)
        if digit is not None:
            return first + str(digit)
        serial += 1000003


MOBILE_PREFIXES = ["701", "702", "705", "707", "747", "771", "775", "777", "778"]


def phone_variant(n, rng):
    """One of the ways people type a Kazakh mobile number."""
    digits = MOBILE_PREFIXES[n % len(MOBILE_PREFIXES)] + f"{1000000 + n:07d}"
    style = rng.randrange(4)
    if style == 0:
        return f"8 {digits[:3]} {digits[3:6]} {digits[6:8]} {digits[8:]}"
    if style == 1:
        return f"+7({digits[:3]}){digits[3:6]}-{digits[6:8]}-{digits[8:]}"
    if style == 2:
        return "8" + digits
    return f"+7 {digits[:3]} {digits[3:]}"


def generate(rows, seed=7):
    rng = random.Random(seed)
    out = []
    orgs = rows // 2
    bins, used = [], set()
    serial = 1
    while len(bins) < orgs:
        value = make_bin(serial)
        serial += 1
        if value not in used:
            used.add(value)
            bins.append(value)
    for i in range(orgs):
        form = FORMS[i % len(FORMS)]
        bin_value = "" if form == "инициативная группа" else bins[i]
        name = f"{form} «Ауыл {i}»"
        district = DISTRICT_SPELLINGS[i % len(DISTRICT_SPELLINGS)]
        for j in range(2):
            n = i * 2 + j
            out.append(
                [
                    name,
                    bin_value,
                    form,
                    district,
                    f"село {i % 97}",
                    "молодёжь; экология" if j == 0 else "образование",
                    f"{rng.choice(LAST)} {rng.choice(FIRST)} {n}",
                    "председатель" if j == 0 else "бухгалтер",
                    phone_variant(n, rng),
                    f"Person.{n}@Example.KZ",
                    rng.choice(["ru", "kk", "Русский", "қазақша"]),
                ]
            )
    return out


def write_file(rows, file_format, path):
    if file_format == "xlsx":
        from openpyxl import Workbook

        workbook = Workbook(write_only=True)
        sheet = workbook.create_sheet()
        sheet.append(HEADERS)
        for row in rows:
            sheet.append(row)
        workbook.save(path)
    else:
        import csv

        with open(path, "w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle, delimiter=";")
            writer.writerow(HEADERS)
            writer.writerows(rows)


def clear():
    from cms_plugins.crm.models import FocusArea, ImportLog, Membership, Organisation, Person

    for model in (Membership, Person, Organisation, FocusArea, ImportLog):
        model.objects.all().delete()


def plain_resources(bulk):
    from import_export import fields, resources
    from import_export.instance_loaders import CachedInstanceLoader

    from cms_plugins.crm.models import Organisation, Person

    class Options:
        pass

    class OrganisationResource(resources.ModelResource):
        name = fields.Field(attribute="name", column_name="Организация")
        bin = fields.Field(attribute="bin", column_name="БИН")
        settlement = fields.Field(attribute="settlement", column_name="Населённый пункт")

        class Meta:
            model = Organisation
            fields = ("name", "bin", "settlement")
            import_id_fields = ("bin",)
            if bulk:
                use_bulk = True
                batch_size = 1000
                skip_diff = True
                instance_loader_class = CachedInstanceLoader

    class PersonResource(resources.ModelResource):
        full_name = fields.Field(attribute="full_name", column_name="ФИО")
        phone = fields.Field(attribute="phone", column_name="Телефон")
        email = fields.Field(attribute="email", column_name="Эл. почта")

        class Meta:
            model = Person
            fields = ("full_name", "phone", "email")
            import_id_fields = ("email",)
            if bulk:
                use_bulk = True
                batch_size = 1000
                skip_diff = True
                instance_loader_class = CachedInstanceLoader

    return OrganisationResource, PersonResource


def time_plain(path, file_format, bulk):
    import tablib

    data = Path(path).read_bytes()
    dataset = (
        tablib.Dataset().load(data.decode("utf-8-sig"), format="csv", delimiter=";")
        if file_format == "csv"
        else tablib.Dataset().load(data, format="xlsx")
    )
    org_dataset = dataset
    if bulk:
        # The cached loader only knows rows that existed before the import, so a BIN
        # repeated within the file would be inserted twice: give it each BIN once.
        org_dataset = tablib.Dataset(headers=dataset.headers)
        seen = set()
        for row in dataset:
            if row[1] and row[1] in seen:
                continue
            seen.add(row[1])
            org_dataset.append(row)
    started = time.perf_counter()
    for dry_run in (True, False):
        org_resource, person_resource = plain_resources(bulk)
        for resource_class, data_rows in ((org_resource, org_dataset), (person_resource, dataset)):
            result = resource_class().import_data(data_rows, dry_run=dry_run, use_transactions=True)
            if result.has_errors():
                error = result.base_errors[0].traceback[-600:] if result.base_errors else result.row_errors()[:1]
                raise SystemExit(f"plain import failed ({resource_class.__name__}, dry_run={dry_run}): {error}")
    return time.perf_counter() - started


def time_ours(path):
    """The admin's path: read once for the preview (kept as JSON in shared storage), then confirm."""
    from cms_plugins.crm.models import Organisation, Person
    from cms_plugins.crm.reading import read_table, table_from_json, table_to_json
    from cms_plugins.crm.services import run_import

    data = Path(path).read_bytes()
    cpu = time.process_time()
    started = time.perf_counter()
    table = read_table(data, Path(path).name)
    preview, _log = run_import(None, table=table, file_name=Path(path).name, dry_run=True, log=False)
    kept = table_to_json(table)
    middle = time.perf_counter()
    result, _log = run_import(None, table=table_from_json(kept), file_name=Path(path).name, dry_run=False)
    ended = time.perf_counter()
    cpu = time.process_time() - cpu
    assert not preview.invalid_rows, preview.invalid_rows[:3]
    assert result.imported
    return middle - started, ended - middle, cpu, Organisation.objects.count(), Person.objects.count()


def time_floor(rows):
    from cms_plugins.crm.models import Organisation, Person

    started = time.perf_counter()
    seen = {}
    for row in rows:
        seen.setdefault(row[0], Organisation(name=row[0], bin=row[1], settlement=row[4], name_key=row[0].lower()))
    Organisation.objects.bulk_create(list(seen.values()), batch_size=1000)
    Person.objects.bulk_create(
        [Person(full_name=r[6], phone=r[8], email=r[9].lower(), name_key=r[6].lower()) for r in rows], batch_size=1000
    )
    return time.perf_counter() - started


PHASES = {"ours: preview (dry run)", "ours: confirm (write)"}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=10000)
    parser.add_argument("--format", choices=["csv", "xlsx"], default="csv")
    parser.add_argument("--skip-plain", action="store_true", help="skip the slow plain-defaults run")
    args = parser.parse_args()

    setup_test_environment()
    if connection.vendor == "sqlite":
        # A file, as in production, not the in-memory database tests use.
        connection.settings_dict["TEST"]["NAME"] = str(Path(tempfile.gettempdir()) / "bench-import.sqlite3")
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        rows = generate(args.rows)
        path = Path(tempfile.gettempdir()) / f"bench-contacts-{args.rows}.{args.format}"
        write_file(rows, args.format, path)
        results = []
        if not args.skip_plain:
            clear()
            results.append(("import-export ModelResource defaults", time_plain(path, args.format, bulk=False)))
            clear()
            results.append(("import-export bulk options", time_plain(path, args.format, bulk=True)))
        clear()
        preview, confirm, cpu, orgs, people = time_ours(path)
        results.append(("ours: preview (dry run)", preview))
        results.append(("ours: confirm (write)", confirm))
        results.append(("ours: preview + confirm", preview + confirm))
        again_preview, again_confirm, again_cpu, _orgs, _people = time_ours(path)
        results.append(("ours: same file again (all unchanged)", again_preview + again_confirm))
        clear()
        results.append(("bare bulk insert (floor)", time_floor(rows)))
        baseline = results[0][1] if not args.skip_plain else None
        import resource

        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
        print(f"\n{args.rows} rows, {orgs} organisations, {people} people, {args.format}, {connection.vendor}")
        print(f"peak RSS of this process: {peak} MB")
        # The machine is shared: CPU seconds of this process tell our own cost apart from waiting.
        print(f"ours, CPU seconds: preview + confirm {cpu:.2f}, same file again {again_cpu:.2f}")
        print(f"load average at the end: {' '.join(f'{x:.1f}' for x in os.getloadavg())}\n")
        print(f"{'run':40} {'seconds':>8} {'vs defaults':>12}")
        for label, seconds in results:
            # The defaults' figure is a preview and a confirm: compare like with like.
            ratio = f"{baseline / seconds:10.1f}x" if baseline and label not in PHASES else ""
            print(f"{label:40} {seconds:8.2f} {ratio:>12}")
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
