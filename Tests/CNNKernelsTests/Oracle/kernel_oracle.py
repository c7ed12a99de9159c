#!/usr/bin/env python3
"""NumPy oracle for the CNNKernels tests.

Generates seeded random cases (conv2d, pooling with ties, sums over the sizes where NumPy's
pairwise summation changes shape, axis sums, means, rounding with ties, broadcasting
arithmetic, matmul, extrema, padding, allclose, window responses, coverage) and prints each
case's inputs and NumPy's answer as JSON. Floats travel as their IEEE-754 bit patterns
(signed int64), so nothing is lost. Large 1-D inputs travel as a splitmix64 seed that the
Swift test expands the same way (`lcg` tensors).

    python3 kernel_oracle.py --seed 7 --cases 600            # JSON on stdout
    python3 kernel_oracle.py --seed 7 --cases 600 --write    # refresh kernel_cases.json
"""
import argparse
import json
import os
import struct

import numpy as np

MASK = (1 << 64) - 1


def bits(x):
    return struct.unpack('<q', struct.pack('<d', float(x)))[0]


def enc(a):
    a = np.asarray(a)
    if a.dtype == np.float64:
        data = [bits(v) for v in a.ravel().tolist()]
        return {"dtype": "float64", "shape": list(a.shape), "data": data}
    if a.dtype == np.bool_:
        return {"dtype": "bool", "shape": list(a.shape), "data": [bool(v) for v in a.ravel().tolist()]}
    return {"dtype": "int64", "shape": list(a.shape), "data": [int(v) for v in a.ravel().tolist()]}


def splitmix(seed, n):
    """n doubles from splitmix64: (z >> 11) - 2**52, scaled by 2**-40 (all exact)."""
    out = []
    state = seed & MASK
    for _ in range(n):
        state = (state + 0x9E3779B97F4A7C15) & MASK
        z = state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        z = z ^ (z >> 31)
        out.append(float((z >> 11) - (1 << 52)) * 2.0 ** -40)
    return np.array(out, dtype=np.float64)


def lcg_tensor(seed, n, scale=1.0):
    """splitmix(seed, n) * scale, sent as the seed and the scale's bits."""
    return {"dtype": "float64", "shape": [n], "lcg": seed, "scale": bits(scale)}


def rand_floats(rng, shape, specials=False):
    scale = rng.choice([1.0, 1e-3, 1e3])
    a = rng.standard_normal(shape) * scale
    if specials and a.size:
        flat = a.reshape(-1)
        for _ in range(int(rng.integers(0, 3))):
            flat[rng.integers(0, flat.size)] = rng.choice([0.0, -0.0, 0.5, -1.25])
    return a


def conv_case(rng, medium=False):
    while True:
        if medium:
            c = int(rng.choice([9, 16, 20]))
            kh = kw = 3
            h, w = int(rng.integers(3, 9)), int(rng.integers(3, 11))
        else:
            c = int(rng.integers(1, 4))
            kh, kw = int(rng.integers(1, 5)), int(rng.integers(1, 5))
            h, w = int(rng.integers(1, 13)), int(rng.integers(1, 13))
        s, p, d = int(rng.integers(1, 4)), int(rng.integers(0, 3)), int(rng.choice([1, 1, 2]))
        eh, ew = d * (kh - 1) + 1, d * (kw - 1) + 1
        if eh <= h + 2 * p and ew <= w + 2 * p:
            break
    layout = rng.choice(["2d", "3d", "4d"]) if c == 1 else rng.choice(["3d", "4d"])
    f = int(rng.integers(1, 4)) if layout == "4d" else 1
    x = rand_floats(rng, (c, h, w), specials=True)
    k = rand_floats(rng, (f, c, kh, kw), specials=True)
    b = rng.standard_normal(f) if rng.random() < 0.5 else None
    xp = np.pad(x, ((0, 0), (p, p), (p, p)))
    ho, wo = (h + 2 * p - eh) // s + 1, (w + 2 * p - ew) // s + 1
    out = np.empty((f, ho, wo))
    for fi in range(f):
        for r in range(ho):
            for col in range(wo):
                window = xp[:, r * s:r * s + eh:d, col * s:col * s + ew:d]
                value = np.sum(window * k[fi])
                out[fi, r, col] = value + b[fi] if b is not None else value
    if layout == "2d":
        xin, kin, expect = x[0], k[0, 0], out[0]
    elif layout == "3d":
        xin, kin, expect = x, k[0], out[0]
    else:
        xin, kin, expect = x, k, out
    return {"op": "conv2d", "input": enc(xin), "kernel": enc(kin), "stride": s, "padding": p,
            "dilation": d, "bias": enc(b) if b is not None else None, "expect": enc(expect)}


def pool_case(rng, kind):
    three = rng.random() < 0.3
    size = int(rng.integers(1, 4))
    stride = None if rng.random() < 0.4 else int(rng.integers(1, 4))
    step = stride or size
    h, w = int(rng.integers(size, 10)), int(rng.integers(size, 10))
    c = int(rng.integers(1, 4)) if three else 1
    if kind == "max" and rng.random() < 0.7:
        x = rng.integers(0, 3, (c, h, w)).astype(np.float64) / 2  # many ties
        if rng.random() < 0.2:
            x[0, rng.integers(0, h), rng.integers(0, w)] = np.nan
    elif rng.random() < 0.2:
        x = rng.integers(-5, 6, (c, h, w))
    else:
        x = rand_floats(rng, (c, h, w))
    ho, wo = (h - size) // step + 1, (w - size) // step + 1
    values = np.empty((c, ho, wo), dtype=x.dtype if kind == "max" else np.float64)
    winners = []
    for ch in range(c):
        for r in range(ho):
            for col in range(wo):
                block = x[ch, r * step:r * step + size, col * step:col * step + size]
                if kind == "max":
                    lr, lc = np.unravel_index(np.argmax(block), block.shape)
                    values[ch, r, col] = block[lr, lc]
                    winners.append([int(r * step + lr), int(col * step + lc)])
                else:
                    values[ch, r, col] = np.mean(block)
    xin, expect = (x, values) if three else (x[0], values[0])
    case = {"op": kind + "pool", "input": enc(xin), "size": size, "stride": stride, "expect": enc(expect)}
    if kind == "max":
        case["winners"] = winners
    return case


def random_shape(rng, rank=None):
    rank = int(rng.integers(1, 4)) if rank is None else rank
    return tuple(int(rng.integers(1, 7)) for _ in range(rank))


def broadcast_partner(rng, shape):
    other = list(shape[int(rng.integers(0, len(shape) + 1)):])
    return tuple(1 if rng.random() < 0.3 else e for e in other)


def typed(rng, shape, dtype):
    if dtype == "float64":
        return rand_floats(rng, shape, specials=True)
    if dtype == "int64":
        return rng.integers(-50, 50, shape)
    return rng.random(shape) < 0.5


def build(seed, count):
    rng = np.random.default_rng(seed)
    cases = []
    scale = max(1, count // 600)
    # Whole-array sums across the pairwise block boundaries (large ones as lcg tensors).
    for n in [1, 2, 7, 8, 9, 15, 16, 17, 127, 128, 129, 255, 256, 1000, 8191, 8192, 8193, 20000, 100000]:
        for rep in range(2):
            s = int(rng.integers(0, 2 ** 62))
            x = splitmix(s, n)
            cases.append({"op": "sum", "input": lcg_tensor(s, n), "expect": enc(np.array(np.sum(x)))})
            cases.append({"op": "mean", "input": lcg_tensor(s, n), "expect": enc(np.array(np.mean(x)))})
    for _ in range(30 * scale):
        shape = (130, 130, 130)
        while np.prod(shape) > 3000:
            shape = tuple(int(v) for v in rng.choice([1, 2, 3, 7, 9, 40, 130], size=int(rng.integers(1, 4))))
        dtype = rng.choice(["float64", "float64", "int64", "bool"])
        x = typed(rng, shape, dtype)
        if dtype == "float64" and rng.random() < 0.15:
            x.reshape(-1)[rng.integers(0, x.size)] = np.nan  # NaN propagates through max/min/argmax
        axis = int(rng.integers(-len(shape), len(shape)))
        cases.append({"op": "sum_axis", "input": enc(x), "axis": axis, "expect": enc(np.sum(x, axis=axis))})
        cases.append({"op": "mean_axis", "input": enc(x), "axis": axis, "expect": enc(np.mean(x, axis=axis))})
        cases.append({"op": "sum", "input": enc(x), "expect": enc(np.array(np.sum(x)))})
        cases.append({"op": "mean", "input": enc(x), "expect": enc(np.array(np.mean(x)))})
        for red in ("max", "min", "argmax"):
            value = getattr(np, red)(x)
            cases.append({"op": red, "input": enc(x), "expect": enc(np.array(value))})
        axis_red = rng.choice(["max", "min"])
        cases.append({"op": axis_red + "_axis", "input": enc(x), "axis": axis,
                      "expect": enc(getattr(np, axis_red)(x, axis=axis))})
    # Rounding: random values, exact ties and classic near-ties.
    ties = np.array([0.125, 2.675, 0.8515, 2.5, 0.5, 1.5, -0.5, -2.5, 0.375, 1.005, 0.045, 1234.5, -0.0, 1e300, 5e-324, 0.0005])
    for _ in range(40 * scale):
        x = rng.standard_normal(12) * 10.0 ** int(rng.integers(-4, 7))
        x[:4] = rng.choice(ties, 4)
        n = int(rng.integers(-3, 9))
        cases.append({"op": "round", "input": enc(x), "decimals": n, "expect": enc(np.round(x, n))})
    # Many values at once: splitmix doubles times an awkward scale, every decimals from -2 to 8.
    for n in range(-2, 9):
        s = int(rng.integers(0, 2 ** 62))
        factor = float(rng.choice([1e-3, 0.37, 3.3e-5, 1.7]))
        x = splitmix(s, 1500) * factor
        cases.append({"op": "round", "input": lcg_tensor(s, 1500, factor), "decimals": n, "expect": enc(np.round(x, n))})
    for _ in range(8 * scale):
        x = rng.integers(-1000, 1000, 10)
        x[:3] = [15, 25, -35]
        n = int(rng.integers(-3, 2))
        cases.append({"op": "round", "input": enc(x), "decimals": n, "expect": enc(np.round(x, n))})
    # Broadcasting arithmetic and comparisons over dtype pairs.
    for _ in range(60 * scale):
        shape = random_shape(rng)
        other = broadcast_partner(rng, shape)
        if rng.random() < 0.5:
            shape, other = other, shape
        da, db = rng.choice(["float64", "int64", "bool"], 2)
        a, b = typed(rng, shape, da), typed(rng, other, db)
        op = rng.choice(["+", "-", "*", "/"])
        if op == "-" and da == "bool" and db == "bool":
            op = "+"
        with np.errstate(all="ignore"):
            result = {"+": np.add, "-": np.subtract, "*": np.multiply, "/": np.true_divide}[op](a, b)
        cases.append({"op": "arith", "operator": op, "a": enc(a), "b": enc(b), "expect": enc(result)})
        cmp = rng.choice(["==", "!=", "<", "<=", ">", ">="])
        fn = {"==": np.equal, "!=": np.not_equal, "<": np.less, "<=": np.less_equal, ">": np.greater, ">=": np.greater_equal}[cmp]
        cases.append({"op": "compare", "operator": cmp, "a": enc(a), "b": enc(b), "expect": enc(fn(a, b))})
        which = rng.choice(["maximum", "minimum"])
        a2 = a.copy()
        if a2.dtype == np.float64 and a2.size and rng.random() < 0.3:
            a2.reshape(-1)[0] = np.nan
        cases.append({"op": which, "a": enc(a2), "b": enc(b), "expect": enc(getattr(np, which)(a2, b))})
    # Matmul: exact for inner size 1, BLAS (fused, blocked) beyond.
    for _ in range(30 * scale):
        n, k, m = (int(v) for v in rng.integers(1, 7, 3))
        if rng.random() < 0.3:
            k = 1
        forms = [((n, k), (k, m)), ((k,), (k, m)), ((n, k), (k,)), ((k,), (k,))]
        sa, sb = forms[int(rng.integers(0, 4))]
        if rng.random() < 0.25:
            a, b = rng.integers(-9, 9, sa), rng.integers(-9, 9, sb)
        else:
            a, b = rng.standard_normal(sa), rng.standard_normal(sb)
        cases.append({"op": "matmul", "a": enc(a), "b": enc(b), "expect": enc(np.asarray(a @ b)), "exact": k == 1})
    # allclose with values near the tolerance edge.
    for _ in range(20 * scale):
        shape = random_shape(rng)
        b = rand_floats(rng, shape)
        a = b + rng.standard_normal(shape) * rng.choice([1e-9, 1e-6, 1e-4]) * np.abs(b).max()
        rtol, atol = float(rng.choice([1e-5, 1e-3])), float(rng.choice([1e-8, 1e-4]))
        cases.append({"op": "allclose", "a": enc(a), "b": enc(b), "rtol": bits(rtol), "atol": bits(atol),
                      "expect": bool(np.allclose(a, b, rtol=rtol, atol=atol))})
    # Padding and shape operations.
    for _ in range(10 * scale):
        x = typed(rng, random_shape(rng), rng.choice(["float64", "int64"]))
        width = int(rng.integers(0, 3))
        cases.append({"op": "pad", "input": enc(x), "width": width, "expect": enc(np.pad(x, width))})
        cases.append({"op": "transpose", "input": enc(x), "expect": enc(np.ascontiguousarray(x.T))})
    # Basic indexing: positions (negative from the end) and clamped half-open ranges.
    for _ in range(40 * scale):
        shape = random_shape(rng)
        x = typed(rng, shape, rng.choice(["float64", "int64", "bool"]))
        indices, key = [], []
        for extent in shape[:int(rng.integers(0, len(shape) + 1))]:
            if rng.random() < 0.4:
                p = int(rng.integers(-extent, extent))
                indices.append(["p", p])
                key.append(p)
            else:
                lo = None if rng.random() < 0.3 else int(rng.integers(-extent - 2, extent + 3))
                hi = None if rng.random() < 0.3 else int(rng.integers(-extent - 2, extent + 3))
                indices.append(["r", lo, hi])
                key.append(slice(lo, hi))
        cases.append({"op": "index", "input": enc(x), "indices": indices, "expect": enc(np.array(x[tuple(key)]))})
        if x.dtype == np.bool_:
            cases.append({"op": "not", "input": enc(x), "expect": enc(np.logical_not(x))})
        else:
            cases.append({"op": "negative", "input": enc(x), "expect": enc(np.negative(x))})
    # relu = np.maximum(x, 0.0) (ints keep their dtype), reshape with an inferred extent.
    for _ in range(15 * scale):
        x = rand_floats(rng, random_shape(rng), specials=True)
        x.reshape(-1)[0] = rng.choice([np.nan, -0.0, 0.0, -1.0])
        cases.append({"op": "relu", "input": enc(x), "expect": enc(np.maximum(x, 0.0))})
        xi = rng.integers(-5, 5, random_shape(rng))
        cases.append({"op": "relu", "input": enc(xi), "expect": enc(np.maximum(xi, 0))})
        target = [int(v) for v in rng.permutation(list(x.shape))]
        target[int(rng.integers(0, len(target)))] = -1
        cases.append({"op": "reshape", "input": enc(x), "shape": target, "expect": enc(x.reshape(target))})
    # The seed's window response and pixel coverage.
    for _ in range(10 * scale):
        h, w, k, p = int(rng.integers(1, 8)), int(rng.integers(1, 8)), int(rng.integers(1, 4)), int(rng.integers(0, 3))
        if k > h + 2 * p or k > w + 2 * p:
            continue
        image = rand_floats(rng, (h, w))
        padded = np.pad(image, p)
        total = 0.0
        for r in range(padded.shape[0] - k + 1):
            for c in range(padded.shape[1] - k + 1):
                total += np.sum(padded[r:r + k, c:c + k] * np.ones((k, k)))
        cases.append({"op": "window_response", "input": enc(image), "kernel": k, "padding": p,
                      "expect": enc(np.array(total))})
        seen = np.zeros((h + 2 * p, w + 2 * p), dtype=np.int64)
        for r in range(h + 2 * p - k + 1):
            for c in range(w + 2 * p - k + 1):
                seen[r:r + k, c:c + k] += 1
        cases.append({"op": "coverage", "height": h, "width": w, "kernel": k, "padding": p,
                      "expect": enc(seen[p:p + h, p:p + w])})
    for _ in range(60 * scale):
        cases.append(pool_case(rng, "max"))
    for _ in range(25 * scale):
        cases.append(pool_case(rng, "avg"))
    for i in range(200 * scale):
        cases.append(conv_case(rng, medium=(i % 25 == 0)))
    return cases


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=20261127)
    parser.add_argument("--cases", type=int, default=600, help="scale: about this many cases or more")
    parser.add_argument("--write", action="store_true", help="write kernel_cases.json beside this script")
    args = parser.parse_args()
    doc = {"seed": args.seed, "numpy": np.__version__, "cases": build(args.seed, args.cases)}
    text = json.dumps(doc, separators=(",", ":"))
    if args.write:
        path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "kernel_cases.json")
        with open(path, "w") as f:
            f.write(text + "\n")
        print(f"wrote {len(doc['cases'])} cases to {path}")
    else:
        print(text)


if __name__ == "__main__":
    main()
