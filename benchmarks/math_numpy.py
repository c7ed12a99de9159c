#!/usr/bin/env python3
"""np.exp, np.log and np.tanh on 1e6 float64 inputs, timed like benchmarks/MathBench.

Usage: python3 math_numpy.py [REPS]. Prints `bench <name>_numpy median_ms=<ms> reps=<n>`.
The inputs have the same ranges as the Swift side (uniform, seeded), not the same values;
the work per element does not depend on them.
"""
import sys
import time

import numpy as np


def bench(name, reps, f, x):
    out = np.empty_like(x)
    f(x, out=out)
    times = []
    for _ in range(reps):
        t = time.perf_counter()
        f(x, out=out)
        times.append((time.perf_counter() - t) * 1e3)
    times.sort()
    print(f"bench {name}_numpy median_ms={times[reps // 2]} reps={reps}")


reps = int(sys.argv[1]) if len(sys.argv) > 1 else 11
rng = np.random.default_rng(1)
bench("exp", reps, np.exp, rng.uniform(-50, 50, 1_000_000))
bench("log", reps, np.log, rng.uniform(0, 1000, 1_000_000))
bench("tanh", reps, np.tanh, rng.uniform(-5, 5, 1_000_000))
