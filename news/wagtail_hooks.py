"""Admin hooks for press staff's screens.

Who may touch which page is not decided here: that is Wagtail's group page permissions
(news/permissions.py) and review-aware publishing (cms_plugins/review.py).
"""

from django.urls import path
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
