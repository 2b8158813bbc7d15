"""Admin hooks narrowing the Press role to news and standard pages.

https://docs.wagtail.org/en/stable/reference/hooks.html#page-editor-workflow
"""

from django.contrib import messages
from django.shortcuts import redirect
from wagtail import hooks
from wagtail.models import Page

from .permissions import can_handle_page_type, can_publish_directly


def _refuse(request, reason):
    messages.error(request, reason)
    return redirect("wagtailadmin_home")


def _check_type(request, page_class):
    allowed, reason = can_handle_page_type(request.user, page_class)
    return None if allowed else _refuse(request, reason)


@hooks.register("before_create_page")
def press_create(request, parent_page, page_class):
    return _check_type(request, page_class)


@hooks.register("before_edit_page")
def press_edit(request, page):
    return _check_type(request, page.specific_class)


@hooks.register("before_delete_page")
@hooks.register("before_unpublish_page")
@hooks.register("before_copy_page")
@hooks.register("before_move_page")
def press_other_actions(request, page, *args):
    return _check_type(request, page.specific_class)


@hooks.register("before_publish_page")
def press_publish(request, page):
    response = _check_type(request, page.specific_class)
    if response:
        return response
    allowed, reason = can_publish_directly(request.user, page)
    if not allowed:
        messages.error(request, reason)
        return redirect("wagtailadmin_pages:edit", page.pk)
    return None


@hooks.register("before_bulk_action")
def press_bulk(request, action_type, objects, action_class_instance):
    if action_type != "page":
        return None
    for obj in objects:
        page_class = obj.specific_class if isinstance(obj, Page) else type(obj)
        response = _check_type(request, page_class)
        if response:
            return response
        if getattr(action_class_instance, "action_type", "") == "publish":
            allowed, reason = can_publish_directly(request.user, obj)
            if not allowed:
                return _refuse(request, reason)
    return None


@hooks.register("construct_page_action_menu")
def press_hide_publish(menu_items, request, context):
    """Hide "Publish" where a review workflow is on; press staff submit for review."""
    page = context.get("page") or context.get("parent_page")
    if page is None or not getattr(page, "pk", None):
        return
    if not can_publish_directly(request.user, page)[0]:
        menu_items[:] = [item for item in menu_items if item.name != "action-publish"]
