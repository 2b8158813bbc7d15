"""Admin hooks for press staff's screens.

Who may touch which page is not decided here: that is Wagtail's group page permissions
(news/permissions.py) and review-aware publishing (cms_plugins/review.py).
"""

from django.templatetags.static import static
from django.urls import path
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from wagtail import hooks

from .translation_review import submit_translation_for_review


@hooks.register("register_admin_urls")
def translation_review_urls():
    return [
        path(
            "news/translations/<int:page_id>/submit-for-review/",
            submit_translation_for_review,
            name="news_submit_translation_for_review",
        )
    ]


@hooks.register("insert_editor_js")
def localize_editor_labels():
    """Translated labels for the two that wagtail-localize's editor writes in English."""
    return format_html(
        '<script src="{}" data-heading="{}" data-more-actions="{}" defer></script>',
        static("news/admin/localize-labels.js"),
        _("Translation: %(source)s → %(target)s"),
        pgettext("admin menu", "More actions"),
    )
