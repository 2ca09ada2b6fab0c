"""Tell readers from robots and from pages the browser only prepared."""

from functools import lru_cache

from crawlerdetect import CrawlerDetect

_detector = CrawlerDetect()
PREFETCH_HEADERS = ("HTTP_SEC_PURPOSE", "HTTP_PURPOSE", "HTTP_X_PURPOSE", "HTTP_X_MOZ")


@lru_cache(maxsize=4096)
def _is_crawler(user_agent: str) -> bool:
    # The regex pass costs ~35 µs; a site sees few distinct agents, so remember them.
    return _detector.isCrawler(user_agent)


def robot_reason(*, meta: dict) -> str | None:
    """Return why a request is not a person reading (empty agent, crawler, prefetch), or None."""
    user_agent = meta.get("HTTP_USER_AGENT", "").strip()
    if not user_agent:
        return "no_user_agent"
    for header in PREFETCH_HEADERS:
        value = meta.get(header, "").lower()
        if "prefetch" in value or "prerender" in value or "preview" in value:
            return "prefetch"
    if _is_crawler(user_agent[:512]):
        return "bot"
    return None
