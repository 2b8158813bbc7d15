from django.templatetags.static import static
from django.utils.html import format_html
from wagtail import hooks


@hooks.register("insert_editor_js")
def editor_errors_reach_their_field():
    """Errors inside StreamField blocks mark their tab and "Go to the first error" reaches them
    (Wagtail counts tab errors before the blocks are drawn; see static/multistep/editor-errors.js)."""
    return format_html('<script src="{}" defer></script>', static("multistep/editor-errors.js"))
