"""NewsArticle and BreadcrumbList JSON-LD for a story, built from what the page shows."""

from django.conf import settings
from django.templatetags.static import static


def _absolute(root_url: str, path: str) -> str:
    return path if path.startswith(("http://", "https://")) else f"{root_url}{path}"


def story_json_ld(*, story, authors, root_url: str, image_url: str | None) -> list[dict]:
    """Return the NewsArticle and its breadcrumbs, ready for a ld+json script block."""
    url = _absolute(root_url, story.url)
    article = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "url": url,
        "headline": story.title[:110],
        "description": story.deck,
        "datePublished": story.first_published_at.isoformat(),
        "dateModified": (story.last_published_at or story.first_published_at).isoformat(),
        "author": [
            {"@type": "Person", "name": a.name, "url": _absolute(root_url, a.get_absolute_url())}
            for a in authors
        ],
        "publisher": {
            "@type": "Organization",
            "name": settings.WAGTAIL_SITE_NAME,
            "logo": {
                "@type": "ImageObject",
                "url": _absolute(root_url, static("img/logo.png")),
                "width": 600,
                "height": 60,
            },
        },
    }
    if image_url:
        article["image"] = [image_url]
    if story.section:
        article["articleSection"] = story.section.title
    if story.notice_kind == "correction":
        article["correction"] = {
            "@type": "CorrectionComment",
            "text": story.notice_text,
            "datePublished": story.notice_date.isoformat() if story.notice_date else None,
        }
    crumbs = [("Home", root_url + "/")]
    if story.section:
        crumbs.append((story.section.title, _absolute(root_url, story.section.url)))
    crumbs.append((story.title, url))
    breadcrumbs = {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": i, "name": name, "item": item}
            for i, (name, item) in enumerate(crumbs, start=1)
        ],
    }
    return [article, breadcrumbs]
