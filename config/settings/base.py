"""Settings shared by every environment; secure by default."""

import os
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env(name: str, default: str | None = None) -> str | None:
    """Return an environment variable, or the default."""
    return os.environ.get(name, default)


def env_list(name: str, default: str = "") -> list[str]:
    """Return a comma-separated environment variable as a list."""
    return [
        item.strip() for item in (env(name, default) or "").split(",") if item.strip()
    ]


def env_bool(name: str, default: bool = False) -> bool:
    """Return an environment variable read as a boolean."""
    value = env(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


DEBUG = env_bool("DJANGO_DEBUG", False)
SECRET_KEY = env("DJANGO_SECRET_KEY")
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "wagtail_modeltranslation",
    "wagtail_modeltranslation.makemigrations",
    "wagtail_modeltranslation.migrate",
    "config",
    "home",
    "cooperation",
    "memoranda",
    "training",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.api.v2",
    "rest_framework",
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
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Outside everything that may read the database (sessions, users, pages).
    "config.db_outage.DatabaseUnavailableMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "config.page_cache.AnonymousPageCacheMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "config.middleware.SecurityHeadersMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "config.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "config" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "config.wsgi.application"

DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=int(env("DJANGO_CONN_MAX_AGE", "0") or 0),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"
    },
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "ru"
LANGUAGES = [
    ("ru", _("Russian")),
    ("az", _("Azerbaijani")),
    ("en", _("English")),
]
# The project's own strings, then the Azerbaijani translation of the Wagtail admin
# strings staff meet daily (Wagtail ships almost none); makemessages only ever
# writes the first.
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale" / "admin"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Europe/Ulyanovsk"

MODELTRANSLATION_DEFAULT_LANGUAGE = "ru"
MODELTRANSLATION_LANGUAGES = ("ru", "az", "en")
# The reader sees the first non-empty value: Azerbaijani readers get Russian,
# then English; English readers get Russian, then Azerbaijani.
MODELTRANSLATION_FALLBACK_LANGUAGES = {
    "default": ("ru", "en", "az"),
    "ru": ("en", "az"),
    "az": ("ru", "en"),
    "en": ("ru", "az"),
}
WAGTAILMODELTRANSLATION_LOCALE_PICKER = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "build" / "static"
STATICFILES_DIRS = [BASE_DIR / "config" / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("DJANGO_MEDIA_ROOT", str(BASE_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

WAGTAIL_SITE_NAME = _("Ulyanovsk – Azerbaijan cooperation")
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAIL_I18N_ENABLED = False
WAGTAILADMIN_PERMITTED_LANGUAGES = [
    ("ru", "Русский"),
    ("az", "Azərbaycan dili"),
    ("en", "English"),
]
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILDOCS_EXTENSIONS = [
    "pdf",
    "doc",
    "docx",
    "odt",
    "rtf",
    "txt",
    "xls",
    "xlsx",
    "ods",
]
WAGTAILEMBEDS_FINDERS: list[dict] = []
# Wagtail's Draftail editor, except that an empty editor is "" even when sent
# before its script started (see config/rich_text.py).
WAGTAILADMIN_RICH_TEXT_EDITORS = {
    "default": {"WIDGET": "config.rich_text.DraftailRichTextArea"}
}
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

REST_FRAMEWORK = {
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
}

DEFAULT_FROM_EMAIL = env("DJANGO_DEFAULT_FROM_EMAIL", "no-reply@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
EMAIL_BACKEND = env(
    "DJANGO_EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend"
)
EMAIL_HOST = env("DJANGO_EMAIL_HOST", "localhost")
EMAIL_PORT = int(env("DJANGO_EMAIL_PORT", "25") or 25)
EMAIL_HOST_USER = env("DJANGO_EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env("DJANGO_EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("DJANGO_EMAIL_USE_TLS", False)
# A hung mail server must not hold a visitor's request: a registration's
# e-mail that times out stays pending for `training_send_emails`.
EMAIL_TIMEOUT = int(env("DJANGO_EMAIL_TIMEOUT", "10") or 10)

CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
}
if env("REDIS_URL"):
    CACHES["default"] = {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": env("REDIS_URL"),
        "KEY_PREFIX": env("DJANGO_CACHE_PREFIX", "coop"),
    }

# Anonymous readers get whole pages from the cache; any content change drops them.
PAGE_CACHE_SECONDS = int(env("DJANGO_PAGE_CACHE_SECONDS", "300") or 0)

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

# `make bench` serves a baseline view, a stock listing and counts queries.
BENCHMARK_VIEWS = env_bool("DJANGO_BENCHMARK_VIEWS", False)
if BENCHMARK_VIEWS:
    MIDDLEWARE.insert(0, "config.bench_views.QueryCountMiddleware")

# Demo content may be loaded only where a setting allows it (dev, test), never in
# production unless the operator passes --force.
DEMO_CONTENT_ALLOWED = False

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("DJANGO_LOG_LEVEL", "WARNING")},
}


def require(name: str, value: object) -> None:
    """Refuse to start when a required setting is missing."""
    if not value:
        raise ImproperlyConfigured(f"Set the {name} environment variable.")


# Issue 7: roles and moderation, uploads, login throttling, private responses.
# Inside the anonymous page cache, so that it never stores a private response.
MIDDLEWARE.insert(
    MIDDLEWARE.index("config.page_cache.AnonymousPageCacheMiddleware") + 1,
    "config.middleware.PrivateResponseMiddleware",
)
MIDDLEWARE.insert(
    MIDDLEWARE.index("config.middleware.PrivateResponseMiddleware") + 1,
    "config.middleware.AdminPageGuardMiddleware",
)
# Editing a page in moderation sends it back to the approvers.
WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT = True
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
DOCUMENT_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILDOCS_DOCUMENT_FORM_BASE = "config.uploads.DocumentForm"
# Every document downloads as an attachment: none opens in the site's origin.
WAGTAILDOCS_INLINE_CONTENT_TYPES: list[str] = []
WAGTAILADMIN_USER_LOGIN_FORM = "config.login_throttle.ThrottledLoginForm"
LOGIN_THROTTLE_FAILURES = int(env("DJANGO_LOGIN_THROTTLE_FAILURES", "5") or 5)
LOGIN_THROTTLE_MINUTES = int(env("DJANGO_LOGIN_THROTTLE_MINUTES", "15") or 15)
WAGTAIL_FINISH_WORKFLOW_ACTION = "config.workflows.publish_approved"
