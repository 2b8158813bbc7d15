"""The address of whoever sent a request, found the same way everywhere.

Rate limits, the view counter and the logs all ask ``client_ip(request)``.

Behind a reverse proxy ``REMOTE_ADDR`` is the proxy, and the client's address is in
``X-Forwarded-For``, to which every proxy appends the address it saw:
``<whatever the client wrote>, …, <what our proxy saw>``. Anyone can send that header,
so only the entries written by proxies we trust are believed: the list is read from
the right, skipping addresses of trusted proxies, and the first address that is not
one of them is the client. With ``TRUSTED_PROXIES`` empty (the default, and right for
a server that faces the internet itself) the header is ignored altogether.

``TRUSTED_PROXIES`` is a list of addresses or networks (``["127.0.0.1", "10.0.0.0/8"]``).
"""

import ipaddress
import logging
from functools import lru_cache

from django.conf import settings


@lru_cache(maxsize=8)
def _networks(entries):
    return tuple(ipaddress.ip_network(entry, strict=False) for entry in entries)


def trusted_networks():
    """The networks of ``settings.TRUSTED_PROXIES`` (raises ValueError for a malformed entry)."""
    return _networks(tuple(getattr(settings, "TRUSTED_PROXIES", ())))


def _address(text):
    try:
        return ipaddress.ip_address(text.strip())
    except ValueError:
        return None


def _is_trusted(address, networks):
    return any(address in network for network in networks)


def client_ip(request):
    """The client's address as a string ("" when the request has none)."""
    remote = _address(request.META.get("REMOTE_ADDR", ""))
    if remote is None:
        return ""
    networks = trusted_networks()
    if not networks or not _is_trusted(remote, networks):
        return str(remote)
    client = remote
    for entry in reversed(request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")):
        hop = _address(entry)
        if hop is None:
            # not written by a proxy of ours: stop at the last address one of them saw
            break
        client = hop
        if not _is_trusted(hop, networks):
            break
    return str(client)


class ClientIPFilter(logging.Filter):
    """Adds ``client_ip`` to log records that carry a request (Django's request and security logs).

    ``"-"`` when the record has no request, so a format string may always use ``%(client_ip)s``.
    """

    def filter(self, record):
        request = getattr(record, "request", None)
        meta = getattr(request, "META", None)
        record.client_ip = (client_ip(request) or "-") if meta is not None else "-"
        return True
