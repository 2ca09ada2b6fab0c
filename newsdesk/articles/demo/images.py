"""Draw the demo's photographs with Pillow, so the demo ships no image files.

Each picture is a gradient sky over layered shapes in its section's colours;
portraits are a head-and-shoulders silhouette. Crude, but they crop, scale and
load like real photographs, which is what the templates and renditions need.
"""

import io
import random

from PIL import Image, ImageDraw, ImageOps

SCENE_SIZE = (1600, 900)
PORTRAIT_SIZE = (800, 800)
JPEG_QUALITY = 82

Colour = tuple[int, int, int]


def _rgb(hex_colour: str) -> Colour:
    value = hex_colour.lstrip("#")
    return (int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16))


def _mix(a: Colour, b: Colour, t: float) -> Colour:
    return (
        round(a[0] + (b[0] - a[0]) * t),
        round(a[1] + (b[1] - a[1]) * t),
        round(a[2] + (b[2] - a[2]) * t),
    )


def _gradient(size: tuple[int, int], top: Colour, bottom: Colour) -> Image.Image:
    # Colouring Pillow's 256x256 ramp and then scaling it is ~20x faster than
    # colouring a full-size one, and looks the same.
    return ImageOps.colorize(Image.linear_gradient("L"), top, bottom).resize(size)


def _ridge(rng: random.Random, width: int, base: int, roughness: int) -> list[tuple[int, int]]:
    points, x = [(0, base)], 0
    while x < width:
        x += rng.randint(width // 16, width // 6)
        points.append((min(x, width), base + rng.randint(-roughness, roughness)))
    return points


def _skyline(draw: ImageDraw.ImageDraw, rng: random.Random, size, dark: Colour, accent: Colour):
    width, height = size
    colour, lit = _mix(dark, (0, 0, 0), 0.3), (*accent, 170)
    x = 0
    while x < width:
        w = rng.randint(width // 30, width // 10)
        top = height - rng.randint(height // 6, height // 2)
        draw.rectangle((x, top, x + w, height), fill=colour)
        for wy in range(top + 12, height - 12, 28):
            for wx in range(x + 8, x + w - 14, 22):
                if rng.random() < 0.3:
                    draw.rectangle((wx, wy, wx + 8, wy + 12), fill=lit)
        x += w + rng.randint(0, width // 60)


def _waves(draw: ImageDraw.ImageDraw, rng: random.Random, size, dark: Colour, mid: Colour):
    width, height = size
    for band in range(6):
        top = int(height * (0.6 + band * 0.07))
        shade = _mix(mid, dark, (band + 1) / 6)
        crest = _ridge(rng, width, top, height // 60)
        draw.polygon([*crest, (width, height), (0, height)], fill=shade)


def _layers(draw: ImageDraw.ImageDraw, rng: random.Random, size, dark: Colour, mid: Colour):
    width, height = size
    for depth in range(3):
        base = int(height * (0.55 + depth * 0.14))
        shade = _mix(mid, dark, (depth + 1) / 3)
        outline = _ridge(rng, width, base, height // 12)
        draw.polygon([*outline, (width, height), (0, height)], fill=shade)


def _shapes(draw: ImageDraw.ImageDraw, rng: random.Random, size, accent: Colour) -> None:
    width, height = size
    for _ in range(rng.randint(3, 7)):
        r = rng.randint(height // 30, height // 8)
        cx, cy = rng.randint(0, width), rng.randint(0, height // 2)
        draw.ellipse((cx - r, cy - r, cx + r, cy + r), fill=(*accent, rng.randint(40, 110)))


def scene_draw(*, rng: random.Random, palette: tuple[str, str, str]) -> bytes:
    """Return a 1600x900 JPEG: a sky, a low sun or moon, and a skyline, hills or sea."""
    dark, mid, accent = (_rgb(c) for c in palette)
    sky_top = _mix(dark, (255, 255, 255), rng.uniform(0.0, 0.3))
    sky_bottom = _mix(mid, accent, rng.uniform(0.2, 0.7))
    image = _gradient(SCENE_SIZE, sky_top, sky_bottom)
    draw = ImageDraw.Draw(image, "RGBA")
    width, height = SCENE_SIZE
    r = rng.randint(height // 10, height // 5)
    cx, cy = rng.randint(r, width - r), rng.randint(r, height // 2)
    draw.ellipse((cx - r, cy - r, cx + r, cy + r), fill=(*accent, 230))
    _shapes(draw, rng, SCENE_SIZE, accent)
    landscape = rng.choice((_skyline, _layers, _waves))
    if landscape is _skyline:
        _skyline(draw, rng, SCENE_SIZE, dark, accent)
    else:
        landscape(draw, rng, SCENE_SIZE, dark, mid)
    return _jpeg(image)


def portrait_draw(*, rng: random.Random, palette: tuple[str, str, str]) -> bytes:
    """Return an 800x800 JPEG head-and-shoulders silhouette on a soft backdrop."""
    dark, mid, accent = (_rgb(c) for c in palette)
    image = _gradient(PORTRAIT_SIZE, _mix(accent, (255, 255, 255), 0.5), mid)
    draw = ImageDraw.Draw(image, "RGBA")
    width, height = PORTRAIT_SIZE
    skin = rng.choice(((241, 194, 125), (224, 172, 105), (198, 134, 66), (141, 85, 36)))
    cloth = _mix(dark, (0, 0, 0), rng.uniform(0.0, 0.4))
    hair = _mix(skin, (20, 12, 8), rng.uniform(0.5, 0.9))
    if rng.random() < 0.5:
        draw.ellipse((width * 0.27, height * 0.14, width * 0.73, height * 0.78), fill=hair)
    draw.ellipse((width * 0.12, height * 0.68, width * 0.88, height * 1.35), fill=cloth)
    draw.rectangle((width * 0.44, height * 0.52, width * 0.56, height * 0.72), fill=skin)
    draw.ellipse((width * 0.31, height * 0.18, width * 0.69, height * 0.62), fill=skin)
    draw.chord((width * 0.29, height * 0.14, width * 0.71, height * 0.52), 180, 360, fill=hair)
    return _jpeg(image)


def _jpeg(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=JPEG_QUALITY)
    return buffer.getvalue()
