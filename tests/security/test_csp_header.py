"""Every response carries a Content-Security-Policy: strict on the public site, looser
for Wagtail's admin, and present on pages served from the page cache too."""

from unittest import mock

import pytest

from cms_plugins.csp import header_value, policy_for
from cms_plugins.pagecache.middleware import cached_response as pagecache_cached_response
from home.demo import ensure_home


def directives(response):
    header = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in header.split("; ")}


@pytest.mark.django_db
def test_public_pages_get_the_strict_policy(client):
    """Protects readers from injected script: only our own scripts and styles, nothing inline, no plug-ins."""
    home = ensure_home()
    policy = directives(client.get(home.url))
    assert policy["script-src"] == ["'self'"] and policy["style-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"] and policy["base-uri"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'self'"] and policy["form-action"] == ["'self'"]
    assert "'unsafe-inline'" not in client.get(home.url)["Content-Security-Policy"]


@pytest.mark.parametrize("url", ["/ru/search/?q=x", "/robots.txt", "/healthz", "/ru/no-such-page/", "/views/1.gif"])
@pytest.mark.django_db
def test_every_public_response_has_the_policy(client, url):
    """Protects the whole site, not only pages: search, robots, errors, the view pixel."""
    ensure_home()
    assert "script-src 'self';" in client.get(url)["Content-Security-Policy"]


@pytest.mark.django_db
def test_the_admin_gets_its_own_policy(client, admin_user):
    """Protects editors: the admin allows the inline code Wagtail needs, and still no other origin's scripts."""
    client.force_login(admin_user)
    policy = directives(client.get("/admin/"))
    assert policy["script-src"] == ["'self'", "'unsafe-inline'"]
    assert policy["frame-src"][0] == "'self'"  # the live preview
    assert policy["object-src"] == ["'none'"] and policy["frame-ancestors"] == ["'self'"]
    login = directives(client.get("/admin/login/"))
    assert login["script-src"] == ["'self'", "'unsafe-inline'"]


@pytest.mark.django_db
def test_pages_served_from_the_page_cache_keep_the_policy(client):
    """Protects cached pages: the second reader, served from the cache, gets the same header."""
    home = ensure_home()
    client.get(home.url)  # the first visit creates the site's settings row, which empties the cache
    first = client.get(home.url)
    served = []

    def recording(key):
        response = pagecache_cached_response(key)
        served.append(response is not None)
        return response

    with mock.patch("cms_plugins.pagecache.middleware.cached_response", recording):
        second = client.get(home.url)
    assert any(served), "the second request was not served from the page cache"
    assert second["Content-Security-Policy"] == first["Content-Security-Policy"]


def test_the_longest_path_prefix_wins(settings):
    """Protects per-part policies: /admin/ and a more specific prefix each get theirs."""
    settings.SECURE_CSP = {"default-src": ["'self'"]}
    settings.SECURE_CSP_BY_PATH = {"/admin/": {"default-src": ["'none'"]}, "/admin/x/": {"img-src": ["data:"]}}
    assert policy_for("/ru/") == {"default-src": ["'self'"]}
    assert policy_for("/admin/pages/") == {"default-src": ["'none'"]}
    assert policy_for("/admin/x/1/") == {"img-src": ["data:"]}
    assert header_value({"default-src": ["'self'"], "upgrade-insecure-requests": []}) == (
        "default-src 'self'; upgrade-insecure-requests"
    )


def test_pdf_downloads_get_no_policy(rf, settings):
    """Protects manuals: a policy on a PDF can blank the browser's PDF viewer; a PDF runs none of our code."""
    from django.http import HttpResponse

    from cms_plugins.csp import ContentSecurityPolicyMiddleware

    settings.SECURE_CSP = {"object-src": ["'none'"]}
    pdf = ContentSecurityPolicyMiddleware(lambda request: HttpResponse(b"%PDF", content_type="application/pdf"))
    html = ContentSecurityPolicyMiddleware(lambda request: HttpResponse(b"<p>"))
    assert "Content-Security-Policy" not in pdf(rf.get("/documents/1/manual.pdf"))
    assert html(rf.get("/ru/"))["Content-Security-Policy"] == "object-src 'none'"
