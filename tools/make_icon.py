"""Draws the app icon (resources/fieldgroup.png and .ico): three pillars around one table, with Pillow."""

from __future__ import annotations

import sys
from pathlib import Path

from PIL import Image, ImageDraw

RESOURCES = Path(__file__).resolve().parent.parent / "resources"
SIZE = 512
BACKGROUND = (24, 74, 110)  # deep blue
TABLE = (245, 240, 225)
PILLARS = [(230, 126, 34), (46, 134, 193), (39, 174, 96)]  # company, government, civil society


def draw(size: int = SIZE) -> Image.Image:
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    pen = ImageDraw.Draw(image)
    pen.rounded_rectangle((0, 0, size - 1, size - 1), radius=size // 6, fill=BACKGROUND)
    centre, table_r, seat_r, ring = size / 2, size * 0.19, size * 0.11, size * 0.31
    pen.ellipse((centre - table_r, centre - table_r, centre + table_r, centre + table_r), fill=TABLE)
    # Three seats at 12, 4 and 8 o'clock: every pillar at the same table.
    for colour, (dx, dy) in zip(PILLARS, ((0, -1), (0.866, 0.5), (-0.866, 0.5)), strict=True):
        x, y = centre + dx * ring, centre + dy * ring
        pen.ellipse((x - seat_r, y - seat_r, x + seat_r, y + seat_r), fill=colour, outline=TABLE, width=size // 64)
    return image


def main() -> int:
    image = draw()
    image.save(RESOURCES / "fieldgroup.png")
    image.save(RESOURCES / "fieldgroup.ico", sizes=[(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)])
    print(f"Wrote {RESOURCES / 'fieldgroup.png'} and .ico")
    return 0


if __name__ == "__main__":
    sys.exit(main())
