"""Bar charts drawn as SVG on the server: no script, no chart library to vendor.

Each chart is an image with a text alternative; the template puts the same
figures in a table beside it for screen readers and for copying.
"""

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

WIDTH, HEIGHT = 720, 200
LEFT, BOTTOM, TOP = 48, 24, 12


def _nice_ceiling(value: int) -> int:
    """Return a round number at or above value for the axis top (1, 2, 5 times a power of 10)."""
    if value <= 0:
        return 1
    step = 1
    while True:
        for factor in (1, 2, 5):
            if step * factor >= value:
                return step * factor
        step *= 10


def bar_chart(*, points, title: str, label_every: int) -> SafeString:
    """Return an SVG bar chart of points (each with .label and .reads)."""
    top = _nice_ceiling(max((p.reads for p in points), default=0))  # never 0: it divides
    plot_w, plot_h = WIDTH - LEFT, HEIGHT - BOTTOM - TOP
    slot = plot_w / max(len(points), 1)
    bars = format_html_join(
        "",
        '<rect x="{}" y="{}" width="{}" height="{}"><title>{}: {}</title></rect>',
        (
            (
                f"{LEFT + i * slot + slot * 0.1:.1f}",
                f"{TOP + plot_h - plot_h * p.reads / top:.1f}",
                f"{slot * 0.8:.1f}",
                f"{plot_h * p.reads / top:.1f}",
                p.label,
                f"{p.reads:,}",
            )
            for i, p in enumerate(points)
        ),
    )
    ticks = format_html_join(
        "",
        '<text x="{}" y="{}" text-anchor="middle">{}</text>',
        (
            (f"{LEFT + i * slot + slot / 2:.1f}", HEIGHT - 6, p.label)
            for i, p in enumerate(points)
            if i % label_every == 0
        ),
    )
    total = sum(p.reads for p in points)
    peak = max((p.reads for p in points), default=0)
    return format_html(
        '<svg class="readership-chart" viewBox="0 0 {w} {h}" role="img" aria-label="{title}">'
        '<line x1="{left}" y1="{base}" x2="{w}" y2="{base}" />'
        '<text x="{lx}" y="{ty}" text-anchor="end">{top}</text>'
        '<text x="{lx}" y="{base}" text-anchor="end">0</text>'
        '<g class="readership-chart__bars">{bars}</g><g class="readership-chart__ticks">{ticks}</g>'
        "</svg>",
        w=WIDTH,
        h=HEIGHT,
        title=f"{title}: {total:,} reads in all, at most {peak:,} in one bar",
        left=LEFT,
        base=TOP + plot_h,
        lx=LEFT - 6,
        ty=TOP + 10,
        top=f"{top:,}",
        bars=bars,
        ticks=ticks,
    )
