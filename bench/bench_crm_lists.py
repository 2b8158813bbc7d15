"""Benchmark: the CRM's admin lists at national scale on PostgreSQL; p95 per request.

    createdb -h 127.0.0.1 -U postgres <name>   # once
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/<name> .venv/bin/python bench/bench_crm_lists.py \
        [--people 100000] [--organisations 25000] [--runs 20] [--keep]

Builds a fresh test database (``test_<name>``; ``--keep`` reuses a seeded one), seeds
organisations, people (one to three memberships each), history entries, focus areas and
some probable duplicates with ``bulk_create``, then requests each admin list, every
filter, the searches (name, BIN, phone, e-mail) and the duplicates finder through
Django's test client as a coordinator, ``--runs`` times each after one warm-up, and
prints p50 / p95 / max in milliseconds, the median time spent in SQL and the SQL queries
of one request.
Target: p95 ≤ 300 ms each.
"""

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "auyl.settings.test")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402

FOCUS = ["молодёжь", "экология", "образование", "спорт", "культура", "здоровье", "село", "женщины"]


def seed(people, organisations, seed_value=11):
    """Organisations with BINs, people with phones and e-mails, memberships, history, tags."""
    import bench_import

    from cms_plugins.crm.models import (
        FocusArea,
        Interaction,
        LegalForm,
        Membership,
        Organisation,
        OrganisationFocusArea,
        Person,
    )
    from cms_plugins.crm.names import name_key, person_key
    from cms_plugins.places.models import District

    rng = random.Random(seed_value)
    districts = list(District.objects.all())
    forms = [f for f, _label in LegalForm.choices]
    started = time.perf_counter()
    orgs = []
    serial = 1
    for i in range(organisations):
        form = forms[i % len(forms)]
        bin_value = ""
        if form != LegalForm.INITIATIVE_GROUP:
            bin_value = bench_import.make_bin(serial)
            serial += 1
        # Every 50th organisation repeats an earlier name: the duplicates finder has work.
        name = f"Ауыл {i // 2 if i % 50 == 0 else i} {rng.choice(bench_import.LAST)}"
        orgs.append(
            Organisation(
                name=name,
                name_key=name_key(name),
                legal_form=form,
                bin=bin_value,
                district=rng.choice(districts),
                settlement=f"село {i % 300}",
                status=rng.choice(["active", "active", "dormant", "closed"]),
            )
        )
    seen_bins = set()
    for org in orgs:  # make_bin may repeat on a long run: the unique constraint must hold
        if org.bin in seen_bins:
            org.bin, org.legal_form = "", LegalForm.INITIATIVE_GROUP
        seen_bins.add(org.bin)
    Organisation.objects.bulk_create(orgs, batch_size=5000)
    persons = []
    for n in range(people):
        full_name = f"{rng.choice(bench_import.LAST)} {rng.choice(bench_import.FIRST)} {n}"
        phone = "+7" + bench_import.MOBILE_PREFIXES[n % 9] + f"{1000000 + (n if n % 40 else n // 2):07d}"
        persons.append(
            Person(
                full_name=full_name,
                name_key=person_key(full_name),
                phone=phone,
                email=f"person.{n}@example.kz",
                preferred_language=rng.choice(["ru", "kk", "en"]),
                consent_version="v1" if n % 3 else "",
                mailing_opt_out=n % 17 == 0,
            )
        )
    Person.objects.bulk_create(persons, batch_size=5000)
    memberships = []
    for n, person in enumerate(persons):
        for k in range(1 + (n % 7 == 0) + (n % 31 == 0)):
            memberships.append(Membership(person=person, organisation=orgs[(n + k * 7919) % len(orgs)], role=""))
    Membership.objects.bulk_create(memberships, batch_size=5000, ignore_conflicts=True)
    tags = [
        FocusArea.objects.get_or_create(name=name, defaults={"slug": f"focus-{i}"})[0] for i, name in enumerate(FOCUS)
    ]
    OrganisationFocusArea.objects.bulk_create(
        [
            OrganisationFocusArea(content_object=org, tag=tags[(i + k) % len(tags)])
            for i, org in enumerate(orgs)
            for k in range(2)
        ],
        batch_size=5000,
    )
    Interaction.objects.bulk_create(
        [
            Interaction(organisation=orgs[i % len(orgs)], person=persons[i % len(persons)], text="консультация", kind="consultation",
                        date=f"2025-{1 + i % 12:02d}-{1 + i % 28:02d}")
            for i in range(organisations * 2)
        ],
        batch_size=5000,
    )  # fmt: skip
    with connection.cursor() as cursor:
        # What autovacuum does soon after a load: statistics, and the visibility map that
        # lets counts and groupings be answered from an index alone.
        cursor.execute("VACUUM ANALYZE")
    return time.perf_counter() - started


def requests_to_time(person_sample, org_sample):
    from django.urls import reverse

    from cms_plugins.crm.models import FocusArea
    from cms_plugins.places.models import District

    orgs = reverse("wagtailsnippets_crm_organisation:list")
    people = reverse("wagtailsnippets_crm_person:list")
    district = District.objects.filter(locale__language_code="ru").order_by("sort_order").first()
    tag = FocusArea.objects.order_by("name").first()
    return [
        ("organisations: list", orgs, {}),
        ("organisations: page 100", orgs, {"p": 100}),
        ("organisations: by last contact", orgs, {"ordering": "-last_contact"}),
        ("organisations: district", orgs, {"district": district.pk}),
        ("organisations: legal form", orgs, {"legal_form": "foundation"}),
        ("organisations: status", orgs, {"status": "dormant"}),
        ("organisations: focus area", orgs, {"focus_areas": tag.pk}),
        ("organisations: has a BIN", orgs, {"has_bin": "false"}),
        ("organisations: search name", orgs, {"q": org_sample.name.split()[1]}),
        ("organisations: search BIN", orgs, {"q": org_sample.bin or "1201400"}),
        ("organisations: search phone", orgs, {"q": "8 " + person_sample.phone[2:]}),
        ("organisations: search e-mail", orgs, {"q": person_sample.email}),
        ("people: list", people, {}),
        ("people: page 100", people, {"p": 100}),
        ("people: language", people, {"preferred_language": "kk"}),
        ("people: no mailings", people, {"mailing_opt_out": "true"}),
        ("people: district", people, {"district": district.pk}),
        ("people: consent", people, {"has_consent": "false"}),
        ("people: search name", people, {"q": person_sample.full_name.split()[0] + " " + person_sample.full_name.split()[1]}),
        ("people: search phone", people, {"q": "8 " + person_sample.phone[2:]}),
        ("people: search e-mail", people, {"q": person_sample.email}),
        ("people: search e-mail part", people, {"q": "person.4242"}),
        ("duplicates: organisations", reverse("crm:duplicates"), {"kind": "organisations"}),
        ("duplicates: people", reverse("crm:duplicates"), {"kind": "people"}),
    ]  # fmt: skip


def percentile(values, fraction):
    """The value at ``fraction`` of sorted ``values`` (nearest rank)."""
    return values[min(len(values) - 1, max(0, round(fraction * len(values)) - 1))]


def time_requests(runs, only=None, verbose=False):
    from django.contrib.auth.models import Group, User
    from django.test import Client

    from cms_plugins.crm.models import Organisation, Person

    user, _created = User.objects.get_or_create(username="bench-coordinator")
    user.groups.add(Group.objects.get(name="Coordinators"))
    client = Client()
    client.force_login(user)
    person = Person.objects.order_by("pk")[4242]
    org = Organisation.objects.exclude(bin="").order_by("pk")[777]
    rows = []
    for label, url, params in requests_to_time(person, org):
        if only and not any(word in label for word in only):
            continue
        response = client.get(url, params)  # warm-up
        assert response.status_code == 200, (label, response.status_code)
        sql = []

        def timed(execute, sql_text, params_, many, context, sql=sql):
            started = time.perf_counter()
            try:
                return execute(sql_text, params_, many, context)
            finally:
                sql.append(((time.perf_counter() - started) * 1000, sql_text))

        times, sql_times, cpu_times = [], [], []
        with connection.execute_wrapper(timed):
            for _run in range(runs):
                sql.clear()
                cpu = time.process_time()
                started = time.perf_counter()
                client.get(url, params)
                times.append((time.perf_counter() - started) * 1000)
                cpu_times.append((time.process_time() - cpu) * 1000)
                sql_times.append(sum(ms for ms, _text in sql))
        queries = len(sql)
        if verbose:
            for ms, text in sorted(sql, reverse=True)[:2]:
                print(f"    {ms:6.1f} ms  {text[:400]}")
        times.sort()
        cpu_times.sort()
        rows.append(
            (
                label,
                statistics.median(times),
                percentile(times, 0.95),
                times[-1],
                statistics.median(sql_times),
                queries,
                statistics.median(cpu_times),
                percentile(cpu_times, 0.95),
            )
        )
    return rows


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--people", type=int, default=100_000)
    parser.add_argument("--organisations", type=int, default=25_000)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--keep", action="store_true", help="reuse the seeded test database of an earlier run")
    parser.add_argument("--only", help="comma-separated words: time only the requests whose label has one")
    parser.add_argument("--verbose", action="store_true", help="print the two slowest SQL statements of each request")
    args = parser.parse_args()
    if connection.vendor != "postgresql":
        raise SystemExit("Set DATABASE_URL to a PostgreSQL database: this measures the national scale on PostgreSQL.")
    # No setup_test_environment(): its instrumented template rendering (a signal a
    # template) would add a third to an admin list's time, which production never pays.
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=not args.keep, keepdb=args.keep)
    try:
        from cms_plugins.crm.models import Person

        if not Person.objects.exists():
            seconds = seed(args.people, args.organisations)
            print(f"seeded in {seconds:.0f} s")
        print(f"{Person.objects.count()} people, {connection.vendor}; {args.runs} runs a request (ms)\n")
        # The machine may be shared: the CPU time of this process (rendering, Python; not
        # the database server's) tells our own cost apart from waiting for a core.
        print(f"{'request':34} {'p50':>7} {'p95':>7} {'max':>7} {'SQL ms':>7} {'SQL':>4} {'CPU p50':>8} {'CPU p95':>8}")
        worst = worst_cpu = 0
        only = args.only and args.only.split(",")
        for label, p50, p95, top, sql_ms, queries, cpu50, cpu95 in time_requests(args.runs, only, args.verbose):
            worst, worst_cpu = max(worst, p95), max(worst_cpu, cpu95)
            flag = "" if p95 <= 300 else "  > 300 ms"
            print(
                f"{label:34} {p50:7.0f} {p95:7.0f} {top:7.0f} {sql_ms:7.0f} {queries:4d} {cpu50:8.0f} {cpu95:8.0f}{flag}"
            )
        print(f"\nworst p95: {worst:.0f} ms wall, {worst_cpu:.0f} ms CPU of this process")
        print(f"load average at the end: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    finally:
        if not args.keep:
            connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
