#!/usr/bin/env python3
"""Oracle for the CNNKernels printer tests: seeded random cases with Python's / NumPy's
exact output, as JSON on stdout.

    python3 print_oracle.py --seed 20261127 > print_oracle_fixture.json

Floats travel as 16-hex-digit IEEE bit patterns, ints as decimal strings, so nothing is
lost in JSON. Every expected string is produced here by Python 3 / NumPy itself
(repr, format, str.format, str(array), repr(array), str(a.tolist())).
Objects are encoded as {"t": kind, "v": value}; see encode().
"""
import argparse
import json
import math
import random
import struct
import sys

import numpy as np


def bits(x):
    return format(struct.unpack("<Q", struct.pack("<d", x))[0], "016x")


def from_bits(b):
    return struct.unpack("<d", struct.pack("<Q", b))[0]


def encode(obj):
    if obj is None:
        return {"t": "none"}
    if isinstance(obj, (bool, np.bool_)):
        return {"t": "bool", "v": bool(obj)}
    if isinstance(obj, int):
        return {"t": "int", "v": str(obj)}
    if isinstance(obj, float):
        return {"t": "float", "v": bits(obj)}
    if isinstance(obj, str):
        return {"t": "str", "v": obj}
    if isinstance(obj, tuple):
        return {"t": "tuple", "v": [encode(o) for o in obj]}
    if isinstance(obj, list):
        return {"t": "list", "v": [encode(o) for o in obj]}
    if isinstance(obj, dict):
        return {"t": "dict", "v": [[k, encode(v)] for k, v in obj.items()]}
    if isinstance(obj, np.ndarray):
        flat = obj.ravel().tolist()
        if obj.dtype == np.float64:
            data = [bits(x) for x in flat]
        elif obj.dtype == np.int64:
            data = [str(x) for x in flat]
        else:
            data = [bool(x) for x in flat]
        return {"t": "array", "dtype": str(obj.dtype), "shape": list(obj.shape), "v": data}
    raise TypeError(type(obj))


def outcome(fn):
    try:
        return {"out": fn()}
    except Exception as e:  # the message is part of the contract
        return {"error": type(e).__name__, "message": str(e)}


class Gen:
    def __init__(self, seed):
        self.r = random.Random(seed)

    # ---- floats -------------------------------------------------------------
    def special_floats(self):
        out = [0.0, -0.0, math.inf, -math.inf, math.nan, 5e-324, -5e-324, 2.2250738585072014e-308,
               2.225073858507201e-308, 1.7976931348623157e308, 1e16, 1e15, 9999999999999998.0, 1e-4,
               9.999999999999999e-05, 1e-5, 1e22, 1e23, 0.1, 0.2, 0.30000000000000004, 1.5, 2.5, 0.125,
               0.375, 2.675, 1.005, 0.5, 123456789012345.0, 1234567890123456.0, 12345678901234567.0,
               1.5e-07, 0.852, 0.874, -0.687, 1.024, 86017.0, 38535424.0]
        out += [2.0 ** k for k in range(-1074, 1024, 37)]
        out += [10.0 ** k for k in range(-323, 309, 23)]
        return out

    def random_float(self):
        r = self.r
        pick = r.random()
        if pick < 0.30:
            while True:
                x = from_bits(r.getrandbits(64))
                if not math.isnan(x):
                    return x
        if pick < 0.55:
            digits = r.randint(1, 17)
            x = float(f"{r.random():.{digits}f}") * 10.0 ** r.randint(-25, 25)
            return -x if r.random() < 0.3 else x
        if pick < 0.70:
            x = float(r.randint(0, 2 ** r.randint(1, 62)))
            return -x if r.random() < 0.3 else x
        if pick < 0.80:
            x = from_bits(r.getrandbits(52))  # subnormal
            return -x if r.random() < 0.5 else x
        if pick < 0.92:
            # decimal ties and near-ties: k + d/2^j
            x = r.randint(0, 1000) + r.randint(0, 2 ** 10) / 2 ** r.randint(1, 10)
            return -x if r.random() < 0.3 else x
        return r.choice(self.special_floats())

    # ---- format specs -------------------------------------------------------
    def spec(self, types):
        r = self.r
        s = ""
        if r.random() < 0.4:
            if r.random() < 0.5:
                s += r.choice(" *0_x<#é")
            s += r.choice("<>=^")
        if r.random() < 0.4:
            s += r.choice("+- ")
        if r.random() < 0.07:
            s += "z"
        if r.random() < 0.1:
            s += "#"
        if r.random() < 0.15:
            s += "0"
        if r.random() < 0.5:
            s += str(r.randint(0, 25))
        if r.random() < 0.25:
            s += r.choice([",", "_"])
        if r.random() < 0.5:
            s += "." + str(r.choice([r.randint(0, 20), r.randint(0, 60)]))
        if r.random() < 0.85:
            s += r.choice(types)
        if r.random() < 0.03:
            s += r.choice(["xx", ".", ",_", "_,", ",,", "!"])
        return s

    def random_string(self):
        r = self.r
        pool = ["conv", "pool 2x2", "", "a", "it's", 'say "hi"', "both ' and \"", "tab\there", "new\nline",
                "back\\slash", "é", "naïve", "Ω", "中文", "😀", "\x00\x1f\x7f", "\xa0", "\u200b", "\u2028",
                "caf\u00e9", "bell\a", "\r", "mixed 'q' \"d\" \\"]
        return r.choice(pool)

    def random_int(self):
        r = self.r
        pick = r.random()
        if pick < 0.5:
            x = r.randint(0, 1000)
        elif pick < 0.9:
            x = r.randint(0, 2 ** r.randint(1, 62))
        else:
            x = r.choice([0, 1, 2 ** 63 - 1, -(2 ** 63), 65, 0x10FFFF, 0x110000, 38535424])
        return -x if r.random() < 0.3 and x > -(2 ** 63) else x

    # ---- arrays -------------------------------------------------------------
    def random_shape(self, big=False):
        r = self.r
        if big:
            return r.choice([(1001,), (r.randint(1001, 2000),), (40, 30), (11, 10, 10), (3, 4, 5, 20),
                             (2, 501), (1, 1, 1200), (7, 200), (1002, 1)])
        ndim = r.randint(1, 4)
        return tuple(r.randint(1 if r.random() < 0.95 else 0, [0, 12, 6, 4, 3][ndim]) for _ in range(ndim))

    def float_array(self, shape):
        r = self.r
        n = int(np.prod(shape))
        style = r.randrange(13)
        if style == 0:
            data = [round(r.random(), 3) for _ in range(n)]
        elif style == 1:
            k = r.randint(-12, 12)
            data = [r.gauss(0, 1) * 10.0 ** k for _ in range(n)]
        elif style == 2:
            data = [r.gauss(0, 1) * 10.0 ** r.randint(-6, 9) for _ in range(n)]
        elif style == 3:
            data = [float(r.randint(-1000, 1000)) for _ in range(n)]
        elif style == 4:
            data = [r.choice([0.0, -0.0, 1.5, -2.25, math.nan, math.inf, -math.inf, r.random()]) for _ in range(n)]
        elif style == 5:
            data = [self.random_float() for _ in range(n)]
            data = [x for x in data if not math.isnan(x)] or [0.0]
            data = (data * n)[:n]
        elif style == 6:
            data = [round(r.uniform(-2, 2), r.randint(0, 10)) for _ in range(n)]
        elif style == 7:
            data = [r.random() * 10.0 ** r.randint(-3, 3) for _ in range(n)]
        elif style == 8:
            data = [0.0] * n
        elif style == 9:
            data = [r.choice([math.nan, math.inf]) for _ in range(n)]
        elif style == 10:
            data = [float(f"{r.random():.{r.randint(1, 9)}f}") * r.choice([1, 10, 100, 1e4, 1e7]) for _ in range(n)]
        elif style == 11:
            # powers of two (unequal rounding margins) beside longer values
            data = [r.choice([1, -1]) * 2.0 ** r.randint(-60, 60) if r.random() < 0.6 else r.gauss(0, 1) * 10.0 ** r.randint(-9, 9)
                    for _ in range(n)]
        else:
            k = r.randint(-5, 5)
            data = [2.0 ** (k + r.randint(-3, 3)) for _ in range(n)]
        return np.array(data, dtype=np.float64).reshape(shape)

    def int_array(self, shape):
        r = self.r
        n = int(np.prod(shape))
        k = r.randint(1, 62)
        return np.array([r.randint(-(2 ** k), 2 ** k) if r.random() < 0.5 else r.randint(0, 9) for _ in range(n)],
                        dtype=np.int64).reshape(shape)

    def bool_array(self, shape):
        n = int(np.prod(shape))
        return np.array([self.r.random() < 0.5 for _ in range(n)], dtype=bool).reshape(shape)

    def random_array(self, big=False):
        r = self.r
        if r.random() < 0.03:
            return np.array(self.random_float())
        shape = self.random_shape(big)
        kind = r.random()
        if kind < 0.7:
            return self.float_array(shape)
        if kind < 0.87:
            return self.int_array(shape)
        return self.bool_array(shape)

    def random_object(self, depth=0):
        r = self.r
        pick = r.random()
        if depth < 2 and pick < 0.25:
            maker = r.choice([list, tuple, "dict"])
            items = [self.random_object(depth + 1) for _ in range(r.randint(0, 3))]
            if maker == "dict":
                return {self.random_string(): v for v in items}
            return maker(items)
        if pick < 0.45:
            return self.random_float()
        if pick < 0.6:
            return self.random_int()
        if pick < 0.75:
            return self.random_string()
        if pick < 0.8:
            return r.choice([True, False, None])
        if pick < 0.85:
            return self.random_array() if r.random() < 0.5 else np.array(self.random_float())
        return r.choice([(1,), (), (1, 2), [(1, 1), (1, 2)], [-0.114, 2.112, -1.146]])


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seed", type=int, default=20261127)
    parser.add_argument("--scale", type=float, default=1.0)
    args = parser.parse_args()
    g = Gen(args.seed)
    r = g.r
    n = lambda k: max(1, int(k * args.scale))

    floats = g.special_floats() + [g.random_float() for _ in range(n(1000))]
    reprs = [{"v": bits(x), "repr": repr(x), "str": str(x)} for x in floats]

    formats = []
    float_types = list("eEfFgGn%") * 3 + [""] * 8 + ["d", "s", "x", "c"]
    int_types = list("bcdoxXn") * 2 + [""] * 5 + list("eEfFgG%") + ["s"]
    for _ in range(n(800)):
        x = g.random_float()
        s = g.spec(float_types)
        formats.append({"value": encode(x), "spec": s, **outcome(lambda: format(x, s))})
    for _ in range(n(500)):
        x = g.random_int()
        s = g.spec(int_types)
        formats.append({"value": encode(x), "spec": s, **outcome(lambda: format(x, s))})
    for _ in range(n(100)):
        x = g.random_string()
        s = g.spec(["s", "", "d"])
        formats.append({"value": encode(x), "spec": s, **outcome(lambda: format(x, s))})
    for _ in range(n(60)):
        x = r.choice([True, False, None, (1,), [1, 2], {"a": 1}, np.array([1.0, 2.0]), np.array(2.5),
                      np.array(7), np.array(True)])
        s = r.choice(["", "s", ">5", "d", ".2f", "x"])
        formats.append({"value": encode(x), "spec": s, **outcome(lambda: format(x, s))})

    dragon4 = []
    for _ in range(n(600)):
        x = g.random_float() if r.random() < 0.7 else r.choice([1, -1]) * 2.0 ** r.randint(-70, 70)
        if not math.isfinite(x):
            continue
        case = {"v": bits(x), "scientific": r.random() < 0.5, "unique": r.random() < 0.7,
                "precision": r.randint(0, 20), "trim": r.choice("k.0-"), "sign": r.random() < 0.2,
                "pad_left": r.choice([-1, -1, r.randint(0, 8)]), "pad": r.choice([-1, -1, r.randint(0, 12)])}
        case["min_digits"] = r.choice([-1, r.randint(0, case["precision"])]) if case["unique"] else -1
        opt = lambda v: None if v < 0 else v
        if case["scientific"]:
            out = np.format_float_scientific(x, precision=case["precision"], unique=case["unique"], trim=case["trim"],
                                             sign=case["sign"], pad_left=opt(case["pad_left"]),
                                             exp_digits=opt(case["pad"]), min_digits=opt(case["min_digits"]))
        else:
            out = np.format_float_positional(x, precision=case["precision"], unique=case["unique"], fractional=True,
                                             trim=case["trim"], sign=case["sign"], pad_left=opt(case["pad_left"]),
                                             pad_right=opt(case["pad"]), min_digits=opt(case["min_digits"]))
        case["out"] = out
        dragon4.append(case)

    arrays = []
    for i in range(n(500)):
        a = g.random_array(big=(i % 25 == 0))
        arrays.append({"value": encode(a), "str": str(a), "repr": repr(a)})
    for shape in [(0,), (2, 0), (0, 3, 1), ()]:
        a = np.zeros(shape) if shape else np.array(-0.0)
        arrays.append({"value": encode(a), "str": str(a), "repr": repr(a)})

    objects = []
    for _ in range(n(250)):
        o = g.random_object()
        objects.append({"value": encode(o), "str": str(o), "repr": repr(o)})

    tolists = []
    for _ in range(n(60)):
        a = g.random_array() if r.random() < 0.9 else np.array(g.random_float())
        tolists.append({"value": encode(a), "str": str(a.tolist())})

    templates = []
    names = ["name", "field", "jump", "x", "value"]
    for _ in range(n(150)):
        fields = {k: g.random_object(depth=2) for k in names[: r.randint(1, 5)]}
        parts = []
        for _ in range(r.randint(1, 4)):
            piece = r.random()
            if piece < 0.25:
                parts.append(r.choice(["text ", " = ", "{{", "}}", "x:", "", "é"]))
            else:
                name = r.choice(list(fields)) if r.random() < 0.95 else "missing"
                conv = r.choice(["", "", "", "!r", "!s"])
                value = fields.get(name)
                if isinstance(value, float):
                    spec = g.spec(list("efg%") + [""])
                elif isinstance(value, bool) or isinstance(value, int):
                    spec = g.spec(list("dx") + [""])
                else:
                    spec = r.choice(["", "", ">12", "<6", "^9", "s"])
                if conv:
                    spec = r.choice(["", ">10", "<5"])
                parts.append("{" + name + conv + (":" + spec if spec else "") + "}")
        if r.random() < 0.05:
            parts.append(r.choice(["}", "{", "{x!q}", "{x!}"]))
        template = "".join(parts)
        templates.append({"template": template, "fields": [[k, encode(v)] for k, v in fields.items()],
                          **outcome(lambda: template.format(**fields))})

    json.dump({"seed": args.seed, "python": sys.version.split()[0], "numpy": np.__version__,
               "reprs": reprs, "dragon4": dragon4, "formats": formats, "arrays": arrays, "objects": objects,
               "tolists": tolists, "templates": templates}, sys.stdout, ensure_ascii=True)


if __name__ == "__main__":
    main()
