#!/usr/bin/env python3
"""The NumPy side of benchmarks/kernels.sh: the same work as Benchmarks/KernelBench, vectorized.

conv2d: im2col via sliding_window_view + tensordot (single-threaded BLAS);
max pooling 2x2: reshape to windows, argmax for the winners, take the values.
Output lines: `bench <name> median_ms=<ms> reps=<n>`.
"""
import os
import sys

for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[var] = "1"

import time  # noqa: E402

import numpy as np  # noqa: E402
from numpy.lib.stride_tricks import sliding_window_view  # noqa: E402


def conv2d(x, w, b, stride, padding):
    xp = np.pad(x, ((0, 0), (0, 0), (padding, padding), (padding, padding)))
    k = w.shape[-1]
    windows = sliding_window_view(xp, (k, k), axis=(2, 3))[:, :, ::stride, ::stride]
    # windows: N, C, Ho, Wo, K, K ; w: F, C, K, K  ->  N, Ho, Wo, F
    out = np.tensordot(windows, w, axes=([1, 4, 5], [1, 2, 3]))
    return out.transpose(0, 3, 1, 2) + b[None, :, None, None]


def maxpool_winners(x, size):
    c, h, w = x.shape
    ho, wo = h // size, w // size
    blocks = x[:, :ho * size, :wo * size].reshape(c, ho, size, wo, size).transpose(0, 1, 3, 2, 4).reshape(c, ho, wo, size * size)
    local = blocks.argmax(axis=-1)
    values = np.take_along_axis(blocks, local[..., None], axis=-1)[..., 0]
    rows = np.arange(ho)[None, :, None] * size + local // size
    cols = np.arange(wo)[None, None, :] * size + local % size
    return values, rows, cols


def bench(name, reps, fn):
    fn()
    times = []
    for _ in range(reps):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1e3)
    print(f"bench {name} median_ms={float(np.median(times))} reps={reps}")


def main():
    reps = int(sys.argv[1]) if len(sys.argv) > 1 else 11
    rng = np.random.default_rng(0)
    image = rng.uniform(-1, 1, (1, 3, 224, 224))
    filters = rng.uniform(-1, 1, (16, 3, 3, 3))
    bias = rng.uniform(-1, 1, 16)
    maps = rng.uniform(-1, 1, (16, 224, 224))
    bench("conv2d_stride1", reps, lambda: conv2d(image, filters, bias, 1, 1))
    bench("conv2d_stride2", reps, lambda: conv2d(image, filters, bias, 2, 1))
    bench("maxpool2x2_winners", reps, lambda: maxpool_winners(maps, 2))
    try:
        from threadpoolctl import threadpool_info
        for pool in threadpool_info():
            print(f"blas {pool.get('internal_api')} {pool.get('version')} core={pool.get('architecture')} threads={pool.get('num_threads')}")
    except ImportError:
        print("blas threadpoolctl not installed")


if __name__ == "__main__":
    main()
