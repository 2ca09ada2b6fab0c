"""What every browser test shares: where Chromium and axe-core are, and the page check.

The module-scoped `browser` fixture lives in newsdesk/conftest.py.
"""

import os
from pathlib import Path

from django.conf import settings

CHROMIUM = Path(os.environ.get("NEWSDESK_CHROMIUM", "/usr/bin/chromium"))
AXE = settings.BASE_DIR / "node_modules" / "axe-core" / "axe.min.js"
ARTIFACTS = settings.BASE_DIR / "test-artifacts"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
# An init script: a page's Content-Security-Policy violations, read back from window.__violations.
RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", function (event) {
  window.__violations.push(event.violatedDirective + " " + event.blockedURI);
});
"""
VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 375, "height": 812}}


def tools_missing() -> str | None:
    if not CHROMIUM.exists():
        return f"Chromium not found at {CHROMIUM} (apt-get install chromium)"
    if not AXE.exists():
        return f"axe-core not found at {AXE} (npm ci)"
    return None


def axe_violations(page, *, scope: str = "document") -> list[dict]:
    """Run axe-core's WCAG 2.x A and AA rules on the page, or on one selector of it."""
    # Evaluated through DevTools, which the page's Content-Security-Policy does not
    # govern; a <script> tag would be inline script, which the policy forbids.
    page.evaluate(AXE.read_text())
    result = page.evaluate(
        f"tags => axe.run({scope if scope == 'document' else repr(scope)}, "
        "{runOnly: {type: 'tag', values: tags}})",
        AXE_TAGS,
    )
    return [
        {"id": v["id"], "help": v["help"], "nodes": [n["target"] for n in v["nodes"]][:5]}
        for v in result["violations"]
    ]


def check_page(browser, url: str, name: str, visible: list[str]) -> None:
    """Check url at phone and desktop size, light and dark: parts, skip link, axe scan."""
    ARTIFACTS.mkdir(exist_ok=True)
    for viewport_name, viewport in VIEWPORTS.items():
        for scheme in ("light", "dark"):
            context = browser.new_context(viewport=viewport, color_scheme=scheme)
            page = context.new_page()
            page.goto(url)
            for selector in visible:
                assert page.locator(selector).first.is_visible(), f"{selector} on {name}"
            page.keyboard.press("Tab")
            focused = page.evaluate("document.activeElement.textContent")
            assert focused == "Home page", f"first Tab on {name} focused {focused!r}"
            assert page.locator(".skip-links a").first.is_visible()
            assert axe_violations(page) == [], f"{name}, {viewport_name}, {scheme}"
            page.screenshot(path=ARTIFACTS / f"{name}-{viewport_name}-{scheme}.png", full_page=True)
            context.close()
