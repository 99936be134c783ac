"""The one settings module of Wijkdialoog, read from the environment (and an optional `.env`).

Every variable is documented in the README. A bad value stops the start with a clear message.
"""

import secrets
from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent
PACKAGE_DIR = Path(__file__).resolve().parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

VAR_DIR = Path(env.str("WIJKDIALOOG_VAR_DIR", default=str(BASE_DIR / "var")))

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def env_bool(name: str, default: bool) -> bool:
    """A yes/no variable; anything that is not clearly yes or no is an error, not a silent no."""
    raw = env.str(name, default=str(default)).strip().lower()
    if raw in _TRUE:
        return True
    if raw in _FALSE:
        return False
    raise ImproperlyConfigured(
        f"{name} must be one of true/false, yes/no, on/off, 1/0; got {raw!r}"
    )


def env_int(name: str, default: int, minimum: int = 0) -> int:
    raw = env.str(name, default=str(default))
    try:
        value = int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number; got {raw!r}") from None
    if value < minimum:
        raise ImproperlyConfigured(f"{name} must be at least {minimum}; got {value}")
    return value


def env_choice(name: str, default: str, choices: tuple[str, ...]) -> str:
    value = env.str(name, default=default)
    if value not in choices:
        raise ImproperlyConfigured(f"{name} must be one of {', '.join(choices)}; got {value!r}")
    return value


DEBUG = env_bool("DEBUG", False)
TESTING = env_bool("WIJKDIALOOG_TESTING", False)


def _secret_key() -> str:
    key = env.str("SECRET_KEY", default="")
    if key:
        if len(key) < 32:
            raise ImproperlyConfigured("SECRET_KEY must be at least 32 characters long.")
        return key
    if not (DEBUG or TESTING):
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. Production refuses to start without one; "
            "set DEBUG=true for a development key generated into var/."
        )
    # Development: a key generated once into var/, never committed.
    path = VAR_DIR / "secret_key"
    if not path.exists():
        VAR_DIR.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


SECRET_KEY = _secret_key()

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
# Absolute address used in emails, posters and calendar feeds.
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.forms",
    "rules.apps.AutodiscoverRulesConfig",
    "django_htmx",
    "axes",
    "django_tasks_db",
    "wijkdialoog.core",
    "wijkdialoog.community",
    "wijkdialoog.dialogues",
    # outreach before registrations: the demo data loads in this order, and the registrations
    # demo says through which channel people came. The dependency order is core/architecture.py.
    "wijkdialoog.outreach",
    "wijkdialoog.registrations",
    "wijkdialoog.seating",
    "wijkdialoog.methods",
    "wijkdialoog.harvest",
    "wijkdialoog.synthesis",
    "wijkdialoog.agenda",
    "wijkdialoog.followup",
    "wijkdialoog.reporting",
    "wijkdialoog.learning",
    "wijkdialoog.site",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Pages compressed (static files come compressed from WhiteNoise, which answers above). Django
    # pads the compressed pages by a random length against BREACH; CSRF tokens are masked anyway.
    "django.middleware.gzip.GZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "wijkdialoog.core.no_store.NoStoreForLoggedInMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "axes.middleware.AxesMiddleware",
    "wijkdialoog.core.access.LoginRequiredMiddleware",
]

ROOT_URLCONF = "wijkdialoog.urls"
WSGI_APPLICATION = "wijkdialoog.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wijkdialoog.core.context_processors.site",
            ],
        },
    },
]
FORM_RENDERER = "wijkdialoog.core.forms.FormRenderer"

# Data: SQLite under var/ by default, PostgreSQL (or any Django database) through DATABASE_URL.
VAR_DIR.mkdir(parents=True, exist_ok=True)
DATABASES = {
    "default": env.db_url("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'wijkdialoog.sqlite3'}")
}
_engine = DATABASES["default"]["ENGINE"]
if _engine == "django.db.backends.sqlite3":
    # Write-ahead logging and a busy timeout let the web process and the task worker share the file.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
elif _engine == "django.db.backends.postgresql":
    DATABASES["default"].setdefault("CONN_MAX_AGE", env_int("CONN_MAX_AGE", 60))
    DATABASES["default"].setdefault("CONN_HEALTH_CHECKS", True)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CACHES = {"default": env.cache_url("CACHE_URL", default="locmemcache://wijkdialoog")}

AUTH_USER_MODEL = "community.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
    "sesame.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
if TESTING:
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "after-login"
LOGOUT_REDIRECT_URL = "home"

# Magic links: one use, short-lived, opened with a POST so mail scanners cannot use them up.
SESAME_MAX_AGE = env_int("MAGIC_LINK_MINUTES", 20, minimum=1) * 60
SESAME_ONE_TIME = True
SESAME_TOKEN_NAME = "sesame"
# Requests for a magic link per address and per network address, per hour.
MAGIC_LINK_RATE = env.str("MAGIC_LINK_RATE", default="5/h")
RATELIMIT_ENABLE = env_bool("RATELIMIT_ENABLE", True)
# Sign-ups through the public form per network address: plenty for a household, a brake on
# scripts.
REGISTRATION_RATE = env.str("REGISTRATION_RATE", default="30/h")
RATELIMIT_VIEW = "wijkdialoog.core.views.rate_limited"

# Participants' own cards and evaluations through the QR code on a table, per hour.
HARVEST_PARTICIPANT_RATE_PER_IP = env.str("HARVEST_PARTICIPANT_RATE_PER_IP", default="300/h")
HARVEST_PARTICIPANT_RATE_PER_TABLE = env.str("HARVEST_PARTICIPANT_RATE_PER_TABLE", default="120/h")
# Votes and proposals on a wijkagenda, per hour: per device (its cookie) and per network address
# (a venue on one wifi votes together, so the address limit is generous).
AGENDA_VOTE_RATE_PER_DEVICE = env.str("AGENDA_VOTE_RATE_PER_DEVICE", default="600/h")
AGENDA_VOTE_RATE_PER_IP = env.str("AGENDA_VOTE_RATE_PER_IP", default="5000/h")
# The follow-up of personal actions: the one mail goes this many weeks after the meeting, not
# later than FOLLOWUP_SEND_WITHIN_DAYS after that moment (no mail about long-past meetings), and
# its personal link takes answers for FOLLOWUP_ANSWER_WEEKS. Link pages per hour, per network
# address and (for answers) per link.
FOLLOWUP_AFTER_WEEKS = env_int("FOLLOWUP_AFTER_WEEKS", 4, minimum=1)
FOLLOWUP_SEND_WITHIN_DAYS = env_int("FOLLOWUP_SEND_WITHIN_DAYS", 28, minimum=1)
FOLLOWUP_ANSWER_WEEKS = env_int("FOLLOWUP_ANSWER_WEEKS", 8, minimum=1)
FOLLOWUP_LINK_RATE_PER_IP = env.str("FOLLOWUP_LINK_RATE_PER_IP", default="300/h")
FOLLOWUP_LINK_RATE_PER_LINK = env.str("FOLLOWUP_LINK_RATE_PER_LINK", default="60/h")
# A party of a wijkafspraak is reminded this many days before the date of its commitment (and
# once more when it is overdue).
AGREEMENT_REMIND_DAYS_BEFORE = env_int("AGREEMENT_REMIND_DAYS_BEFORE", 7, minimum=1)
# Uploads (photos of flip-charts) larger than this go to a temporary file, not memory; the
# proxy in front should refuse bodies over ~12 MB.
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
# Polis exports uploaded to make an agenda: the upload (zip or CSV files), and the CSV files
# unpacked from a zip together (so a small zip cannot unpack into gigabytes).
POLIS_IMPORT_MAX_BYTES = env_int("POLIS_IMPORT_MAX_MB", 20, minimum=1) * 1024 * 1024
POLIS_IMPORT_MAX_UNPACKED_BYTES = (
    env_int("POLIS_IMPORT_MAX_UNPACKED_MB", 200, minimum=1) * 1024 * 1024
)

# Password login throttling.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5, minimum=1)
AXES_COOLOFF_TIME = env_int("AXES_COOLOFF_MINUTES", 15, minimum=1) / 60
# Lock the combination only: one person's typos on a community centre's shared wifi must not
# block everyone else's password login there.
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_USERNAME_FORM_FIELD = "username"
AXES_LOCKOUT_TEMPLATE = "community/login_locked.html"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False

# Languages: Dutch first, complete English.
LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Dutch")), ("en", _("English"))]
LANGUAGE_COOKIE_NAME = "wijkdialoog_language"
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(env.str("STATIC_ROOT", default=str(VAR_DIR / "static")))
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env.str("MEDIA_ROOT", default=str(VAR_DIR / "media")))
_manifest = env_bool("STATIC_MANIFEST", not (DEBUG or TESTING))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if _manifest
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = not _manifest

# Email: console in development, SMTP (or any backend) through EMAIL_URL.
_email = env.email_url("EMAIL_URL", default="consolemail://")
_mail_options = {
    option: _email[key]
    for key, option in [
        ("EMAIL_HOST", "host"),
        ("EMAIL_PORT", "port"),
        ("EMAIL_HOST_USER", "username"),
        ("EMAIL_HOST_PASSWORD", "password"),
        ("EMAIL_USE_TLS", "use_tls"),
        ("EMAIL_USE_SSL", "use_ssl"),
    ]
    if _email.get(key)
}
MAILERS = {"default": {"BACKEND": _email["EMAIL_BACKEND"], "OPTIONS": _mail_options}}
DEFAULT_FROM_EMAIL = env.str(
    "DEFAULT_FROM_EMAIL", default="Wijkdialoog <noreply@wijkdialoog.local>"
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Background work: Django's tasks framework; the database queue with a worker in production,
# immediate in the demo and the tests.
_tasks = env_choice(
    "TASKS_BACKEND", "immediate" if (DEBUG or TESTING) else "database", ("immediate", "database")
)
TASKS = {
    "default": {
        "BACKEND": "django.tasks.backends.immediate.ImmediateBackend"
        if _tasks == "immediate"
        else "django_tasks_db.DatabaseBackend"
    }
}

# Security headers. A strict Content Security Policy with nonces and no unsafe-inline.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "object-src": [CSP.NONE],
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
_https = env_bool("HTTPS", not (DEBUG or TESTING))
SESSION_COOKIE_SECURE = _https
CSRF_COOKIE_SECURE = _https
LANGUAGE_COOKIE_SECURE = _https
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", False)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0)
# Only when every subdomain of the site's domain is served over HTTPS as well.
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", False)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
# Behind one reverse proxy: trust its X-Forwarded-Proto, and take the client address from its
# X-Forwarded-For (see core/client_address.py) for the login lock-out and every rate limit.
BEHIND_PROXY = env_bool("BEHIND_PROXY", False)
if BEHIND_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
AXES_CLIENT_IP_CALLABLE = "wijkdialoog.core.client_address.client_ip"
RATELIMIT_IP_META_KEY = "wijkdialoog.core.client_address.client_ip"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {
        "django.request": {"level": "ERROR"},
        "axes": {"level": "WARNING"},
        "django.tasks": {"level": "WARNING"},
        # PDF rendering logs every step at INFO.
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}
