#!/usr/bin/env python3
"""NumPy's elementwise math on seeded random inputs, for the Swift differential test.

Usage: python3 math_oracle.py OUTDIR [SEED] [COUNT]
Writes, for each function NAME, OUTDIR/NAME.x.bin (and NAME.y.bin for two-argument
functions) with the float64 inputs and OUTDIR/NAME.out.bin with NumPy's float64 results,
little-endian raw doubles. Inputs mix uniform values, log-uniform magnitudes from
subnormal to huge, and the edge cases 0, -0, the smallest subnormal, the largest double,
±inf, nan and negatives (for log and sqrt). softmax and log_softmax rows (16 logits each)
use the NumPy formulas written out:
    e = np.exp(x - x.max(axis=-1, keepdims=True)); e / e.sum(axis=-1, keepdims=True)
    s = x - x.max(axis=-1, keepdims=True); s - np.log(np.exp(s).sum(axis=-1, keepdims=True))
It also writes OUTDIR/dispatch.txt, one line per function, "NAME TARGET SVML": the float64
loop NumPy picked on this CPU (np._core._multiarray_umath.__cpu_targets_info__, e.g. X86_V4)
and whether the umath module exports Intel SVML's routine for it (__svml_exp8_ha, ...), which
is what NumPy's X86_V4 float64 exp, log, log2 and log10 loops call when it is linked (tanh runs NumPy's own
port of SVML's tanh on X86_V3 and X86_V4, linked or not).
"""
import os
import sys

import numpy as np

EDGES = np.array([0.0, -0.0, 5e-324, -5e-324, 2.2250738585072014e-308, 1.7976931348623157e308,
                  -1.7976931348623157e308, np.inf, -np.inf, np.nan, 1.0, -1.0, 0.5, 2.0, 709.78, -745.2,
                  710.0, -746.0, 1e-300, 1e300, np.pi, -np.pi, 1e22, 1e16])


def mixed(rng, n):
    """Random doubles of every scale and sign, with the edge cases first."""
    k = (n - EDGES.size) // 4
    sign = np.where(rng.random(k) < 0.5, -1.0, 1.0)
    parts = [EDGES,
             rng.uniform(-1, 1, k),
             rng.uniform(-50, 50, k),
             sign * np.exp2(rng.uniform(-1074, 1023, k)),  # every binade, subnormal to huge
             rng.standard_normal(n - EDGES.size - 3 * k) * 10]
    return np.concatenate(parts)


SVML_ROUTINES = {"exp": b"__svml_exp8_ha", "log": b"__svml_log8_ha", "log2": b"__svml_log28_ha",
                 "log10": b"__svml_log108_ha", "tanh": b"__svml_tanh8"}


def write_dispatch(out):
    """NumPy's float64 loop per function on this CPU, and whether SVML's routine is linked."""
    import numpy._core._multiarray_umath as umath
    with open(umath.__file__, "rb") as f:
        binary = f.read()
    with open(os.path.join(out, "dispatch.txt"), "w") as f:
        for name, symbol in SVML_ROUTINES.items():
            target = umath.__cpu_targets_info__.get(name, {}).get("dd", {}).get("current", "none")
            linked = (symbol + b"\0") in binary
            f.write(f"{name} {target} {'svml' if linked else 'no-svml'}\n")


def main(out, seed, count):
    write_dispatch(out)
    rng = np.random.default_rng(seed)
    unary = {
        "exp": np.exp, "log": np.log, "log2": np.log2, "log10": np.log10, "sqrt": np.sqrt,
        "sin": np.sin, "cos": np.cos, "tan": np.tan, "tanh": np.tanh,
        "floor": np.floor, "ceil": np.ceil, "abs": np.abs, "sign": np.sign,
        "sigmoid": lambda x: 1 / (1 + np.exp(-x)),
    }
    with np.errstate(all="ignore"):
        for name, f in unary.items():
            x = mixed(rng, count)
            if name in ("log", "log2", "log10", "sqrt"):
                # mostly positive (the interesting domain), negatives and edges included
                x = np.where(rng.random(x.size) < 0.9, np.abs(x), x)
                x[:EDGES.size] = EDGES
            k = count // 20
            if name in ("exp", "sigmoid"):
                # where exp's result is subnormal or overflows (SVML's scalar callout)
                x[-2 * k:] = np.concatenate([rng.uniform(-746, -707, k), rng.uniform(707, 710, k)])
            if name == "log":
                # near 1 (where NumPy's non-SVML AVX-512 loop would call libm) and subnormal
                x[-2 * k:] = np.concatenate([1 + rng.uniform(-0.07, 0.07, k), np.exp2(rng.uniform(-1074, -1022, k))])
            x.tofile(os.path.join(out, name + ".x.bin"))
            np.asarray(f(x), dtype=np.float64).tofile(os.path.join(out, name + ".out.bin"))
        for name, f in {"atan2": np.arctan2, "pow": np.power}.items():
            x = mixed(rng, count)
            y = mixed(rng, count)
            if name == "pow":
                x = np.where(rng.random(x.size) < 0.8, np.abs(x) % 100, x)
                y = np.where(rng.random(y.size) < 0.8, y % 20 - 10, y)
            rng.shuffle(y)
            x.tofile(os.path.join(out, name + ".x.bin"))
            y.tofile(os.path.join(out, name + ".y.bin"))
            f(x, y).tofile(os.path.join(out, name + ".out.bin"))
        rows = count // 16
        x = rng.standard_normal((rows, 16)) * rng.uniform(0.1, 30, (rows, 1))
        e = np.exp(x - x.max(axis=-1, keepdims=True))
        x.tofile(os.path.join(out, "softmax.x.bin"))
        (e / e.sum(axis=-1, keepdims=True)).tofile(os.path.join(out, "softmax.out.bin"))
        s = x - x.max(axis=-1, keepdims=True)
        x.tofile(os.path.join(out, "logSoftmax.x.bin"))
        (s - np.log(np.exp(s).sum(axis=-1, keepdims=True))).tofile(os.path.join(out, "logSoftmax.out.bin"))


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 20261202,
         int(sys.argv[3]) if len(sys.argv) > 3 else 100_000)
