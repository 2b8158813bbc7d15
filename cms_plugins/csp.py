"""A Content-Security-Policy header on every response, one policy per part of the site.

The public site gets a strict policy (only our own scripts and styles, nothing
inline); Wagtail's admin, which still writes some inline styles and scripts, gets
a looser one of its own, so the public pages do not pay for the admin's needs.

Settings (the same directive format as Django 6.0's ``SECURE_CSP``, so moving to
Django's own middleware later is a rename):

- ``SECURE_CSP``: ``{"default-src": ["'self'"], ...}``, the policy of every path;
- ``SECURE_CSP_BY_PATH``: ``{"/admin/": {...}}``, policies for path prefixes (the
  longest matching prefix wins).

Put the middleware *above* any middleware that answers from a cache (the page
cache), so a response served from the cache gets the header on its way out too. A
view that sets its own ``Content-Security-Policy`` keeps it.
"""

from django.conf import settings

HEADER = "Content-Security-Policy"
# Browsers show a PDF in a built-in viewer that a page's policy (object-src 'none') can
# blank out; a PDF runs none of our scripts, so it gets no policy.
EXEMPT_TYPES = ("application/pdf",)


def policy_for(path):
    """The directives that apply to ``path`` (a dict, possibly empty)."""
    by_path = getattr(settings, "SECURE_CSP_BY_PATH", {}) or {}
    for prefix in sorted(by_path, key=len, reverse=True):
        if path.startswith(prefix):
            return by_path[prefix]
    return getattr(settings, "SECURE_CSP", {}) or {}


def header_value(directives):
    """``{"default-src": ["'self'"], "upgrade-insecure-requests": []}`` → the header's text."""
    return "; ".join(" ".join([name, *values]) for name, values in directives.items())


class ContentSecurityPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if HEADER not in response and not response.get("Content-Type", "").startswith(EXEMPT_TYPES):
            directives = policy_for(request.path_info)
            if directives:
                response[HEADER] = header_value(directives)
        return response
