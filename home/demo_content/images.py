"""Generated illustrations for the demo content (no files from outside)."""

import io

from PIL import Image, ImageDraw

# Stripes of the two partners' flags: Russia (white, blue, red) and
# Azerbaijan (blue, red, green).
PALETTES = {
    "cooperation": [
        (255, 255, 255),
        (0, 57, 166),
        (213, 43, 30),
        (0, 146, 188),
        (239, 51, 64),
        (80, 158, 47),
    ],
    "hearing": [(0, 146, 188), (239, 51, 64), (80, 158, 47), (11, 92, 142)],
}


def banner_png(palette: str, width: int = 1200, height: int = 630) -> bytes:
    """Return a PNG banner of diagonal stripes in the palette's colours."""
    colours = PALETTES[palette]
    image = Image.new("RGB", (width, height), colours[0])
    draw = ImageDraw.Draw(image)
    band = (width + height) // len(colours)
    for index, colour in enumerate(colours):
        start = index * band
        draw.polygon(
            [
                (start, 0),
                (start + band, 0),
                (start + band - height, height),
                (start - height, height),
            ],
            fill=colour,
        )
    draw.ellipse(
        (width // 2 - 120, height // 2 - 120, width // 2 + 120, height // 2 + 120),
        fill=(255, 255, 255),
        outline=(8, 63, 98),
        width=12,
    )
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()
