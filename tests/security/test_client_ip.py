"""One answer to "who sent this request?" for the whole site (cms_plugins.clientip)."""

import logging

import pytest
from django.test import RequestFactory

from cms_plugins.clientip import ClientIPFilter, client_ip


def request(remote="203.0.113.9", forwarded=None):
    headers = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **headers)


def test_without_trusted_proxies_a_forged_header_is_ignored(settings):
    """Protects: anyone can write X-Forwarded-For; unless a proxy is configured it is not believed."""
    settings.TRUSTED_PROXIES = []
    assert client_ip(request("203.0.113.9", "1.2.3.4")) == "203.0.113.9"


def test_behind_a_trusted_proxy_the_address_it_saw_is_the_client(settings):
    """Protects: nginx appends the real address; the forged part the client wrote before it is skipped."""
    settings.TRUSTED_PROXIES = ["127.0.0.1"]
    assert client_ip(request("127.0.0.1", "203.0.113.50")) == "203.0.113.50"
    assert client_ip(request("127.0.0.1", "1.2.3.4, 203.0.113.50")) == "203.0.113.50"


def test_a_chain_of_trusted_proxies_is_walked_from_the_right(settings):
    """Protects: a load balancer and nginx (two trusted hops) still give the client's address."""
    settings.TRUSTED_PROXIES = ["127.0.0.1", "10.0.0.0/8"]
    assert client_ip(request("127.0.0.1", "9.9.9.9, 198.51.100.7, 10.1.2.3")) == "198.51.100.7"


def test_a_request_not_from_the_proxy_cannot_claim_an_address(settings):
    """Protects: a client reaching the app server directly is not believed because a proxy exists."""
    settings.TRUSTED_PROXIES = ["127.0.0.1"]
    assert client_ip(request("198.51.100.7", "1.2.3.4")) == "198.51.100.7"


def test_garbage_in_the_header_falls_back_to_what_the_proxy_saw(settings):
    """Protects: a non-address in the chain never becomes the client's address."""
    settings.TRUSTED_PROXIES = ["127.0.0.1"]
    assert client_ip(request("127.0.0.1", "<script>, ")) == "127.0.0.1"
    assert client_ip(request("127.0.0.1", "")) == "127.0.0.1"


def test_the_log_filter_names_the_real_client(settings):
    """Protects: Django's request log (4xx/5xx) names the client, not the proxy."""
    settings.TRUSTED_PROXIES = ["127.0.0.1"]
    record = logging.LogRecord("django.request", logging.WARNING, __file__, 1, "Not Found", (), None)
    record.request = request("127.0.0.1", "1.2.3.4, 203.0.113.50")
    assert ClientIPFilter().filter(record) and record.client_ip == "203.0.113.50"
    bare = logging.LogRecord("django", logging.WARNING, __file__, 1, "x", (), None)
    assert ClientIPFilter().filter(bare) and bare.client_ip == "-"


def test_a_malformed_setting_stops_the_start(monkeypatch):
    """Protects: a typo in TRUSTED_PROXIES fails at start-up, not silently trusting nothing (or everything)."""
    from django.core.exceptions import ImproperlyConfigured

    from auyl.settings.base import trusted_proxies

    monkeypatch.setenv("TRUSTED_PROXIES", "127.0.0.1, 10.0.0.0/8")
    assert trusted_proxies("TRUSTED_PROXIES") == ["127.0.0.1", "10.0.0.0/8"]
    monkeypatch.setenv("TRUSTED_PROXIES", "nginx")
    with pytest.raises(ImproperlyConfigured, match="TRUSTED_PROXIES"):
        trusted_proxies("TRUSTED_PROXIES")
