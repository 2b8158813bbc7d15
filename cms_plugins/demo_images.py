"""Pictures for the demo, drawn here so that nothing is downloaded or copied."""

import io
import random

from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw, ImageFilter


def steppe(seed, width=1440, height=810):
    """A steppe under a wide sky: horizon, a few houses, a road. JPEG bytes."""
    rng = random.Random(seed)
    img = PILImage.new("RGB", (width, height))
    draw = ImageDraw.Draw(img)
    horizon = int(height * rng.uniform(0.52, 0.64))
    sky_top, sky_low = (rng.randint(40, 90), rng.randint(110, 150), rng.randint(180, 220)), (220, 232, 240)
    for y in range(horizon):
        t = y / horizon
        draw.line([(0, y), (width, y)], fill=tuple(int(a + (b - a) * t) for a, b in zip(sky_top, sky_low, strict=True)))
    ground_far, ground_near = (rng.randint(150, 190), rng.randint(150, 175), 90), (rng.randint(110, 140), 120, 60)
    for y in range(horizon, height):
        t = (y - horizon) / (height - horizon)
        draw.line(
            [(0, y), (width, y)], fill=tuple(int(a + (b - a) * t) for a, b in zip(ground_far, ground_near, strict=True))
        )
    sun_x, sun_y = rng.randint(width // 5, width * 4 // 5), rng.randint(height // 10, horizon // 2)
    draw.ellipse([sun_x - 45, sun_y - 45, sun_x + 45, sun_y + 45], fill=(255, 236, 170))
    x = rng.randint(40, 200)
    while x < width - 120:
        w, h = rng.randint(60, 110), rng.randint(35, 60)
        base = horizon + rng.randint(4, 16)
        wall = (rng.randint(200, 240), rng.randint(190, 225), rng.randint(170, 200))
        draw.rectangle([x, base - h, x + w, base], fill=wall)
        draw.polygon([(x - 8, base - h), (x + w // 2, base - h - 30), (x + w + 8, base - h)], fill=(120, 60, 50))
        draw.rectangle([x + w // 3, base - h // 2, x + w // 3 + 14, base - h // 2 + 14], fill=(70, 90, 120))
        x += w + rng.randint(50, 260)
    draw.polygon(
        [
            (width // 2 - 30, horizon),
            (width // 2 + 30, horizon),
            (width // 2 + 260, height),
            (width // 2 - 260, height),
        ],
        fill=(170, 150, 110),
    )
    img = img.filter(ImageFilter.GaussianBlur(1.2))
    buffer = io.BytesIO()
    img.save(buffer, "JPEG", quality=78, optimize=True, progressive=True)
    return buffer.getvalue()


def get_or_create_image(title, seed, collection=None):
    """A Wagtail image with this title, drawn once; later runs reuse it."""
    from wagtail.images import get_image_model

    Image = get_image_model()
    existing = Image.objects.filter(title=title).first()
    if existing:
        return existing
    image = Image(title=title, **({"collection": collection} if collection else {}))
    image.file = ImageFile(io.BytesIO(steppe(seed)), name=f"demo-{seed}.jpg")
    image.save()
    return image
