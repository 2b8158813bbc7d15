"""Production: secrets and hosts required, HTTPS enforced, SMTP mail."""

from .base import *  # noqa: F403
from .base import env_bool, require

DEBUG = False
DEMO_ACCOUNTS_ALLOWED = False  # load_demo --users refuses: no shared password in production
SECRET_KEY = require("SECRET_KEY", SECRET_KEY)  # noqa: F405
ALLOWED_HOSTS = require("ALLOWED_HOSTS", ALLOWED_HOSTS)  # noqa: F405

SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
# X_FRAME_OPTIONS stays SAMEORIGIN (base.py): Wagtail's live preview shows our own pages
# in a frame of the admin. https://docs.wagtail.org/en/stable/reference/settings.html
SILENCED_SYSTEM_CHECKS = ["security.W019"]
