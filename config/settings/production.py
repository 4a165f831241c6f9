"""Production settings: everything from the environment, HTTPS only."""

from .base import *  # noqa: F403
from .base import env, env_bool, require

DEBUG = False
require("DJANGO_SECRET_KEY", SECRET_KEY)  # noqa: F405
require("DJANGO_ALLOWED_HOSTS", ALLOWED_HOSTS)  # noqa: F405
require("DATABASE_URL", env("DATABASE_URL"))
# One cache for every process: the page cache's content version, the content
# kept "until changed", routes and sign-in throttling must be shared, or a page
# unpublished through one worker stays visible through the others.
require("REDIS_URL", env("REDIS_URL"))

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = int(env("DJANGO_SECURE_HSTS_SECONDS", "31536000") or 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("DJANGO_SECURE_HSTS_PRELOAD", True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
LANGUAGE_COOKIE_SECURE = True
