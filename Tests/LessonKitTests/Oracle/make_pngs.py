#!/usr/bin/env python3
"""Writes PNG test files of every colour type and bit depth, and what Pillow reads from them.

    python3 make_pngs.py OUTDIR

The PNGs are assembled here from chunks (struct + zlib, Adam7 interlacing done by hand), so
they cover what neither libpng's nor Pillow's writer is asked to produce: gray at 1/2/4 bits,
palettes of 1/2/4/8 bits with and without tRNS, gray + alpha, RGB with a tRNS colour, RGBA,
interlaced files and odd sizes (1 x 1, 1 x 97, 97 x 1). Deterministic: seeded random pixels.

For every readable file and each mode ("L", "RGB") it writes NAME.MODE.f64: the little-endian
float64 bytes of

    np.asarray(Image.open(path).convert(mode), dtype=np.float64) / 255

and NAME.MODE.shape (the shape, comma separated). manifest.json lists every file with
"readable": true/false (the unreadable ones are 16-bit, truncated, corrupt or not PNGs).
"""
import json
import os
import random
import struct
import sys
import warnings
import zlib

import numpy as np
from PIL import Image

ADAM7 = [(0, 0, 8, 8), (0, 4, 8, 8), (4, 0, 8, 4), (0, 2, 4, 4), (2, 0, 4, 2), (0, 1, 2, 2), (1, 0, 2, 1)]
CHANNELS = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}


def chunk(kind, data):
    body = kind + data
    return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)


def pack_row(samples, depth):
    """One scanline's samples packed at `depth` bits, most significant bits first."""
    if depth == 8:
        return bytes(samples)
    if depth == 16:
        return b"".join(struct.pack(">H", s) for s in samples)
    out, acc, bits = bytearray(), 0, 0
    for s in samples:
        acc = (acc << depth) | s
        bits += depth
        if bits == 8:
            out.append(acc)
            acc, bits = 0, 0
    if bits:
        out.append(acc << (8 - bits))
    return bytes(out)


def scanlines(pixels, width, height, channels, depth, interlaced):
    """Filter type 0 scanlines, whole image or the seven Adam7 passes."""
    rows = []
    passes = ADAM7 if interlaced else [(0, 0, 1, 1)]
    for y0, x0, dy, dx in passes:
        xs = list(range(x0, width, dx))
        if not xs:
            continue
        for y in range(y0, height, dy):
            samples = [v for x in xs for v in pixels[y][x]]
            rows.append(b"\x00" + pack_row(samples, depth))
    return b"".join(rows)


def png(width, height, color_type, depth, pixels, interlaced=False, palette=None, trns=None):
    channels = CHANNELS[color_type]
    data = b"\x89PNG\r\n\x1a\n"
    data += chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, depth, color_type, 0, 0, 1 if interlaced else 0))
    if palette is not None:
        data += chunk(b"PLTE", b"".join(bytes(c) for c in palette))
    if trns is not None:
        data += chunk(b"tRNS", trns)
    raw = scanlines(pixels, width, height, channels, depth, interlaced)
    data += chunk(b"IDAT", zlib.compress(raw, 9))
    data += chunk(b"IEND", b"")
    return data


def cases():
    rng = random.Random(20261202)
    sizes = [(1, 1), (97, 1), (1, 97), (13, 7), (8, 8), (17, 9)]
    for width, height in sizes:
        for interlaced in (False, True):
            tag = f"{width}x{height}{'-i' if interlaced else ''}"
            for depth in (1, 2, 4, 8):
                top = (1 << depth) - 1
                px = [[(rng.randint(0, top),) for _ in range(width)] for _ in range(height)]
                yield f"gray{depth}-{tag}", png(width, height, 0, depth, px, interlaced)
                yield f"gray{depth}-trns-{tag}", png(width, height, 0, depth, px, interlaced, trns=struct.pack(">H", top // 2))
                count = rng.randint(1, 1 << depth)
                palette = [(rng.randint(0, 255), rng.randint(0, 255), rng.randint(0, 255)) for _ in range(count)]
                idx = [[(rng.randint(0, count - 1),) for _ in range(width)] for _ in range(height)]
                yield f"palette{depth}-{tag}", png(width, height, 3, depth, idx, interlaced, palette=palette)
                alphas = bytes(rng.randint(0, 255) for _ in range(rng.randint(1, count)))
                yield f"palette{depth}-trns-{tag}", png(width, height, 3, depth, idx, interlaced, palette=palette, trns=alphas)
            ga = [[(rng.randint(0, 255), rng.randint(0, 255)) for _ in range(width)] for _ in range(height)]
            yield f"grayalpha8-{tag}", png(width, height, 4, 8, ga, interlaced)
            rgb = [[tuple(rng.randint(0, 255) for _ in range(3)) for _ in range(width)] for _ in range(height)]
            yield f"rgb8-{tag}", png(width, height, 2, 8, rgb, interlaced)
            yield f"rgb8-trns-{tag}", png(width, height, 2, 8, rgb, interlaced, trns=struct.pack(">HHH", *rgb[0][0]))
            rgba = [[tuple(rng.randint(0, 255) for _ in range(4)) for _ in range(width)] for _ in range(height)]
            yield f"rgba8-{tag}", png(width, height, 6, 8, rgba, interlaced)
    # Every gray level and the extremes of the luma formula.
    ramp = [[(v, 255 - v, (v * 7) % 256) for v in range(256)]]
    yield "rgb8-ramp", png(256, 1, 2, 8, ramp)


def broken():
    good = png(4, 3, 2, 8, [[(1, 2, 3)] * 4] * 3)
    sixteen = png(3, 2, 0, 16, [[(40000,)] * 3] * 2)
    yield "gray16", sixteen, "16-bit"
    yield "rgb16", png(2, 2, 2, 16, [[(1, 2, 3)] * 2] * 2), "16-bit"
    yield "truncated", good[: len(good) - 30], "truncated"
    corrupt = bytearray(good)
    corrupt[45] ^= 0xFF  # inside IDAT's data: its CRC no longer matches
    yield "corrupt-crc", bytes(corrupt), "corrupt"
    header = bytearray(good)
    header[12:16] = b"IHDX"  # the first chunk is not IHDR
    yield "corrupt-header", bytes(header), "corrupt"
    huge = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 50000, 50000, 8, 0, 0, 0, 0))
    huge += chunk(b"IDAT", zlib.compress(b"\x00" * 64)) + chunk(b"IEND", b"")
    yield "huge-dimensions", huge, "too many pixels (refused before allocating)"
    yield "not-a-png", b"GIF89a this is not a PNG file at all", "not a PNG"
    yield "empty", b"", "empty"


def main():
    warnings.simplefilter("ignore")  # Pillow's note on palette transparency in bytes
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    manifest = []
    for name, data in cases():
        path = os.path.join(out, name + ".png")
        with open(path, "wb") as handle:
            handle.write(data)
        for mode in ("L", "RGB"):
            array = np.asarray(Image.open(path).convert(mode), dtype=np.float64) / 255
            if mode == "RGB":
                array = np.ascontiguousarray(array.transpose(2, 0, 1))  # channels first, as loadImage gives it
            with open(os.path.join(out, f"{name}.{mode}.f64"), "wb") as handle:
                handle.write(array.astype("<f8").tobytes())
            with open(os.path.join(out, f"{name}.{mode}.shape"), "w") as handle:
                handle.write(",".join(str(n) for n in array.shape))
        manifest.append({"name": name, "readable": True})
    for name, data, why in broken():
        with open(os.path.join(out, name + ".png"), "wb") as handle:
            handle.write(data)
        manifest.append({"name": name, "readable": False, "why": why})
    with open(os.path.join(out, "manifest.json"), "w") as handle:
        json.dump(manifest, handle, indent=1)


if __name__ == "__main__":
    main()
