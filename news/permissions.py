"""What the Press role may do with pages (pure functions returning (allowed, reason)).

Page permissions in Wagtail are granted on a part of the page tree, not on page
types. Press gets add/change/publish on the whole tree (migration 0002, on the root
page, so it holds in every database whatever pages the demo or editors create),
and these functions, called from admin hooks, narrow it to the page types press
staff work with. Grant calls, applications, trainings, district and home pages stay
with coordinators.
"""

from django.utils.translation import gettext_lazy as _

PRESS_GROUP = "Press"
# Groups whose members are not narrowed even when they are also in Press.
UNRESTRICTED_GROUPS = {"Coordinators"}
PRESS_PAGE_TYPES = {"news.newsindexpage", "news.newspage", "home.standardpage"}


def _group_names(user):
    cached = getattr(user, "_auyl_group_names", None)
    if cached is None:
        cached = set(user.groups.values_list("name", flat=True))
        user._auyl_group_names = cached
    return cached


def is_press_only(user):
    """A press user who has no wider role."""
    if not user.is_authenticated or user.is_superuser:
        return False
    groups = _group_names(user)
    return PRESS_GROUP in groups and not groups & UNRESTRICTED_GROUPS


def can_handle_page_type(user, page_class):
    """Whether the user may create, edit, publish, move or delete pages of this type."""
    if not is_press_only(user):
        return True, ""
    if page_class._meta.label_lower in PRESS_PAGE_TYPES:
        return True, ""
    return False, _("Press staff work with news and standard pages only; ask a coordinator.")


def can_publish_directly(user, page):
    """Press publishes directly unless a coordinator has switched a review workflow on for the page."""
    if not is_press_only(user):
        return True, ""
    if page.get_workflow() is not None:
        return False, _("This section is reviewed before publication: submit it for review instead.")
    return True, ""
