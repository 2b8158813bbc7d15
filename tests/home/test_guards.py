"""Site-wide guards: migrations, plug-in boundaries, one <h1> per page, production settings."""

import ast
import os
import secrets
import subprocess
import sys
from html.parser import HTMLParser
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from wagtail.models import Page

BASE_DIR = Path(settings.BASE_DIR)
DOMAIN_APPS = {"home", "news", "grants", "trainings", "auyl"}


# --- Migrations ------------------------------------------------------------------------


@pytest.mark.django_db
def test_no_model_change_lacks_a_migration():
    """Protects every database from models that drifted from their migrations."""
    out = StringIO()
    try:
        call_command("makemigrations", "--check", "--dry-run", stdout=out, stderr=out)
    except SystemExit as exit_:
        pytest.fail(f"makemigrations --check found changes without a migration:\n{out.getvalue()}")
        raise AssertionError from exit_


# --- cms_plugins stays domain-neutral -------------------------------------------------


def domain_imports(source, filename="<source>"):
    """(line, module) of each import of a domain app in ``source``."""
    found = []
    for node in ast.walk(ast.parse(source, filename)):
        if isinstance(node, ast.Import):
            modules = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            modules = [node.module]
        else:
            continue
        found += [(node.lineno, module) for module in modules if module.split(".")[0] in DOMAIN_APPS]
    return found


def test_the_import_scan_sees_every_form_of_import():
    """Protects the guard below from passing because it cannot see an import."""
    source = "import os\nimport home.models\nfrom grants import services\nfrom news.models import X\nfrom . import y\n"
    assert domain_imports(source) == [(2, "home.models"), (3, "grants"), (4, "news.models")]


def test_cms_plugins_import_no_domain_app():
    """Protects the plug-ins' reuse: cms_plugins never imports home/news/grants/trainings."""
    offenders = []
    for path in sorted((BASE_DIR / "cms_plugins").rglob("*.py")):
        for line, module in domain_imports(path.read_text(encoding="utf-8"), str(path)):
            offenders.append(f"{path.relative_to(BASE_DIR)}:{line} imports {module}")
    assert not offenders, "cms_plugins must not import domain apps:\n" + "\n".join(offenders)


# --- One <h1> per page -------------------------------------------------------------------


class HeadingCounter(HTMLParser):
    def __init__(self):
        super().__init__()
        self.h1 = 0

    def handle_starttag(self, tag, attrs):
        self.h1 += tag == "h1"


def count_h1(html):
    counter = HeadingCounter()
    counter.feed(html)
    return counter.h1


def test_every_live_page_has_exactly_one_h1(client, demo):
    """Protects screen-reader users' page outline on every live page of the demo site."""
    pages = Page.objects.live().public().filter(depth__gt=1).specific()
    urls = [page.url for page in pages]
    urls += [f"/{code}/search/?q=грант" for code, _ in settings.LANGUAGES]
    assert len(urls) > len(settings.LANGUAGES) * 2, "the demo site should have pages in every language"
    problems = []
    for url in urls:
        response = client.get(url)
        if response.status_code != 200:
            problems.append(f"{url}: status {response.status_code}")
        elif (found := count_h1(response.content.decode())) != 1:
            problems.append(f"{url}: {found} <h1>")
    assert not problems, "\n".join(problems)


# --- Production settings ---------------------------------------------------------------


def run_with_production_settings(*args, **env):
    clean = {key: value for key, value in os.environ.items() if not key.startswith(("DJANGO_", "DATABASE_URL"))}
    clean.update(DJANGO_SETTINGS_MODULE="auyl.settings.production", **env)
    for key in ("SECRET_KEY", "ALLOWED_HOSTS"):
        if env.get(key) is None:
            clean.pop(key, None)
    return subprocess.run(  # noqa: S603 - our own manage.py with fixed arguments
        [sys.executable, "manage.py", *args], cwd=BASE_DIR, env=clean, capture_output=True, text=True, timeout=120
    )


def realistic_env(tmp_path):
    return {
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "auyl.example.kz",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'deploy.sqlite3'}",
        "AUYL_VAR_DIR": str(tmp_path),
    }


@pytest.mark.parametrize("missing", ["SECRET_KEY", "ALLOWED_HOSTS"])
def test_production_refuses_to_start_without(missing, tmp_path):
    """Protects against a production site running with no secret key or with any Host accepted."""
    env = realistic_env(tmp_path)
    env[missing] = None
    result = run_with_production_settings("check", **env)
    assert result.returncode != 0
    assert f"The environment variable {missing} must be set" in result.stderr


def test_check_deploy_is_clean_with_a_realistic_environment(tmp_path):
    """Protects the deployment checklist: `check --deploy` has nothing to report in production."""
    result = run_with_production_settings("check", "--deploy", "--fail-level", "DEBUG", **realistic_env(tmp_path))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout
