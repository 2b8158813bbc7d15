"""Admin hooks for press staff's screens.

Who may touch which page is not decided here: that is Wagtail's group page permissions
(news/permissions.py) and review-aware publishing (cms_plugins/review.py).
"""
