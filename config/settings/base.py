"""Settings shared by every environment; dev, test and production only override."""

from datetime import timedelta
from pathlib import Path

import dj_database_url

from .env import env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(env_str("NEWSDESK_VAR_DIR", str(BASE_DIR / "var")))
VAR_DIR.mkdir(parents=True, exist_ok=True)

SECRET_KEY = env_str("SECRET_KEY", "dev-only-insecure-key-change-me-in-production")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
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
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    # Ours come last: the roles set after migrate need every other app's permissions.
    "newsdesk.accounts",
    "newsdesk.core",
    "newsdesk.articles",
    "newsdesk.comments",
    "newsdesk.analytics",
    "newsdesk.recommendations",
    "newsdesk.search",
    "newsdesk.api",
    # Sign-in hardening: failed-login lockout and two-step sign-in (newsdesk/accounts).
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
]

MIDDLEWARE = [
    # Outermost, so it sees every body last; stored pages come already gzipped.
    "newsdesk.core.compression.TextGZipMiddleware",
    # Then: a cached page is answered with the headers every middleware below gave
    # it when it was rendered, and without sessions, CSRF or auth.
    "newsdesk.core.pagecache.middleware.PageCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Content-Security-Policy and Permissions-Policy on every response (see below).
    "newsdesk.core.csp.SiteCSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "newsdesk.core.replicas.ReplicaReadsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "newsdesk.accounts.middleware.TwoFactorMiddleware",
    "newsdesk.accounts.middleware.AdminSessionRenewMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes requires: it turns a locked-out sign-in into its lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "newsdesk" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "newsdesk.core.context_processors.site_meta",
            ],
        },
    },
]

# SQLite (WAL) by default, so the site runs with no database server;
# DATABASE_URL switches to PostgreSQL.
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'newsdesk.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
# PostgreSQL streaming replicas, comma-separated URLs: anonymous readers' queries go
# to them, writes and signed-in requests to the primary (newsdesk/core/replicas.py).
for _number, _url in enumerate(env_list("DATABASE_REPLICA_URLS", []), start=1):
    DATABASES[f"replica{_number}"] = dj_database_url.parse(
        _url, conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60), conn_health_checks=True
    )
    DATABASES[f"replica{_number}"]["TEST"] = {"MIRROR": "default"}
NEWSDESK_READ_REPLICAS = [alias for alias in DATABASES if alias != "default"]
DATABASE_ROUTERS = ["newsdesk.core.replicas.ReplicaRouter"]
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["CONN_MAX_AGE"] = None
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": (
            "PRAGMA journal_mode=WAL;"
            "PRAGMA synchronous=NORMAL;"
            "PRAGMA busy_timeout=20000;"
            "PRAGMA mmap_size=134217728;"
            "PRAGMA cache_size=-20000;"
        ),
    }

REDIS_URL = env_str("REDIS_URL", "")
# While Redis is unreachable django-redis answers as a miss instead of raising, so an
# outage costs renders, not error pages, and caching resumes by itself when it returns.
NEWSDESK_REDIS_CACHE = {
    "BACKEND": "django_redis.cache.RedisCache",
    "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 0.5, "SOCKET_TIMEOUT": 2, "IGNORE_EXCEPTIONS": True},
}
DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
if REDIS_URL:
    CACHES = {
        "default": {**NEWSDESK_REDIS_CACHE, "LOCATION": REDIS_URL, "KEY_PREFIX": "newsdesk"},
        "pages": {
            **NEWSDESK_REDIS_CACHE,
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "newsdesk:pages",
            "TIMEOUT": None,
        },
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "newsdesk",
        },
        # Files, not process memory: every app process must see a publish.
        "pages": {
            "BACKEND": "newsdesk.core.pagecache.filecache.FileCache",
            "LOCATION": str(VAR_DIR / "pages"),
            "TIMEOUT": None,
            "OPTIONS": {"MAX_ENTRIES": 20_000},
        },
    }

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    # First, so a locked-out account or address is refused before its password is checked.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

LANGUAGE_CODE = "en-gb"
# Times are stored in UTC and shown in the newsroom's zone.
TIME_ZONE = env_str("NEWSDESK_TIME_ZONE", "Europe/London")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(VAR_DIR / "static")))
STATICFILES_DIRS = [BASE_DIR / "newsdesk" / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(VAR_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# A form's fields, files apart: a long story with many blocks is a large admin form.
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

SESSION_COOKIE_HTTPONLY = True
# A signed-in session ends after this long without an admin request; each one
# moves the end on (newsdesk.accounts.middleware.AdminSessionRenewMiddleware).
SESSION_COOKIE_AGE = env_int("NEWSDESK_SESSION_IDLE_SECONDS", 2 * 3600)
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
# Readers' pages run only our own static files: no inline script or style, no
# other origin, no framing. No nonces either: pages are cached whole and served
# to every reader, and a nonce printed in a shared copy would be valid for all
# of them. JSON-LD blocks are data, which script-src does not govern.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "font-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
# Wagtail's admin writes inline scripts and style attributes, and frames its own
# previews, so it gets its own policy (newsdesk/core/csp.py): still this origin only.
NEWSDESK_ADMIN_CSP_DIRECTIVES = {
    "default-src": ["'self'"],
    "script-src": ["'self'", "'unsafe-inline'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "connect-src": ["'self'"],
    "font-src": ["'self'", "data:"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'self'"],
}
# A news site needs none of these browser features; no embedded page may ask for them.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
    )
}

# Wagtail
WAGTAIL_SITE_NAME = env_str("NEWSDESK_SITE_NAME", "The Newsdesk Times")
WAGTAILADMIN_BASE_URL = env_str("NEWSDESK_BASE_URL", "http://127.0.0.1:8000")
WAGTAILIMAGES_IMAGE_MODEL = "articles.NewsImage"
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 15 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 60_000_000
# Uploads are checked by content (Willow), and must match their extension. No SVG:
# it can carry script, and images are served from our own origin.
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]
# Documents are downloaded through Wagtail's view, which sends them as attachments
# with "Content-Security-Policy: default-src 'none'", never straight from /media/.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_INLINE_CONTENT_TYPES = ["application/pdf"]
WAGTAILDOCS_EXTENSIONS = ["pdf", "csv", "txt", "docx", "xlsx", "pptx", "odt", "ods", "odp"]
# Staff avatars would otherwise be fetched from a third party on every admin page.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_USER_TIME_ZONES = [TIME_ZONE, "UTC"]
WAGTAILADMIN_COMMENTS_ENABLED = True
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_ALLOW_UNICODE_SLUGS = False
# The JSON API (newsdesk/api) gives rich text as display HTML unless asked for another format.
WAGTAILAPI_RICH_TEXT_FORMAT = "html"
TAGGIT_CASE_INSENSITIVE = True

# Newsdesk
NEWSDESK_MUST_READS_LIMIT = env_int("NEWSDESK_MUST_READS_LIMIT", 5)
NEWSDESK_PAGE_SIZE = 20
NEWSDESK_WORKER_INTERVAL = env_int("NEWSDESK_WORKER_INTERVAL", 15)

# Whole-page cache (newsdesk/core/pagecache, docs/architecture.md "Caching").
NEWSDESK_PAGE_CACHE = env_bool("NEWSDESK_PAGE_CACHE", True)
NEWSDESK_PAGE_CACHE_SECONDS = env_int("NEWSDESK_PAGE_CACHE_SECONDS", 300)
# How long past freshness a copy is kept to serve while one request rebuilds it,
# or while the app fails (stale-if-error).
NEWSDESK_PAGE_CACHE_STALE_SECONDS = env_int("NEWSDESK_PAGE_CACHE_STALE_SECONDS", 86_400)
# nginx in front cannot be purged on publish, so it keeps a page only this long.
NEWSDESK_PAGE_CACHE_PROXY_SECONDS = env_int("NEWSDESK_PAGE_CACHE_PROXY_SECONDS", 5)
# Behind deploy/nginx.conf.template, which sets the readers' security headers itself:
# stored pages leave them off, so nginx has fewer headers to parse on each hit. Only for
# an app that readers reach through that front alone; the key of a stored page differs
# with it on, so an app without it never serves such a page.
NEWSDESK_FRONT_SECURITY_HEADERS = env_bool("NEWSDESK_FRONT_SECURITY_HEADERS", False)
NEWSDESK_PAGE_CACHE_QUERY_PARAMS = ["page", "p", "comment"]
# Never public pages: not looked up at all.
NEWSDESK_PAGE_CACHE_SKIP_PREFIXES = (
    "/static/", "/media/", "/admin/", "/documents/", "/comments/", "/analytics/", "/search/",
    "/api/",
)  # fmt: skip
NEWSDESK_PAGE_CACHE_TAGGER = "newsdesk.articles.page_cache.response_tags"
# Rendered pieces of pages (rails, navigation, a story's comments) are kept in each process
# until a clearing, and at most this long (newsdesk/core/pagecache/fragments.py); 0 turns them off.
NEWSDESK_FRAGMENT_SECONDS = env_int("NEWSDESK_FRAGMENT_SECONDS", 60)

# A front cache purged on publish through Wagtail's frontend_cache: Varnish (or any
# cache taking HTTP PURGE) at NEWSDESK_VARNISH_URL, and/or Cloudflare.
WAGTAILFRONTENDCACHE = {}
if env_str("NEWSDESK_VARNISH_URL", ""):
    WAGTAILFRONTENDCACHE["varnish"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": env_str("NEWSDESK_VARNISH_URL"),
    }
if env_str("NEWSDESK_CLOUDFLARE_ZONE_ID", ""):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "ZONEID": env_str("NEWSDESK_CLOUDFLARE_ZONE_ID"),
        "BEARER_TOKEN": env_str("NEWSDESK_CLOUDFLARE_TOKEN"),
    }

# Headers naming a stored page's tags for a front cache that purges by tag: Surrogate-Key
# (space-separated; Fastly, Varnish xkey) always, Cache-Tag (comma-separated) only for
# Cloudflare, the one cache reading it. Every hit resends them, so none goes unread.
NEWSDESK_PAGE_TAG_HEADERS = {"Surrogate-Key": " "}
if "cloudflare" in WAGTAILFRONTENDCACHE:
    NEWSDESK_PAGE_TAG_HEADERS["Cache-Tag"] = ","

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.request": {"level": "ERROR"},
        "django_tasks": {"level": "WARNING"},
    },
}
# Analytics: counting reads, Popular Now and Weekly Best (docs/architecture.md).
NEWSDESK_ANALYTICS_POPULAR_HALF_LIFE = env_int("NEWSDESK_ANALYTICS_POPULAR_HALF_LIFE", 2 * 3600)
NEWSDESK_ANALYTICS_BUFFER_MS = env_int("NEWSDESK_ANALYTICS_BUFFER_MS", 1000)
NEWSDESK_ANALYTICS_BUFFER_SIZE = env_int("NEWSDESK_ANALYTICS_BUFFER_SIZE", 500)
NEWSDESK_ANALYTICS_DEDUPE_SECONDS = 30 * 60
NEWSDESK_ANALYTICS_RATE_LIMIT = env_int("NEWSDESK_ANALYTICS_RATE_LIMIT", 600)
NEWSDESK_ANALYTICS_RATE_WINDOW = 5 * 60
# Ranking lists are kept this long, and so are pages showing them (see NEWSDESK_PAGE_CACHE_*),
# so a list a reader sees is at most twice this old: 60 s with the default.
NEWSDESK_ANALYTICS_LIST_SECONDS = env_int("NEWSDESK_ANALYTICS_LIST_SECONDS", 30)
NEWSDESK_ANALYTICS_REDIS_PREFIX = env_str("NEWSDESK_ANALYTICS_REDIS_PREFIX", "newsdesk:reads:")
# The request header holding the reader's address when a proxy sits in front
# (e.g. HTTP_X_REAL_IP); empty means REMOTE_ADDR. Read beacons and comments both use it.
NEWSDESK_CLIENT_IP_HEADER = env_str("NEWSDESK_CLIENT_IP_HEADER", "")

# Sign-in (newsdesk/accounts). django-axes locks an account, and separately an
# address, after AXES_FAILURE_LIMIT wrong passwords, each within the cool-off of
# the one before; the lock lifts after the cool-off (or `manage.py axes_reset_username`).
AXES_FAILURE_LIMIT = env_int("NEWSDESK_LOGIN_FAILURE_LIMIT", 10)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("NEWSDESK_LOGIN_LOCKOUT_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_CLIENT_IP_CALLABLE = "newsdesk.accounts.lockout.request_client_address"
AXES_LOCKOUT_CALLABLE = "newsdesk.accounts.lockout.lockout_response"
AXES_ENABLE_ADMIN = False
# Two-step sign-in: members of these groups must confirm a code from an
# authenticator app; anyone who has set one up is asked for it too.
NEWSDESK_2FA_REQUIRED_GROUPS = env_list("NEWSDESK_2FA_REQUIRED_GROUPS", [])
OTP_TOTP_ISSUER = WAGTAIL_SITE_NAME
NEWSDESK_WORKER_JOBS = {
    "newsdesk.articles.services.scheduled_pages_publish": NEWSDESK_WORKER_INTERVAL,
    "newsdesk.analytics.services.reads_flush": 5,
    "newsdesk.analytics.services.reads_maintain": 60,
    "newsdesk.analytics.services.reads_prune": 3600,
    "newsdesk.recommendations.services.related_pending_process": NEWSDESK_WORKER_INTERVAL,
    "newsdesk.comments.ratelimit.rate_limits_prune": 3600,
}
NEWSDESK_SERVE_MEDIA = env_bool("NEWSDESK_SERVE_MEDIA", True)

# Comments (newsdesk.comments). The newsroom's own choices (pre- or post-moderation,
# closing after N days, blocked and suspect words) are a site setting in the admin.
NEWSDESK_COMMENTS_MAX_LENGTH = 300
NEWSDESK_COMMENTS_PER_PAGE = 50
NEWSDESK_COMMENTS_REPORTS_TO_HIDE = env_int("NEWSDESK_COMMENTS_REPORTS_TO_HIDE", 3)
NEWSDESK_COMMENTS_MAX_LINKS = env_int("NEWSDESK_COMMENTS_MAX_LINKS", 1)
NEWSDESK_COMMENTS_HOLD_FIRST = env_bool("NEWSDESK_COMMENTS_HOLD_FIRST", True)
NEWSDESK_COMMENTS_SPAM_THRESHOLD = 0.9
# (posts, seconds) per visitor and per e-mail address.
NEWSDESK_COMMENTS_RATE_LIMITS = [(1, 15), (5, 600)]
NEWSDESK_COMMENTS_MIN_SECONDS = env_int("NEWSDESK_COMMENTS_MIN_SECONDS", 3)
NEWSDESK_COMMENTS_TOKEN_MAX_AGE = 2 * 3600
NEWSDESK_COMMENTS_DUPLICATE_WINDOW = 24 * 3600

# Recommendations: You May Also Like (newsdesk/recommendations/engine.py states the formula).
NEWSDESK_RELATED_LIMIT = 5
NEWSDESK_RELATED_RECENCY_WEIGHT = 0.5
NEWSDESK_RELATED_HALF_LIFE_DAYS = 30.0
NEWSDESK_RELATED_INDEX_PATH = env_str(
    "NEWSDESK_RELATED_INDEX_PATH", str(VAR_DIR / "related" / "index.joblib")
)
NEWSDESK_RELATED_REFIT_HOURS = env_int("NEWSDESK_RELATED_REFIT_HOURS", 24)

# Search: Wagtail's database backend (SQLite FTS5, PostgreSQL full text) with recency
# breaking ties (newsdesk/search/backend.py). For scale, NEWSDESK_SEARCH_URL points at
# an OpenSearch or Elasticsearch cluster and NEWSDESK_SEARCH_BACKEND names its kind:
# opensearch2, opensearch3, elasticsearch7, elasticsearch8 or elasticsearch9 (the
# matching Python client must be installed; see newsdesk/search/README.md).
NEWSDESK_SEARCH_URL = env_str("NEWSDESK_SEARCH_URL", "")
if NEWSDESK_SEARCH_URL:
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "wagtail.search.backends."
            + env_str("NEWSDESK_SEARCH_BACKEND", "opensearch3"),
            "URLS": [NEWSDESK_SEARCH_URL],
            "INDEX_PREFIX": env_str("NEWSDESK_SEARCH_INDEX_PREFIX", "newsdesk_"),
            "TIMEOUT": env_int("NEWSDESK_SEARCH_TIMEOUT", 5),
        }
    }
else:
    WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "newsdesk.search.backend"}}
