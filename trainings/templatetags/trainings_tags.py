"""Query strings for the list's plain-link filters: one filter changed, the others kept."""

from urllib.parse import urlencode

from django import template

register = template.Library()


@register.simple_tag
def query_with(filters, name, value):
    return urlencode({**filters, name: value})


@register.simple_tag
def query_without(filters, name):
    return urlencode({key: value for key, value in filters.items() if key != name})


@register.simple_tag(takes_context=True)
def absolute(context, url):
    """The absolute address of a path, for sharing metadata."""
    request = context.get("request")
    return request.build_absolute_uri(url) if request and url else url or ""
