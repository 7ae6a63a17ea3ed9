"""The one settings module of Råd. Everything that varies is read from the environment (see .env.example)."""

from __future__ import annotations

from pathlib import Path

from raad.core import languages
from raad.env import (
    env_bool,
    env_cache_url,
    env_choice,
    env_database_url,
    env_email,
    env_int,
    env_list,
    env_s3_storage,
    env_secret_key,
    env_site_url,
    env_str,
)

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(env_str("RAAD_VAR_DIR", str(BASE_DIR / "var")))

DEBUG = env_bool("DEBUG", False)
_INSECURE_DEV_KEY = "insecure-development-key-only-for-local-demo-and-tests-0123456789"
SECRET_KEY = env_secret_key("SECRET_KEY", debug=DEBUG, development_default=_INSECURE_DEV_KEY)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])
# Where people reach the site: every absolute link (e-mails, feeds) is built from it (raad.core.links).
SITE_URL = env_site_url("SITE_URL", "http://127.0.0.1:8000" if DEBUG else None)

INSTALLED_APPS = [
    "raad.core",
    "raad.councils",
    "raad.membership",
    "raad.meetings",
    "raad.statements",
    "raad.dialogue",
    "raad.community",
    "raad.finance",
    "raad.effort",
    "raad.secretariat",
    "raad.portal",
    "raad.api",
    "raad.core.admin_config.RaadAdminConfig",  # django.contrib.admin with the second factor, read-only
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
    "rules",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "raad.core.middleware.ContentSecurityPolicyMiddleware",
    "raad.core.pagecache.PublicPageCacheMiddleware",  # anonymous visitors' public pages, kept (issue 15)
    "raad.core.middleware.DatabaseUnavailableMiddleware",  # a 503 page while the database is down (issue 15)
    "raad.api.middleware.ApiMiddleware",  # CORS and ETag for /api/, its OPTIONS preflight before the next
    "raad.core.middleware.AllowedMethodsMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "raad.core.middleware.CommunityLanguageMiddleware",
    "raad.core.middleware.EasyReadMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "raad.core.middleware.OTPMiddleware",  # django-otp's, plus a second factor the SSO provider asserted
    "raad.membership.middleware.ConfidentialityGateMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "raad.urls"
WSGI_APPLICATION = "raad.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "raad.core.context_processors.site",
            ],
        },
    }
]

VAR_DIR.mkdir(parents=True, exist_ok=True)
DATABASES = {"default": env_database_url("DATABASE_URL", f"sqlite:///{VAR_DIR / 'raad.sqlite3'}")}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;",
        "transaction_mode": "IMMEDIATE",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "core.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
    "raad.core.sso.ProviderBackend",  # municipal single sign-on; does nothing unless OIDC_CLIENT_ID is set
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "core:login"
LOGIN_REDIRECT_URL = "secretariat:dashboard"
LOGOUT_REDIRECT_URL = "portal:home"
PASSWORD_RESET_TIMEOUT = env_int("PASSWORD_RESET_TIMEOUT", 60 * 60 * 24, minimum=300)

# Too many wrong passwords lock the user name from that address for a while. Both together: locking by user
# name alone would let anyone lock the secretariat out with five wrong passwords. Axes logs each lockout
# (logger "axes", WARNING).
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5, minimum=1)
AXES_COOLOFF_TIME = env_int("AXES_COOLOFF_MINUTES", 15, minimum=1) / 60  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "core/locked_out.html"
# The page says for how long this user name is paused from this address, and logs it (logger "raad.security").
AXES_LOCKOUT_CALLABLE = "raad.core.views.locked_out"
AXES_VERBOSE = False
# The lockout log line names the user name and the address, so the administrator sees who was locked out where.
AXES_SENSITIVE_PARAMETERS: list[str] = []

# Public forms that send e-mail (nomination, password reset): at most this many submissions per address and
# per link within the window (raad.core.ratelimit); the next one gets a 429 page.
PUBLIC_FORM_RATE_LIMIT = env_int("PUBLIC_FORM_RATE_LIMIT", 5, minimum=1)
PUBLIC_FORM_RATE_WINDOW_MINUTES = env_int("PUBLIC_FORM_RATE_WINDOW_MINUTES", 10, minimum=1)
# At most this many nominations through one nomination link (one call, one nominating body).
NOMINATIONS_PER_LINK = env_int("NOMINATIONS_PER_LINK", 10, minimum=1)

OTP_TOTP_ISSUER = env_str("OTP_TOTP_ISSUER", "Råd")

# Municipal single sign-on: OpenID Connect through mozilla-django-oidc (raad.core.sso, docs/sso.md). Without
# OIDC_CLIENT_ID there is no SSO button and the password login is all there is. Endpoints not given are read
# from the issuer's /.well-known/openid-configuration on first use.
OIDC_RP_CLIENT_ID = env_str("OIDC_CLIENT_ID", "")
OIDC_RP_CLIENT_SECRET = env_str("OIDC_CLIENT_SECRET", "")
OIDC_OP_ISSUER = env_str("OIDC_ISSUER", "")
OIDC_OP_AUTHORIZATION_ENDPOINT = env_str("OIDC_AUTHORIZATION_ENDPOINT", "")
OIDC_OP_TOKEN_ENDPOINT = env_str("OIDC_TOKEN_ENDPOINT", "")
OIDC_OP_USER_ENDPOINT = env_str("OIDC_USERINFO_ENDPOINT", "")
OIDC_OP_JWKS_ENDPOINT = env_str("OIDC_JWKS_ENDPOINT", "")
OIDC_OP_LOGOUT_ENDPOINT = env_str("OIDC_END_SESSION_ENDPOINT", "")
# The ID token is kept in the session for the provider's logout (raad.core.sso.LogoutView: id_token_hint).
OIDC_STORE_ID_TOKEN = True
OIDC_RP_SIGN_ALGO = env_choice("OIDC_SIGN_ALGO", "RS256", ("RS256", "RS384", "RS512", "ES256", "ES384", "ES512"))
OIDC_RP_SCOPES = env_str("OIDC_SCOPES", "openid email profile")
OIDC_USE_PKCE = True
OIDC_CREATE_USER = False  # an identity is matched to an existing user or refused, never created
OIDC_TIMEOUT = env_int("OIDC_TIMEOUT", 10, minimum=1)
OIDC_AUTHENTICATION_CALLBACK_URL = "core:sso_callback"
# The claim that names the user: "email" (matched to the user's e-mail, only with email_verified true) or
# another claim the provider controls (matched to the user name in Råd, e.g. preferred_username or oid).
OIDC_MATCH_CLAIM = env_str("OIDC_MATCH_CLAIM", "email")
# The ID token proves a second factor when its amr holds one of these, or its acr is one of OIDC_MFA_ACR.
OIDC_MFA_AMR = env_list("OIDC_MFA_AMR", ["mfa", "otp", "hwk"])
OIDC_MFA_ACR = env_list("OIDC_MFA_ACR", [])
# The admin never shows a device's key or QR code (raad.core.admin_site strips the fields as well).
OTP_ADMIN_HIDE_SENSITIVE_DATA = True

LANGUAGE_CODE = "da"
# Danish and English on every page; the community languages (RAAD_LANGUAGES, e.g. da,en,ar,uk,so,tr,fa,prs,ti,pl)
# on the citizen pages of the councils that offer them. Names and direction come from raad.core.languages.
_LANGUAGE_CODES = env_list("RAAD_LANGUAGES", list(languages.DEFAULT))
LANGUAGES = languages.settings_languages(_LANGUAGE_CODES)
LANGUAGES_BIDI = languages.settings_bidi(_LANGUAGE_CODES)
# Easy-read Danish (let dansk): the LIX figure editors aim at (raad.core.readability; 25 = top of "meget let").
EASY_READ_LIX_TARGET = env_int("EASY_READ_LIX_TARGET", 25, minimum=1)
FORMAT_MODULE_PATH = ["raad.formats"]
TIME_ZONE = "Europe/Copenhagen"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(VAR_DIR / "static")))
MEDIA_URL = "/media/"
# Largest file a user may upload (attachments, consultation documents, photos), in bytes.
MAX_UPLOAD_BYTES = env_int("MAX_UPLOAD_BYTES", 20 * 1024 * 1024, minimum=1024)
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(VAR_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}

# E-mail: console in a demo, SMTP in production and in the e-mail tests.
EMAIL_BACKEND = {
    "console": "django.core.mail.backends.console.EmailBackend",
    "smtp": "django.core.mail.backends.smtp.EmailBackend",
    "locmem": "django.core.mail.backends.locmem.EmailBackend",
}[env_choice("EMAIL_BACKEND", "console", ("console", "smtp", "locmem"))]
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25, minimum=1)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 20, minimum=1)
DEFAULT_FROM_EMAIL = env_email("DEFAULT_FROM_EMAIL", "raad@holbaek.invalid")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Background work (django-tasks). The outbox (raad.core.mail) enqueues one delivery task after each commit.
# "immediate" runs it in the same process right after the commit (demo, tests, a single small server);
# "database" stores it in django_tasks_db's table for `manage.py db_worker` (package django-tasks-db),
# see docs/kernel-mail.md. Whatever the backend, `manage.py deliver_mail` from cron sends every mail that is
# due (retries too). The app `django_tasks_db` is installed with either backend, so the schema (and
# `makemigrations --check`, and the test database) is the same; with "immediate" its table stays empty.
TASKS_BACKEND = env_choice("TASKS_BACKEND", "immediate", ("immediate", "database"))
TASKS = {
    "default": {
        "BACKEND": {
            "immediate": "django_tasks.backends.immediate.ImmediateBackend",
            "database": "django_tasks_db.DatabaseBackend",
        }[TASKS_BACKEND]
    }
}
INSTALLED_APPS += ["django_tasks", "django_tasks_db"]

# Security. Secure by default; a local demo (DEBUG=true) runs on plain http.
SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", not DEBUG)
CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", not DEBUG)
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 60 * 60 * 8, minimum=60)
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if DEBUG else 60 * 60 * 24 * 365, minimum=0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", not DEBUG)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", not DEBUG)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if env_bool("BEHIND_TLS_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# Directive → sources; raad.core.middleware.ContentSecurityPolicyMiddleware writes them in this order, with the
# single sign-on provider's origins added to form-action when it is configured (raad.core.sso).
CONTENT_SECURITY_POLICY = {
    "default-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "style-src": ["'self'"],
    "script-src": ["'self'"],
    "font-src": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
    "base-uri": ["'self'"],
    "object-src": ["'none'"],
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"forbidden_without_traceback": {"()": "raad.core.logfilters.ForbiddenWithoutTraceback"}},
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_choice("LOG_LEVEL", "INFO", ("DEBUG", "INFO", "WARNING", "ERROR"))},
    "loggers": {
        "axes": {"level": "WARNING"},
        "django.request": {"filters": ["forbidden_without_traceback"]},
    },
}

# Scale-out: several servers sharing one PostgreSQL, one file store and one cache (docs/scale-out.md). Each is
# optional; unset, Råd keeps local files, each process's own cache and one database.
# Files (uploads, stored PDFs) in an S3-compatible bucket when RAAD_S3_BUCKET is set, private.
if (_s3 := env_s3_storage("RAAD_S3")) is not None:
    STORAGES["default"] = _s3
# The cache the rate limits count in, shared by every process: e.g. RAAD_CACHE_URL=db://raad_cache (a table in
# the primary; `manage.py createcachetable`, which `make setup` runs) or redis://host:6379/0.
CACHES = {"default": env_cache_url("RAAD_CACHE_URL")}
# Seconds an anonymous visitor's public page is kept at most; any change of record drops it sooner (raad.core.pagecache).
PUBLIC_PAGE_CACHE_SECONDS = env_int("PUBLIC_PAGE_CACHE_SECONDS", 60, minimum=0)
# A streaming replica the public pages of anonymous visitors read from (raad.core.replica).
if _replica_url := env_str("RAAD_DATABASE_REPLICA_URL", ""):
    DATABASES["replica"] = env_database_url("RAAD_DATABASE_REPLICA_URL", _replica_url)
    DATABASES["replica"].setdefault("OPTIONS", {}).setdefault("connect_timeout", 3)
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
    DATABASE_ROUTERS = ["raad.core.replica.ReplicaRouter"]
    MIDDLEWARE.insert(
        MIDDLEWARE.index("raad.core.middleware.OTPMiddleware") + 1, "raad.core.replica.PublicReadsMiddleware"
    )
