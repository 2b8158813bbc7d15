"""Breadcrumbs from the pages routing already loaded, through Wagtail's public API.

Wagtail's ``Page.route`` hands each page it routes to its parent, so ``get_parent()``
on a routed page costs no query. A page type that routes its children itself (one
query instead of Wagtail's two) sets ``child.routed_parent = self`` for the same
effect. A page that was not routed (a preview, a page read in a script) costs one
query per level.
"""


def routed_ancestors(page):
    """The page's ancestors from the site's home page (depth 2) down to its parent."""
    chain, current = [], page
    while current.depth > 2:
        current = getattr(current, "routed_parent", None) or current.get_parent()
        chain.append(current)
    return chain[::-1]
