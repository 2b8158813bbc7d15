"""Page benchmark: seed a fresh database, serve it with gunicorn, load each page for a while.

    make bench                       # or: .venv/bin/python bench/bench_pages.py
    .venv/bin/python bench/bench_pages.py --duration 5 --only home,search

Steps, all under var/bench/ (git-ignored; the database is rebuilt on every run):
1. migrate, ``load_demo`` and the extra pages below, collectstatic — production settings
   with a generated SECRET_KEY, ALLOWED_HOSTS=127.0.0.1, SECURE_SSL_REDIRECT=false;
2. SQL queries per page: Django's test client + CaptureQueriesContext, counted on the
   second request (the first one warms caches and image renditions); then the mean time
   of 20 such requests in this process ("app ms": the app's own cost, steadier than the
   load figures on a busy machine);
3. gunicorn (2 sync workers) on 127.0.0.1 only, then each page for ``--duration`` seconds
   with wrk (8 connections, 2 threads) or, without wrk, a Python load generator;
4. a table: req/s, p50, p99, errors, SQL queries, size of the HTML and of HTML+CSS+JS as
   transferred with gzip (HTML is gzipped here when the app did not: a proxy would).
Results are also written to var/bench/results.json. The server is stopped at the end.

To add a page, append to PAGES (a path relative to the site, any query string encoded).
"""

import argparse
import contextlib
import gzip
import io
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path
from urllib.parse import quote, urljoin, urlsplit

BASE_DIR = Path(__file__).resolve().parents[1]
BENCH_DIR = BASE_DIR / "var" / "bench"
CONNECTIONS, THREADS, WORKERS = 8, 2, 2
APP_TIMING_REQUESTS = 20  # in-process requests timed per page: the app's own cost, no network
EXTRA_PAGES = 40  # more ru pages than the demo has, so search and menus have work to do
EXTRA_NEWS = 300  # ru news items beyond the demo's, so the list pages and filters have work to do

PAGES = [
    # (name, path)
    ("home", "/ru/"),
    ("standard page", "/ru/about/"),
    ("search", "/ru/search/?q=" + quote("грант")),
    ("news list", "/ru/news/"),
    ("news list filtered", "/ru/news/?district=burli&page=2"),
    ("news page", "/ru/news/burli-meeting/"),
    ("district page", "/ru/districts/burli/"),
    ("districts map", "/ru/districts/"),
    ("bare Wagtail page", "/ru/bench-bare/"),  # reference: a StandardPage with nothing in it
    ("healthz (floor)", "/healthz"),  # reference: Django + one SQL query, no template
]


def bench_environment(secret_key):
    env = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
    env.update(
        DJANGO_SETTINGS_MODULE="auyl.settings.production",
        SECRET_KEY=secret_key,
        ALLOWED_HOSTS="127.0.0.1",
        SECURE_SSL_REDIRECT="false",
        AUYL_VAR_DIR=str(BENCH_DIR),
        DATABASE_URL=f"sqlite:///{BENCH_DIR / 'bench.sqlite3'}",
        PYTHONPATH=str(BASE_DIR),
    )
    return env


# --- 1 and 2: seeding and query counts, inside Django ---------------------------------------


def seed_and_count_queries(pages):
    """Runs in this process once the bench environment is in os.environ."""
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    call_command("migrate", verbosity=0, interactive=False)
    call_command("load_demo", verbosity=0, stdout=io.StringIO())
    seed_extra_pages()
    seed_extra_news()
    call_command("collectstatic", verbosity=0, interactive=False)

    client = Client(HTTP_HOST="127.0.0.1")
    queries = {}
    for name, path in pages:
        first = client.get(path)
        if first.status_code != 200:
            raise SystemExit(f"bench: {path} answered {first.status_code} before the load started")
        with CaptureQueriesContext(connection) as captured:
            client.get(path)
        sql = len(captured.captured_queries)  # now: the next request clears the query log
        started = time.perf_counter()
        for _ in range(APP_TIMING_REQUESTS):
            client.get(path)
        app_ms = (time.perf_counter() - started) * 1000 / APP_TIMING_REQUESTS
        queries[name] = {"sql": sql, "app_ms": app_ms}
    return queries


def seed_extra_pages():
    from wagtail.models import Locale

    from home.models import HomePage, StandardPage

    home = HomePage.objects.get(locale=Locale.get_default(), depth=2)
    if not StandardPage.objects.filter(slug="bench-bare").exists():
        home.add_child(instance=StandardPage(title="Bare", slug="bench-bare", show_in_menus=False))
    parent = StandardPage.objects.child_of(home).get(slug="about")
    for number in range(1, EXTRA_PAGES + 1):
        slug = f"bench-{number}"
        if not StandardPage.objects.filter(slug=slug).exists():
            intro = f"Грант номер {number} для сельского объединения: отчёт и итоги."
            parent.add_child(instance=StandardPage(title=f"Отчёт по гранту {number}", slug=slug, intro=intro))


def seed_extra_news():
    import datetime

    from wagtail.models import Locale

    from cms_plugins.demo_images import get_or_create_image
    from cms_plugins.places.models import District
    from news.models import Category, NewsIndexPage, NewsPage

    index = NewsIndexPage.objects.get(locale=Locale.get_default())
    image = get_or_create_image("Bench: steppe", seed=4242)
    districts = list(District.objects.filter(locale=Locale.get_default()))
    categories = list(Category.values)
    links = []
    for number in range(1, EXTRA_NEWS + 1):
        slug = f"bench-news-{number}"
        if NewsPage.objects.filter(slug=slug).exists():
            continue
        page = index.add_child(
            instance=NewsPage(
                title=f"Новость для замера {number}",
                slug=slug,
                lead="Короткий лид новости для замера скорости списка.",
                date=datetime.date(2024 + number % 3, 1 + number % 12, 1 + number % 28),
                category=categories[number % len(categories)],
                cover_image=image,
                cover_alt="Степь",
            )
        )
        links.append(NewsPage.districts.through(newspage_id=page.pk, district=districts[number % len(districts)]))
    NewsPage.districts.through.objects.bulk_create(links)


# --- 3: server and load -------------------------------------------------------------------


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def gunicorn(env, port):
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        "auyl.wsgi:application",
        f"--workers={WORKERS}",
        f"--bind=127.0.0.1:{port}",
        "--log-level=warning",
    ]
    log = (BENCH_DIR / "gunicorn.log").open("w")
    server = subprocess.Popen(command, cwd=BASE_DIR, env=env, stdout=log, stderr=log, start_new_session=True)
    try:
        wait_until_up(f"http://127.0.0.1:{port}/healthz", server)
        yield f"http://127.0.0.1:{port}"
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()
        log.close()


def wait_until_up(url, server, timeout=30):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"bench: gunicorn stopped (see {BENCH_DIR / 'gunicorn.log'})")
        with contextlib.suppress(OSError), urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310
            if response.status == 200:
                return
        time.sleep(0.2)
    raise SystemExit(f"bench: gunicorn did not answer {url} within {timeout} s")


def load_with_wrk(url, duration):
    output = subprocess.run(
        [
            "wrk",
            f"--threads={THREADS}",
            f"--connections={CONNECTIONS}",
            f"--duration={duration}s",
            "--timeout=10s",
            "--latency",
            url,
        ],
        capture_output=True,
        text=True,
        check=True,
        timeout=duration + 30,
    ).stdout
    errors = sum(int(n) for n in re.findall(r"Non-2xx or 3xx responses: (\d+)", output))
    errors += sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", output))
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "p50": wrk_ms(re.search(r"50%\s+([\d.]+\w+)", output).group(1)),
        "p99": wrk_ms(re.search(r"99%\s+([\d.]+\w+)", output).group(1)),
        "errors": errors,
    }


def wrk_ms(value):
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", value).groups()
    return float(number) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]


def load_with_python(url, duration):
    """Without wrk: CONNECTIONS threads requesting in a loop for ``duration`` seconds."""
    import http.client

    parts = urlsplit(url)
    target = parts.path + (f"?{parts.query}" if parts.query else "")
    latencies, errors, lock = [], [0], threading.Lock()
    stop_at = time.monotonic() + duration

    def worker():
        connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
        mine, failed = [], 0
        while time.monotonic() < stop_at:
            started = time.perf_counter()
            try:
                connection.request("GET", target)
                response = connection.getresponse()
                response.read()
                failed += response.status >= 400
                if response.will_close:
                    connection.close()
            except (OSError, http.client.HTTPException):
                failed += 1
                connection.close()
                continue
            mine.append((time.perf_counter() - started) * 1000)
        with lock:
            latencies.extend(mine)
            errors[0] += failed

    started = time.monotonic()
    workers = [threading.Thread(target=worker) for _ in range(CONNECTIONS)]
    for thread in workers:
        thread.start()
    for thread in workers:
        thread.join()
    elapsed = time.monotonic() - started
    latencies.sort()

    def percentile(share):
        return latencies[min(len(latencies) - 1, int(len(latencies) * share))] if latencies else float("nan")

    return {"rps": len(latencies) / elapsed, "p50": percentile(0.50), "p99": percentile(0.99), "errors": errors[0]}


# --- 4: sizes ---------------------------------------------------------------------------


def fetch(url):
    """(body as transferred, body decoded, content type) with gzip accepted."""
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"})  # noqa: S310 - local server
    with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310 - local server
        raw = response.read()
        encoded = response.headers.get("Content-Encoding") == "gzip"
        return raw, gzip.decompress(raw) if encoded else raw, encoded


def transferred_sizes(url):
    """HTML size, and HTML+CSS+JS as transferred gzipped (HTML gzipped here if the app did not)."""
    raw, html, encoded = fetch(url)
    total_gz = len(raw) if encoded else len(gzip.compress(html, 6))
    text = html.decode("utf-8", "replace")
    assets = re.findall(r'<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"', text)
    assets += re.findall(r'<link[^>]+href="([^"]+)"[^>]+rel="stylesheet"', text)
    assets += re.findall(r'<script[^>]+src="([^"]+)"', text)
    for asset in dict.fromkeys(assets):
        asset_url = urljoin(url, asset)
        if urlsplit(asset_url).netloc != urlsplit(url).netloc:
            continue  # assets from other hosts are not allowed on our pages anyway
        asset_raw, asset_body, asset_encoded = fetch(asset_url)
        total_gz += len(asset_raw) if asset_encoded else len(gzip.compress(asset_body, 6))
    return {"html_kb": len(html) / 1024, "gz_kb": total_gz / 1024, "html_gzipped_by_app": encoded}


# --- Orchestration ------------------------------------------------------------------------


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--duration", type=int, default=10, help="seconds of load per page (default 10)")
    parser.add_argument("--port", type=int, default=0, help="gunicorn port on 127.0.0.1 (default: any free one)")
    parser.add_argument("--only", default="", help="comma-separated page names to run")
    parser.add_argument("--python-load", action="store_true", help="use the Python load generator even if wrk exists")
    args = parser.parse_args()

    pages = [(name, path) for name, path in PAGES if not args.only or name in args.only.split(",")]
    if BENCH_DIR.exists():
        shutil.rmtree(BENCH_DIR)
    BENCH_DIR.mkdir(parents=True)
    env = bench_environment(secrets.token_urlsafe(50))
    os.environ.update(env)
    sys.path.insert(0, str(BASE_DIR))

    print(f"bench: seeding {BENCH_DIR / 'bench.sqlite3'} and counting queries…", flush=True)
    queries = seed_and_count_queries(pages)

    use_wrk = shutil.which("wrk") and not args.python_load
    load = load_with_wrk if use_wrk else load_with_python
    generator = f"wrk -t{THREADS} -c{CONNECTIONS}" if use_wrk else f"python, {CONNECTIONS} connections"
    rows = []
    with gunicorn(env, args.port or free_port()) as base_url:
        for name, path in pages:
            url = base_url + path
            print(f"bench: {name} ({path}) for {args.duration} s…", flush=True)
            load(url, 1)  # warm both workers
            rows.append({"page": name, "path": path, **load(url, args.duration), **queries[name]})
            rows[-1].update(transferred_sizes(url))

    print_table(rows, f"gunicorn {WORKERS} workers, {generator}, {args.duration} s per page, SQLite, 127.0.0.1")
    (BENCH_DIR / "results.json").write_text(json.dumps(rows, indent=2, ensure_ascii=False))
    return 1 if any(row["errors"] for row in rows) else 0


def print_table(rows, title):
    header = ["page", "req/s", "p50 ms", "p99 ms", "errors", "SQL", "app ms", "HTML KB", "gz KB HTML+CSS+JS"]
    lines = [
        [
            row["page"],
            f"{row['rps']:.0f}",
            f"{row['p50']:.1f}",
            f"{row['p99']:.1f}",
            str(row["errors"]),
            str(row["sql"]),
            f"{row['app_ms']:.1f}",
            f"{row['html_kb']:.1f}",
            f"{row['gz_kb']:.1f}",
        ]
        for row in rows
    ]
    widths = [max(len(cell) for cell in column) for column in zip(header, *lines, strict=True)]
    print(f"\n{title}")
    for index, line in enumerate([header, *lines]):
        print(
            "  ".join(
                cell.ljust(w) if i == 0 else cell.rjust(w) for i, (cell, w) in enumerate(zip(line, widths, strict=True))
            )
        )
        if index == 0:
            print("  ".join("-" * w for w in widths))
    print(f"(app ms: mean of {APP_TIMING_REQUESTS} requests through Django's test client, no server or network)")
    if rows and not rows[0]["html_gzipped_by_app"]:
        print("(the app does not gzip HTML itself; HTML is counted gzipped as a proxy in front would send it)")


if __name__ == "__main__":
    sys.exit(main())
