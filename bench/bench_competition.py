"""Benchmark: a call with 2,000 applications and 3 submitted reviews each.

    cd <repo> && DATABASE_URL=postgres://postgres@127.0.0.1:5432/<db> .venv/bin/python bench/bench_competition.py \
        [--applications 2000] [--reviews 3] [--runs 5]

Builds a fresh test database (PostgreSQL when DATABASE_URL says so, the target of issue #12),
fills it in bulk, then asks for each coordinator screen through the test client, signed in as a
coordinator — the whole request, template rendering included:

1. the per-call list of applications (first page, filtered and sorted, and a search);
2. the ranking table (every reviewed application, with the award forms);
3. the XLSX export of every application of the call (one column per question).

Prints a table with the median and worst of ``--runs`` runs (wall clock), the median CPU time
of this process during the request (the part a busy shared machine does not inflate; PostgreSQL's
own work is in another process and not in it), the SQL queries each took, and whether the
median meets the issue's target of 1 s. ``--profile SCREEN`` (a word of the screen's label)
prints a cProfile of one request of that screen instead.

Before measuring, the process settles as an app server does (``site/settling.py``, called by
``site/wsgi.py``): what is loaded is frozen out of the garbage collector's walks.
``--no-settle`` measures without, as the site was before.
"""

import argparse
import os
import statistics
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
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402

TARGET = 1.0
DISTRICTS = ["burli", "syrym", "taskala", "akzhaik", "zhangala", "kaztalov", "terekti", "bokeyorda"]


def answers(n):
    """A snapshot like the real form's: the fixed steps and two designed ones, in the applicant's order."""
    return [
        {"step": "Можете ли вы подать заявку?", "key": "eligibility", "rows": [["Тип", "ОО"], ["Село", "Да"], ["ЗКО", "Да"]]},
        {
            "step": "О вас",
            "key": "applicant",
            "rows": [
                ["Организация", f"ОО «Ауыл {n}»"], ["БИН", "940140000385"], ["Район", "Бурлинский район"],
                ["Село", "Аксай"], ["Контактное лицо", "Айгуль Серикова"], ["Должность", "председатель"],
                ["Телефон", "+7 701 123 45 67"], ["Эл. почта", f"a{n}@example.kz"],
            ],
        },
        {
            "step": "Проект",
            "key": "project",
            "rows": [
                ["Название", f"Проект {n}"], ["Проблема", "Детям негде играть. " * 20], ["Охват", "120"],
                ["Начало", "1 декабря 2026"], ["Тема", "Молодёжь"], ["Партнёры", "Акимат, Школа"], ["Впервые?", "Да"],
            ],
        },
        {"step": "План", "key": "plan", "rows": [["Мероприятия", "Закупка · 1\nМонтаж · 2"], ["Вклад", "50 000 ₸"], ["Фото", ""]]},
        {"step": "Бюджет", "key": "budget", "rows": [["Сумма", "570 000 ₸"], ["Строки", "Материалы — 400 000 ₸\nРабота — 170 000 ₸"]]},
    ]  # fmt: skip


def build(count, reviews):
    from django.contrib.auth.models import Group, User
    from django.db.models import Value

    from grants.models import Application, Assignment
    from tests.grants.competition import FEASIBILITY, RELEVANCE, call_with_rubric, make_applications

    call = call_with_rubric()
    made = []
    for start in range(0, count, 500):
        made += make_applications(call, min(500, count - start), status="under_review", start=start)
    for n, application in enumerate(made):
        application.answers = answers(n)
        application.district_code = DISTRICTS[n % len(DISTRICTS)]
        application.requested_amount = 300000 + (n * 7919) % 270001
    Application.objects.bulk_update(made, ["answers", "district_code", "requested_amount"], batch_size=500)
    experts = []
    for k in range(reviews):
        expert = User.objects.create_user(f"bench-expert{k}", f"e{k}@example.org", "pw-123456789")
        expert.groups.add(Group.objects.get(name="Experts"))
        experts.append(expert)
    rows = []
    for n, application in enumerate(made):
        for k, expert in enumerate(experts):
            relevance, feasibility = (n + k) % 11, (n * 3 + k) % 6
            rows.append(
                Assignment(
                    application=application,
                    expert=expert,
                    conflict=False,
                    scores={RELEVANCE: {"score": relevance, "comment": ""}, FEASIBILITY: {"score": feasibility}},
                    total=2 * relevance + feasibility,
                    comment="",
                    scored_at=application.submitted_at,
                    declared_at=application.submitted_at,
                )
            )
    Assignment.objects.bulk_create(rows, batch_size=2000)
    Application.objects.filter(pk__in=[a.pk for a in made[:40]]).update(status=Value("shortlisted"))
    coordinator = User.objects.create_user("bench-coordinator", "c@example.org", "pw-123456789")
    coordinator.groups.add(Group.objects.get(name="Coordinators"))
    connection.cursor().execute("ANALYZE") if connection.vendor == "postgresql" else None
    return call, coordinator


def fetch(client, url):
    response = client.get(url)
    body = b"".join(response.streaming_content) if response.streaming else response.content
    assert response.status_code == 200, (url, response.status_code)
    return body


def measure(client, url, runs):
    times, cpu, queries, size = [], [], 0, 0
    fetch(client, url)  # warm caches (templates, session, permissions)
    for _run in range(runs):
        with CaptureQueriesContext(connection) as captured:
            started, started_cpu = time.perf_counter(), time.process_time()
            body = fetch(client, url)
            times.append(time.perf_counter() - started)
            cpu.append(time.process_time() - started_cpu)
        queries, size = len(captured), len(body)
    return statistics.median(times), max(times), statistics.median(cpu), queries, size


def profile(client, url):
    import cProfile
    import pstats

    fetch(client, url)
    profiler = cProfile.Profile()
    profiler.runcall(fetch, client, url)
    profiler.dump_stats(os.environ.get("PROFILE_FILE", Path(tempfile.gettempdir()) / "bench-competition.prof"))
    pstats.Stats(profiler).sort_stats("cumulative").print_stats(45)
    pstats.Stats(profiler).sort_stats("tottime").print_stats(25)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--applications", type=int, default=2000)
    parser.add_argument("--reviews", type=int, default=3)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--no-settle", action="store_true", help="leave the garbage collector walking everything")
    parser.add_argument(
        "--profile", metavar="SCREEN", help="profile one request of the first screen whose label has this"
    )
    args = parser.parse_args()
    from django.conf import settings
    from django.test import Client
    from django.urls import reverse

    setup_test_environment()
    settings.DEBUG = False
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        started = time.perf_counter()
        call, coordinator = build(args.applications, args.reviews)
        print(
            f"{connection.vendor}: {args.applications} applications × {args.reviews} reviews "
            f"built in {time.perf_counter() - started:.1f} s"
        )
        client = Client()
        client.force_login(coordinator)
        if not args.no_settle:
            from auyl.settling import settle

            settle()
        screens = [
            ("applications list (page 1 of 50)", reverse("grants_applications", args=[call.pk])),
            (
                "applications list, filtered + sorted",
                reverse("grants_applications", args=[call.pk]) + "?district=syrym&min_amount=400000&sort=-amount",
            ),
            ("applications list, search", reverse("grants_applications", args=[call.pk]) + "?q=Ауыл 19"),
            ("ranking table", reverse("grants_ranking", args=[call.pk])),
            ("ranking XLSX", reverse("grants_ranking", args=[call.pk]) + "?export=xlsx"),
            ("applications XLSX export", reverse("grants_application_export", args=[call.pk])),
            ("applications CSV export", reverse("grants_application_export", args=[call.pk]) + "?format=csv"),
        ]
        if args.profile:
            label, url = next(screen for screen in screens if args.profile in screen[0])
            print(label)
            return profile(client, url)
        print(f"{'screen':40} {'median s':>9} {'worst s':>8} {'CPU s':>6} {'queries':>8} {'KB':>8}  ≤ {TARGET:.0f} s")
        for label, url in screens:
            median, worst, cpu, queries, size = measure(client, url, args.runs)
            verdict = "yes" if median <= TARGET else "NO"
            print(f"{label:40} {median:9.3f} {worst:8.3f} {cpu:6.3f} {queries:8d} {size / 1024:8.0f}  {verdict}")
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
