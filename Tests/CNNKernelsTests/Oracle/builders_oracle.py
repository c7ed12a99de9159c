#!/usr/bin/env python3
"""NumPy's builders and reductions on seeded random cases, where the last bit depends on
NumPy's algorithm: arange (its fill: start + i*delta), linspace, var/std (pairwise two-pass),
prod, argmin, remainder and power.

Usage: python3 builders_oracle.py [SEED]
Prints JSON {"cases": [{"kind", "args", "x"?, "y"?, "output"}]}: tensors as in
backward_oracle.py (float64 as int64 bit patterns), numbers as tensors of shape [].
"""
import json
import sys

import numpy as np

from backward_oracle import encode


def cases(seed):
    rng = np.random.default_rng(seed)
    out = []
    for _ in range(200):
        start = round(float(rng.uniform(-10, 10)), int(rng.integers(0, 4)))
        step = float(rng.choice([0.1, 0.2, 0.3, 0.25, 1 / 3, -0.1, -0.7, 1e-3, 2.5]))
        stop = start + step * float(rng.integers(0, 400)) + float(rng.uniform(-1, 1)) * step
        out.append({"kind": "arange", "args": {"start": start, "stop": stop, "step": step},
                    "output": encode(np.arange(start, stop, step))})
    for _ in range(100):
        a, b = (float(v) for v in rng.uniform(-100, 100, 2).round(int(rng.integers(0, 5))))
        n = int(rng.integers(0, 300))
        out.append({"kind": "linspace", "args": {"start": a, "stop": b, "count": n}, "output": encode(np.linspace(a, b, n))})
    for _ in range(150):
        rank = int(rng.integers(1, 4))
        shape = tuple(int(v) for v in rng.integers(1, 700 if rank == 1 else 10, rank))  # long rows: pairwise blocks
        x = rng.standard_normal(shape) * rng.uniform(0.1, 1e3)
        if rng.random() < 0.3:
            x = rng.integers(-1000, 1000, shape)
        axis = int(rng.integers(-len(shape), len(shape)))
        out.append({"kind": "var", "x": encode(x), "args": {}, "output": encode(np.var(x))})
        out.append({"kind": "std", "x": encode(x), "args": {}, "output": encode(np.std(x))})
        out.append({"kind": "varAxis", "x": encode(x), "args": {"axis": axis}, "output": encode(np.var(x, axis=axis))})
        out.append({"kind": "stdAxis", "x": encode(x), "args": {"axis": axis}, "output": encode(np.std(x, axis=axis))})
        out.append({"kind": "argmin", "x": encode(x), "args": {}, "output": encode(np.int64(np.argmin(x)))})
        small = (rng.uniform(0.5, 1.5, shape) if x.dtype == np.float64 else rng.integers(-3, 4, shape))
        out.append({"kind": "prod", "x": encode(small), "args": {}, "output": encode(np.prod(small))})
        out.append({"kind": "prodAxis", "x": encode(small), "args": {"axis": axis}, "output": encode(np.prod(small, axis=axis))})
    with np.errstate(all="ignore"):
        for _ in range(60):
            x = rng.standard_normal(50) * 10
            y = rng.standard_normal(50) * 3
            y[rng.random(50) < 0.1] = 0.0
            out.append({"kind": "remainder", "x": encode(x), "y": encode(y), "args": {}, "output": encode(np.remainder(x, y))})
            xi = rng.integers(-100, 100, 50)
            yi = rng.integers(1, 20, 50) * rng.choice([-1, 1], 50)
            out.append({"kind": "remainder", "x": encode(xi), "y": encode(yi), "args": {}, "output": encode(xi % yi)})
            bi = rng.integers(-9, 10, 50)
            ei = rng.integers(0, 12, 50)
            out.append({"kind": "power", "x": encode(bi), "y": encode(ei), "args": {}, "output": encode(np.power(bi, ei))})
    for _ in range(60):
        rank = int(rng.integers(1, 4))
        shape = [int(v) for v in rng.integers(0, 4, rank)]
        axis = int(rng.integers(-rank, rank))
        parts = []
        for _ in range(int(rng.integers(1, 4))):
            part_shape = list(shape)
            part_shape[axis] = int(rng.integers(0, 4))
            kind = rng.integers(0, 3)
            part = rng.standard_normal(part_shape) if kind == 0 else (
                rng.integers(-5, 5, part_shape) if kind == 1 else rng.random(part_shape) < 0.5)
            parts.append(part)
        out.append({"kind": "concatenate", "parts": [encode(q) for q in parts], "args": {"axis": axis},
                    "output": encode(np.concatenate(parts, axis=axis))})
        same = [rng.standard_normal(shape) for _ in range(int(rng.integers(1, 4)))]
        stack_axis = int(rng.integers(-rank - 1, rank + 1))
        out.append({"kind": "stack", "parts": [encode(q) for q in same], "args": {"axis": stack_axis},
                    "output": encode(np.stack(same, axis=stack_axis))})
        x = rng.integers(-5, 5, shape)
        out.append({"kind": "flip", "x": encode(x), "args": {"axis": axis}, "output": encode(np.flip(x, axis=axis))})
        out.append({"kind": "flipAll", "x": encode(x), "args": {}, "output": encode(np.flip(x))})
        c = rng.random(shape[-1:]) < 0.5
        y = rng.standard_normal(shape)
        out.append({"kind": "where", "x": encode(x), "y": encode(y), "parts": [encode(c)], "args": {},
                    "output": encode(np.where(c, x, y))})
        out.append({"kind": "clip", "x": encode(y), "args": {"lo": -0.5, "hi": 0.75}, "output": encode(np.clip(y, -0.5, 0.75))})
        a, b = rng.standard_normal(int(rng.integers(0, 5))), rng.integers(-3, 3, (2, int(rng.integers(1, 3))))
        out.append({"kind": "outer", "x": encode(a), "y": encode(b), "args": {}, "output": encode(np.outer(a, b))})
    return out


if __name__ == "__main__":
    seed = int(sys.argv[1]) if len(sys.argv) > 1 else 20261202
    json.dump({"seed": seed, "cases": cases(seed)}, sys.stdout)
