#!/usr/bin/env python3
"""Draws lessons/images/cracked-panel.png: a SYNTHETIC 224 x 224 RGB photo of a cracked
equipment panel (no real photo is involved), deterministic (seeded NumPy, no timestamps).

    python3 lessons/images/make_panel.py            # rewrites cracked-panel.png beside this script

The panel: a brushed-metal blue-gray plate lit from the upper left, four rivets, a painted
label strip, and a thin, bright, jagged fault line running roughly horizontally across the
middle (light catching the fracture's edge), which is what the lesson's horizontal-line
kernel responds to.
"""
import os

import numpy as np
from PIL import Image

SIZE = 224


def main():
    rng = np.random.default_rng(20261202)
    rows, cols = np.mgrid[0:SIZE, 0:SIZE].astype(np.float64)

    # Plate: light falling off from the upper left, horizontal brushing streaks, fine grain.
    light = 0.62 - 0.18 * (rows + cols) / (2 * SIZE)
    streaks = np.repeat(rng.normal(0.0, 0.025, size=(SIZE, 1)), SIZE, axis=1)
    grain = rng.normal(0.0, 0.015, size=(SIZE, SIZE))
    base = light + streaks + grain
    rgb = np.stack([base * 0.92, base * 0.97, base * 1.06])

    # A darker painted label strip near the bottom.
    strip = (rows >= 176) & (rows < 196) & (cols >= 24) & (cols < 120)
    for channel, value in enumerate((0.20, 0.24, 0.30)):
        rgb[channel][strip] = value + grain[strip]

    # Four rivets: dark rings with a bright highlight.
    for cy, cx in ((16, 16), (16, 207), (207, 16), (207, 207)):
        distance = np.hypot(rows - cy, cols - cx)
        ring = distance < 6
        rgb[:, ring] *= 0.55
        highlight = np.hypot(rows - (cy - 2), cols - (cx - 2)) < 2
        rgb[:, highlight] = 0.9

    # The crack: a random walk across the plate, one pixel thick, bright, with dark shoulders.
    y = 104.0
    for x in range(12, 212):
        y += rng.normal(0.0, 0.45)
        y = min(max(y, 92.0), 124.0)
        r = int(round(y))
        rgb[:, r - 1, x] *= 0.55
        rgb[:, r + 1, x] *= 0.55
        rgb[:, r, x] = (0.93, 0.94, 0.96)
        if x % 37 == 0:  # short side branches
            for step in range(1, 6):
                rgb[:, r + step, x + step // 2] = (0.85, 0.86, 0.88)

    pixels = np.clip(np.round(rgb.transpose(1, 2, 0) * 255), 0, 255).astype(np.uint8)
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "cracked-panel.png")
    Image.fromarray(pixels).save(path, optimize=False, compress_level=9)
    print(f"wrote {path}: {pixels.shape[1]} x {pixels.shape[0]} RGB, synthetic")


if __name__ == "__main__":
    main()
