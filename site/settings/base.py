"""Settings shared by every environment: safe by default.

Every value that comes from the environment is read here, in one place; dev, test
and production only relax or tighten what is below.
"""

import ipaddress
import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parents[2]
VAR_DIR = Path(os.environ.get("AUYL_VAR_DIR", BASE_DIR / "var"))


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_bool(name, default=False):
    return os.environ.get(name, str(default)).strip().lower() in {"1", "true", "yes", "on"}


def trusted_proxies(name):
    """Addresses or networks of the reverse proxies in front of the site, checked at start-up."""
    entries = env_list(name)
    for entry in entries:
        try:
            ipaddress.ip_network(entry, strict=False)
        except ValueError as error:
            raise ImproperlyConfigured(f"{name}: {entry!r} is not an IP address or network.") from error
    return entries


# --- Secrets and hosts -------------------------------------------------------------
SECRET_KEY = os.environ.get("SECRET_KEY", "")
# load_demo --users: the demo accounts' password; dev and test allow demo accounts, production never
DEMO_PASSWORD = os.environ.get("AUYL_DEMO_PASSWORD", "")
DEMO_ACCOUNTS_ALLOWED = False
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
WAGTAILADMIN_BASE_URL = os.environ.get("BASE_URL", "http://127.0.0.1:8000")

# --- Applications ------------------------------------------------------------------
INSTALLED_APPS = [
    # our plug-ins and domain apps come first so their templates win
    "cms_plugins.blocks",
    "cms_plugins.places",
    "cms_plugins.crm",
    "cms_plugins.mail",
    "cms_plugins.multistep",
    "cms_plugins.pagecache",
    "home",
    "news",
    "grants",
    "trainings",
    "manuals",
    "surveys",
    "monitoring",
    # Django's task framework with its database backend: mail and long jobs run in a
    # worker (`manage.py db_worker`), the request only enqueues.
    "django_tasks",
    "django_tasks_db",
    # Wagtail
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    # Django
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # above the page cache: pages served from the cache get the header too
    "cms_plugins.csp.ContentSecurityPolicyMiddleware",
    # Stores responses with the headers added below it; those above are added to cached ones too.
    "cms_plugins.pagecache.AnonymousPageCacheMiddleware",  # only pages that opt in (news, home, districts)
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "auyl.urls"
WSGI_APPLICATION = "auyl.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "wagtail.contrib.settings.context_processors.settings",
                "cms_plugins.pagecache.context_processors.pagecache",
            ],
            # One way per language to write dates, money, file sizes and phones.
            "libraries": {"formatting": "cms_plugins.formatting"},
        },
    },
]

# --- Data --------------------------------------------------------------------------
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{VAR_DIR / 'auyl.sqlite3'}"),
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
    )
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # The embedded default needs its folder; WAL lets readers and one writer work
    # at once (several gunicorn workers).
    Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "auyl",
        }
    }
else:
    # Files, not process memory: every worker on the machine sees the same entries,
    # so dropping a cached fragment after an edit reaches them all.
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": VAR_DIR / "cache",
            "OPTIONS": {"MAX_ENTRIES": 5000},
        }
    }

# --- Files -------------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", VAR_DIR / "static"))
MEDIA_URL = os.environ.get("MEDIA_URL", "/media/")
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
# Files users send that the public must not see (application attachments).
PRIVATE_MEDIA_ROOT = Path(os.environ.get("PRIVATE_MEDIA_ROOT", VAR_DIR / "private"))

S3_BUCKET = os.environ.get("S3_BUCKET", "")
if S3_BUCKET:
    _s3 = {
        "bucket_name": S3_BUCKET,
        "endpoint_url": os.environ.get("S3_ENDPOINT_URL") or None,
        "region_name": os.environ.get("S3_REGION") or None,
        "access_key": os.environ.get("S3_ACCESS_KEY_ID"),
        "secret_key": os.environ.get("S3_SECRET_ACCESS_KEY"),
        "custom_domain": os.environ.get("S3_CUSTOM_DOMAIN") or None,
        "file_overwrite": False,
    }
    _media = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {**_s3, "location": "media", "default_acl": "public-read", "querystring_auth": False},
    }
    _private = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            **_s3,
            "location": "private",
            "default_acl": "private",
            "querystring_auth": True,
            "custom_domain": None,
        },
    }
else:
    _media = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    _private = {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": PRIVATE_MEDIA_ROOT, "base_url": None},
    }
STORAGES = {
    "default": _media,
    "private": _private,
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
WHITENOISE_MAX_AGE = 60 * 60 * 24 * 365 if not DEBUG else 0

FILE_UPLOAD_PERMISSIONS = 0o640
DATA_UPLOAD_MAX_NUMBER_FIELDS = 2000

# --- Background tasks ---------------------------------------------------------------
# Work that may be slow or must survive a crash (mail, big imports) is enqueued in the
# database and run by `python manage.py db_worker` (make run starts one beside the
# server; production runs it under the process manager). TASKS_BACKEND=immediate runs
# tasks inside the request, for a machine with no worker.
TASKS_BACKEND = os.environ.get("TASKS_BACKEND", "database")
TASKS = {
    "default": {
        "BACKEND": {
            "database": "django_tasks_db.DatabaseBackend",
            "immediate": "django_tasks.backends.immediate.ImmediateBackend",
        }[TASKS_BACKEND],
        "QUEUES": ["default"],
    }
}

# --- Mail --------------------------------------------------------------------------
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
# A dead SMTP server must fail a task quickly, never hang a worker.
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "20"))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Auyl <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Languages and time ------------------------------------------------------------
LANGUAGE_CODE = "ru"  # the default content language
LANGUAGES = [("kk", "Қазақша"), ("ru", "Русский"), ("en", "English")]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
# Wagtail's admin has no Kazakh catalogue; editors work in Russian or English.
WAGTAILADMIN_PERMITTED_LANGUAGES = [("ru", "Русский"), ("en", "English")]
# Site-wide strings (templates/, site/), and the plug-ins' modules outside their apps.
# locale/overrides: our corrections to Wagtail's and wagtail-localize's catalogues; the
# first entry wins, so it comes first.
LOCALE_PATHS = [BASE_DIR / "locale" / "overrides", BASE_DIR / "locale", BASE_DIR / "cms_plugins" / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Asia/Oral"
FORMAT_MODULE_PATH = ["auyl.formats"]
MONEY_CURRENCY = "₸"  # shown after amounts by cms_plugins.formatting

# --- Wagtail -----------------------------------------------------------------------
WAGTAIL_SITE_NAME = "Auyl"
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILIMAGES_EXTENSIONS = ["jpg", "jpeg", "png", "webp", "gif"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILDOCS_EXTENSIONS = ["pdf", "doc", "docx", "xls", "xlsx", "odt", "ods", "txt"]
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILEMBEDS_RESPONSIVE_HTML = True
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILADMIN_COMMENTS_ENABLED = True
# A new translation is a draft until it is published on its own: otherwise /kk/ readers
# see the Russian text from the moment "Translate" is confirmed.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
# The password field's label in the admin's language (Wagtail's own is English).
WAGTAILADMIN_USER_LOGIN_FORM = "auyl.admin_login.LoginForm"
WAGTAIL_PASSWORD_RESET_ENABLED = True
# No avatars from gravatar.com: it would learn a hash of each editor's email on every
# admin page (and the admin's Content-Security-Policy allows no third-party images).
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# --- Places and phones (cms_plugins.places, cms_plugins.phone): the country's specifics --
# The page type that is "the page about a district" (linked from news and the map).
PLACES_DISTRICT_PAGE_MODEL = "home.DistrictPage"
# Words that name the kind of unit, not the unit: dropped when reading a district's name.
PLACES_NOISE_WORDS = [
    "район",
    "района",
    "р-н",
    "рн",
    "р",
    "ауданы",
    "аудан",
    "ауд",
    "district",
    "raion",
    "rayon",
    "audany",
    "г.а.",
    "га",
    "г",
    "город",
    "городская",
    "администрация",
    "қаласы",
    "каласы",
    "қ",
    "city",
    "of",
    "область",
    "обл",
    "облысы",
    "region",
    "зко",
    "бқо",
]
# Numbers written without a country code ("8 701 ...") are read as numbers of this region.
PHONE_DEFAULT_REGION = "KZ"

# --- CRM (cms_plugins.crm): what is specific to Kazakhstan reaches the plug-in here --
CRM_MANAGER_GROUPS = ["Coordinators"]  # groups given every CRM permission by crm's migration
# Words that only name the legal form: "ОО «Жас Өркен»" and "Жас Өркен" are one name.
CRM_NAME_NOISE_WORDS = [
    "оо", "ооо", "оф", "чу", "ую", "ипг", "иг", "ойл", "оюл", "экц", "қб", "кб", "ққ", "кк", "жм", "пф", "pa", "pf",
    "общественное объединение", "общественный фонд", "частное учреждение", "инициативная группа",
    "этнокультурное объединение", "этнокультурный центр", "қоғамдық бірлестік", "қоғамдық қор", "жеке мекеме",
    "бастамашыл топ", "public association", "public foundation", "foundation", "private institution",
    "initiative group",
]  # fmt: skip
# Abbreviations people write for a legal form (the labels in kk/ru/en are always understood).
CRM_LEGAL_FORM_ALIASES = {
    "ОО": "public_association", "ОЮЛ": "public_association", "ҚБ": "public_association",
    "ОФ": "foundation", "ҚҚ": "foundation", "фонд": "foundation", "қор": "foundation",
    "ЧУ": "private_institution", "учреждение": "private_institution", "ЖМ": "private_institution",
    "ИГ": "initiative_group", "БТ": "initiative_group",
    "ЭКЦ": "ethnocultural_centre", "ЭКО": "ethnocultural_centre",
    "общественное объединение": "public_association", "қоғамдық бірлестік": "public_association",
    "общественный фонд": "foundation", "қоғамдық қор": "foundation",
    "частное учреждение": "private_institution", "жеке мекеме": "private_institution",
    "инициативная группа": "initiative_group", "бастамашыл топ": "initiative_group",
    "этнокультурный центр": "ethnocultural_centre", "этнокультурное объединение": "ethnocultural_centre",
    "этномәдени орталық": "ethnocultural_centre", "этномәдени бірлестік": "ethnocultural_centre",
}  # fmt: skip
# Contact imports: files over this many rows run as a background task (the worker);
# no file may have more rows or unpack (XLSX) to more bytes — refused before reading.
CRM_IMPORT_BACKGROUND_ROWS = 5000
CRM_IMPORT_MAX_ROWS = 100_000
CRM_IMPORT_MAX_UNPACKED_BYTES = 200 * 1024 * 1024

# --- Personal data -----------------------------------------------------------------
# How long personal data nobody finished with is kept: rejects files of CRM imports
# (clear_crm_uploads) and drafts never submitted (multistep_cleanup), in days.
PERSONAL_DATA_RETENTION_DAYS = int(os.environ.get("PERSONAL_DATA_RETENTION_DAYS", "90"))

# --- Grants ------------------------------------------------------------------------
# Days before an interim or final report is due that send_report_reminders mails the grantee.
GRANTS_REPORT_REMINDER_DAYS = int(os.environ.get("GRANTS_REPORT_REMINDER_DAYS", "7"))

# --- Security defaults (production tightens further) -------------------------------
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
X_FRAME_OPTIONS = "SAMEORIGIN"  # Wagtail's preview uses an iframe
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# The reverse proxies whose X-Forwarded-For is believed (comma-separated addresses or
# networks, e.g. "127.0.0.1" for nginx on the same machine). Empty: the header is
# ignored and the connecting address is the client. One setting for the whole site:
# the start-form rate limit, the view counter and the logs (cms_plugins/clientip.py).
TRUSTED_PROXIES = trusted_proxies("TRUSTED_PROXIES")

# Content-Security-Policy (cms_plugins/csp.py). The public site runs only our own
# scripts and styles, nothing inline; videos come from YouTube/Vimeo embeds.
# Django 6.0's SECURE_CSP has this format; 5.2 has no CSP of its own.
VIDEO_ORIGINS = ["https://www.youtube.com", "https://www.youtube-nocookie.com", "https://player.vimeo.com"]
MEDIA_ORIGINS = [
    origin
    for origin in [
        f"https://{os.environ['S3_CUSTOM_DOMAIN']}" if os.environ.get("S3_CUSTOM_DOMAIN") else "",
        os.environ.get("S3_ENDPOINT_URL", "").rstrip("/") if S3_BUCKET else "",
    ]
    if origin
]
SECURE_CSP = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:", *MEDIA_ORIGINS],
    "media-src": ["'self'", *MEDIA_ORIGINS],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "frame-src": VIDEO_ORIGINS,
    "frame-ancestors": ["'self'"],  # as X_FRAME_OPTIONS: Wagtail's preview frames our pages
    "form-action": ["'self'"],
    "base-uri": ["'self'"],
    "object-src": ["'none'"],
}
# Wagtail's admin writes inline styles (widgets, rich-text editor, progress bars) and
# some inline scripts, and previews pages in a frame and uploads through blob: URLs.
SECURE_CSP_BY_PATH = {
    "/admin/": {
        **SECURE_CSP,
        "script-src": ["'self'", "'unsafe-inline'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:", *MEDIA_ORIGINS],
        "frame-src": ["'self'", *VIDEO_ORIGINS],
    },
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    # Django's request and security logs name the client (behind a trusted proxy: the real one).
    "filters": {"client_ip": {"()": "cms_plugins.clientip.ClientIPFilter"}},
    "formatters": {"plain": {"format": "%(levelname)s %(name)s [%(client_ip)s] %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "filters": ["client_ip"], "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}


def require(name, value):
    """Fail at start-up, with the variable's name, when a required value is missing."""
    if not value:
        raise ImproperlyConfigured(f"The environment variable {name} must be set.")
    return value
