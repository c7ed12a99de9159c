#!/usr/bin/env bash
# Builds math-bench in release mode and times NumPyMath's ported exp, log and tanh against the
# C library's (the baseline, in the same run) on 1e6 doubles, with NumPy's vectorized loops for
# context. Prints medians (ms) and ported/libm (above 1: the port is slower than libm).
set -euo pipefail
cd "$(dirname "$0")/.."
reps="${1:-11}"
swift build -c release --product math-bench >/dev/null 2>&1
bin="$(swift build -c release --show-bin-path)/math-bench"
swift_out="$("$bin" "$reps")"
numpy_out="$(python3 benchmarks/math_numpy.py "$reps")"
echo "$swift_out" | grep '^check'
printf '%-6s %12s %12s %12s %14s\n' func libm_ms ported_ms numpy_ms ported/libm
for f in exp log tanh; do
    l="$(echo "$swift_out" | sed -n "s/^bench ${f}_libm median_ms=\([0-9.e+-]*\).*/\1/p")"
    p="$(echo "$swift_out" | sed -n "s/^bench ${f}_ported median_ms=\([0-9.e+-]*\).*/\1/p")"
    n="$(echo "$numpy_out" | sed -n "s/^bench ${f}_numpy median_ms=\([0-9.e+-]*\).*/\1/p")"
    printf '%-6s %12.3f %12.3f %12.3f %14s\n' "$f" "$l" "$p" "$n" "$(python3 -c "print(f'{$p / $l:.2f}')")"
done
