"""Local development: debug on by default, everything else from base."""

from .base import *  # noqa: F403
from .env import env_bool

DEBUG = env_bool("DEBUG", True)
# With debug pages on, a developer is editing templates and code: pages are not
# kept unless asked for (make run serves with DEBUG=0, so it caches as production).
NEWSDESK_PAGE_CACHE = env_bool("NEWSDESK_PAGE_CACHE", not DEBUG)
