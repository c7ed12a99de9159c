#!/usr/bin/env bash
# Builds the kernel benchmark in release mode, runs it and the NumPy equivalent in one go,
# and prints a table of medians (ms) and ratios (NumPy / Swift; above 1 means Swift is faster).
# OPENBLAS_CORETYPE/OPENBLAS_L2_SIZE are unset for the NumPy run only, so a current OpenBLAS
# picks its native kernel (see the machine notes); the NumPy script pins BLAS to one thread.
set -euo pipefail
cd "$(dirname "$0")/.."
reps="${1:-11}"
swift build -c release --product kernel-bench >/dev/null 2>&1
bin="$(swift build -c release --show-bin-path)/kernel-bench"
swift_out="$("$bin" "$reps")"
numpy_out="$(env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE python3 benchmarks/kernels_numpy.py "$reps")"
echo "$swift_out" | grep '^selfcheck' || true
echo "$numpy_out" | grep '^blas' || true
printf '%-22s %12s %12s %10s\n' benchmark "swift_ms" "numpy_ms" "numpy/swift"
for name in conv2d_stride1 conv2d_stride2 maxpool2x2_winners; do
    s="$(echo "$swift_out" | sed -n "s/^bench $name median_ms=\([0-9.e+-]*\).*/\1/p")"
    n="$(echo "$numpy_out" | sed -n "s/^bench $name median_ms=\([0-9.e+-]*\).*/\1/p")"
    ratio="$(python3 -c "print(f'{$n / $s:.2f}')")"
    printf '%-22s %12.3f %12.3f %10s\n' "$name" "$s" "$n" "$ratio"
done
