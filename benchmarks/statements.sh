#!/usr/bin/env bash
# Statement-heavy lessons: whole-process time of lessonbuild (release) on an {eval} block of N
# `let` lines, beside the cmark-gfm command on the same file, as medians of RUNS runs (wall and CPU).
#
#   benchmarks/statements.sh            (RUNS=11; LESSONBUILD=path skips the release build)
#
# 9,000 lets must build in under 0.2 s (issue 8: locating statements used to rescan the block per
# statement, 96% of the time); 40,000 exceed the statement limit and must be rejected in well
# under a second (issue 13).
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-11}
OUT=benchmarks/out/statements
command -v cmark-gfm >/dev/null || { echo "statements.sh: cmark-gfm is not installed" >&2; exit 2; }
if [[ -n "${LESSONBUILD:-}" ]]; then
    BIN=$LESSONBUILD
else
    swift build -c release --product lessonbuild >/dev/null
    BIN="$(swift build -c release --show-bin-path)/lessonbuild"
fi
rm -rf "$OUT"
mkdir -p "$OUT"

median_ms() {  # "WALL CPU": median wall and CPU (user + system) ms of RUNS runs of "$@" after one
    # warm-up (output discarded, status ignored); CPU time is the steadier figure on a shared machine
    python3 - "$RUNS" "$@" <<'PY'
import os, sys, time, statistics
runs, cmd = int(sys.argv[1]), sys.argv[2:]
walls, cpus = [], []
for _ in range(runs + 1):
    start = time.perf_counter()
    pid = os.posix_spawnp(cmd[0], cmd, os.environ, file_actions=[(os.POSIX_SPAWN_OPEN, 1, os.devnull, os.O_WRONLY, 0),
                                                                 (os.POSIX_SPAWN_OPEN, 2, os.devnull, os.O_WRONLY, 0)])
    _, _, usage = os.wait4(pid, 0)
    walls.append(time.perf_counter() - start)
    cpus.append(usage.ru_utime + usage.ru_stime)
print(f"{statistics.median(walls[1:]) * 1000:.1f} {statistics.median(cpus[1:]) * 1000:.1f}")
PY
}

for n in 9000 40000; do
    lesson="$OUT/lets-$n.md"
    python3 - "$n" > "$lesson" <<'PY'
import sys
n = int(sys.argv[1])
print("```{eval}")
for i in range(n):
    print(f"let v{i} = {i} + 1")
print("```")
print()
print(f"The last value is {{{{ v{n - 1} }}}}.")
PY
    if "$BIN" "$lesson" --out "$OUT/site-$n" >"$OUT/log-$n.txt" 2>&1; then status=built; else status="rejected: $(head -1 "$OUT/log-$n.txt")"; fi
    read -r ours ours_cpu < <(median_ms "$BIN" "$lesson" --out "$OUT/site-$n")
    read -r cmark cmark_cpu < <(median_ms cmark-gfm "$lesson")
    ratio=$(python3 -c "print(f'{$ours / $cmark:.1f}x wall, {$ours_cpu / max($cmark_cpu, 0.1):.1f}x CPU')")
    echo "$n lets: lessonbuild ${ours} ms wall / ${ours_cpu} ms CPU, cmark-gfm ${cmark} ms / ${cmark_cpu} ms CPU (${ratio}) — $status"
done
