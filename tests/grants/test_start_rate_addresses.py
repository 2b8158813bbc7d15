"""The start form's rate limit counts applicants, not the proxy, and cannot be dodged by a header."""

import pytest
from django.test import Client

from cms_plugins.multistep.models import Draft


def start(call, index, remote, forwarded):
    return (
        Client(REMOTE_ADDR=remote, HTTP_X_FORWARDED_FOR=forwarded)
        .post(call.multistep_url(), {"email": f"p{index}@example.com"})
        .status_code
    )


@pytest.mark.django_db
def test_forged_forwarded_header_does_not_dodge_the_limit(call, settings):
    """Protects: without a configured proxy, a new X-Forwarded-For on each post is still one client."""
    settings.MULTISTEP_START_RATE = (3, 3600)
    settings.TRUSTED_PROXIES = []
    codes = [start(call, i, "203.0.113.9", f"10.0.0.{i}") for i in range(4)]
    assert codes == [302, 302, 302, 429]


@pytest.mark.django_db
def test_behind_the_configured_proxy_applicants_are_limited_one_by_one(call, settings):
    """Protects: behind nginx, one applicant is limited and another behind the same proxy is not."""
    settings.MULTISTEP_START_RATE = (3, 3600)
    settings.TRUSTED_PROXIES = ["127.0.0.1"]
    first = [start(call, i, "127.0.0.1", f"9.9.9.{i}, 203.0.113.50") for i in range(4)]
    other = start(call, 10, "127.0.0.1", "203.0.113.51")
    assert first == [302, 302, 302, 429] and other == 302
    assert Draft.objects.count() == 4
