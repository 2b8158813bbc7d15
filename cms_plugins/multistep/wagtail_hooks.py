from django.templatetags.static import static
from django.utils.html import format_html
from wagtail import hooks

from .pages import renew_copied_forms


@hooks.register("insert_editor_js")
def editor_errors_reach_their_field():
    """Errors inside StreamField blocks mark their tab and "Go to the first error" reaches them
    (Wagtail counts tab errors before the blocks are drawn; see static/multistep/editor-errors.js)."""
    return format_html('<script src="{}" defer></script>', static("multistep/editor-errors.js"))


@hooks.register("after_copy_page")
def copied_forms_get_their_own_keys(request, page, new_page):
    """The admin's Copy runs CopyPageAction directly, not ``Page.copy()``, so the engine
    is told here; an alias made from the same view keeps its original's keys."""
    if not new_page.alias_of_id:
        renew_copied_forms(new_page, user=request.user)
