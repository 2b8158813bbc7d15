"""Pages stay light for 3G: small HTML+CSS, no JavaScript, nothing from other hosts."""

import gzip
import re
import subprocess
import sys

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders

HTML_CSS_JS_LIMIT = 100 * 1024
TRANSFERRED_LIMIT = 30 * 1024


def page_weight(html):
    """(uncompressed, gzipped) bytes of the page and the CSS/JS files it links."""
    assets = re.findall(r'(?:href|src)="/static/([^"?]+\.(?:css|js))"', html)
    bodies = [html.encode()] + [open(finders.find(path), "rb").read() for path in assets]  # noqa: SIM115
    return sum(map(len, bodies)), sum(len(gzip.compress(body, 6)) for body in bodies)


@pytest.mark.parametrize(
    "path", ["/ru/", "/kk/", "/en/", "/ru/about/", "/kk/privacy/", "/ru/manuals/", "/kk/needs-survey/"]
)
def test_pages_are_light_and_load_nothing_from_other_hosts(client, demo, path):
    """A page with its CSS and JS weighs under 100 KB, under 30 KB gzipped, and uses no foreign host."""
    html = client.get(path).content.decode()
    raw, transferred = page_weight(html)
    assert raw < HTML_CSS_JS_LIMIT, raw
    assert transferred < TRANSFERRED_LIMIT, transferred
    foreign = re.findall(r'<(?:script|link|img|source|iframe)[^>]+(?:src|href|srcset)="(?:https?:)?//[^"]+"', html)
    assert not foreign, foreign


def test_images_on_home_are_responsive_and_modern(client, demo):
    """The hero image comes in several widths as WebP, so a phone downloads a small one."""
    html = client.get("/ru/").content.decode()
    assert 'type="image/webp"' in html
    assert re.search(r'srcset="[^"]+ 480w, [^"]+ 960w', html)


def test_collected_static_files_have_hashed_names_and_compressed_copies(tmp_path):
    """In production static files get content-hashed names (cached for a year) and gzip copies."""
    env = {"DJANGO_SETTINGS_MODULE": "auyl.settings.production", "SECRET_KEY": "x" * 60, "ALLOWED_HOSTS": "example.org",
           "STATIC_ROOT": str(tmp_path), "PATH": "/usr/bin:/bin"}  # fmt: skip
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=settings.BASE_DIR, env=env, check=True
    )
    css = [p.name for p in (tmp_path / "auyl").iterdir()]
    assert any(re.fullmatch(r"site\.[0-9a-f]{12}\.css", name) for name in css), css
    assert any(re.fullmatch(r"site\.[0-9a-f]{12}\.css\.gz", name) for name in css), css
