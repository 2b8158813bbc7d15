from urllib.parse import quote

from django import template

register = template.Library()


@register.simple_tag(takes_context=True)
def absolute(context, url):
    """An absolute address for a path (renditions may already be absolute on object storage)."""
    if not url or url.startswith(("http://", "https://")):
        return url or ""
    request = context.get("request")
    return request.build_absolute_uri(url) if request else url


@register.inclusion_tag("news/includes/share.html", takes_context=True)
def share_links(context, page):
    """Telegram and WhatsApp links that open the app with the page's address (no scripts)."""
    request = context.get("request")
    url = page.get_full_url(request)
    return {
        "telegram": f"https://t.me/share/url?url={quote(url, safe='')}&text={quote(page.title, safe='')}",
        "whatsapp": f"https://wa.me/?text={quote(page.title + ' ' + url, safe='')}",
    }


@register.filter
def get_item(mapping, key):
    return (mapping or {}).get(key)
