"""Several app servers: an applicant moves between two server processes step by step.

Two ``manage.py runserver --noreload`` processes (on two free ports) share one
SQLite file created for this test; every step is posted to the other server than
the one before, and nothing is lost.
"""

import os
import re
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import requests

from .factories import ANSWERS, PDF

ROOT = Path(__file__).resolve().parents[2]


def free_ports(count):
    """Ports nobody listens on now (held open together so they differ)."""
    probes = [socket.socket() for _ in range(count)]
    for probe in probes:
        probe.bind(("127.0.0.1", 0))
    ports = [probe.getsockname()[1] for probe in probes]
    for probe in probes:
        probe.close()
    return ports


PORTS = free_ports(2)
SETUP = """
from tests.grants.factories import make_call
call = make_call(slug="two-servers")
print("URL", call.url, "KEY", call.translation_key)
"""


def run(env, *args):
    return subprocess.run(  # noqa: S603 - our own manage.py
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True, capture_output=True, text=True, timeout=300
    )


def servers_env(tmp_path):
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "auyl.settings.dev",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'shared.sqlite3'}",
        "AUYL_VAR_DIR": str(tmp_path / "var"),
        "PRIVATE_MEDIA_ROOT": str(tmp_path / "private"),
        "MEDIA_ROOT": str(tmp_path / "media"),
        "EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend",
        "DEBUG": "1",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
    }


@pytest.fixture
def servers(tmp_path):
    env = servers_env(tmp_path)
    run(env, "migrate", "--noinput")
    out = run(env, "shell", "-c", SETUP).stdout
    url, key = re.search(r"URL (\S+) KEY (\S+)", out).groups()
    processes = [
        subprocess.Popen(  # noqa: S603 - our own manage.py
            [sys.executable, "manage.py", "runserver", "--noreload", "--nothreading", f"127.0.0.1:{port}"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for port in PORTS
    ]
    try:
        for port in PORTS:
            for _ in range(100):
                try:
                    if requests.get(f"http://127.0.0.1:{port}/healthz", timeout=2).status_code == 200:
                        break
                except requests.ConnectionError:
                    time.sleep(0.2)
            else:
                pytest.fail(f"server on {port} did not start")
        yield url, key, tmp_path
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            process.wait(timeout=10)


def post(session, base, path, data, files=None):
    response = session.get(base + path)
    token = session.cookies.get("csrftoken")
    response = session.post(
        base + path,
        data={**data, "csrfmiddlewaretoken": token},
        files=files,
        allow_redirects=False,
        headers={"Referer": base + path},
    )
    return response


def test_applicant_moves_between_two_servers_without_loss(servers):
    """Each step saved on one server is there on the other, up to the submission."""
    url, key, tmp_path = servers
    bases = [f"http://127.0.0.1:{port}" for port in PORTS]
    session = requests.Session()  # cookies belong to the host, whatever the port
    prefix = f"multistep_{key}"
    response = post(session, bases[0], url + "apply/", {"email": "two@example.com"})
    assert response.status_code == 302, response.text[:500]
    # the worker sends the link (the console mail backend prints it); opening it lets us in
    env = servers_env(tmp_path)
    printed = run(env, "db_worker", "--batch", "--verbosity", "0").stdout
    link = re.search(r"https?://\S+/apply/resume/\S+/", printed).group(0)
    response = session.get(bases[1] + urlsplit(link).path, allow_redirects=False)
    assert response.status_code == 302 and response.headers["Location"].endswith("/apply/tasks/")
    steps = ["eligibility", "applicant", "project", "plan", "budget", "attachments", "check", "declaration"]
    for index, step in enumerate(steps):
        base = bases[index % 2]
        data = {f"{prefix}-current_step": step}
        for name, value in ANSWERS[step].items():
            data[f"{step}-{name}"] = value
        files = {f"{step}-registration": ("scan.pdf", PDF, "application/pdf")} if step == "attachments" else None
        response = post(session, base, url + f"apply/{step}/", data, files)
        assert response.status_code == 302, (step, base, response.text[:2000])
        # the other server shows the step as completed, with the answers
        other = bases[(index + 1) % 2]
        if step != "declaration":
            tasks = session.get(other + url + "apply/tasks/").text
            assert f'task-completed"><a href="{url}apply/{step}/"' in tasks, (step, other)
    assert response.headers["Location"].endswith("/apply/submitted/")
    status = session.get(bases[0] + url + "apply/submitted/").text
    assert re.search(r"ZKO-\d{4}-0001", status)
    assert list((tmp_path / "private").rglob("*.pdf"))
