#!/usr/bin/env bash
# Coverage-guided fuzzing with libFuzzer of the whole lesson pipeline (parse + evaluate + render of
# one Markdown input) and of the expression language (one `{eval}` body).
#
#   scripts/fuzz.sh [SECONDS] [TARGET]     TARGET: lesson, expression or all (default: 60 all)
#   FUZZ_RUNS=N FUZZ_SEED=1 scripts/fuzz.sh 0 all   a fixed-seed pass of N inputs per target
#
# Builds the separate package Fuzz/ in release with -sanitize=fuzzer,address (its own Fuzz/.build,
# so the main build is untouched), seeds Fuzz/corpus/TARGET from lessons/*.md, the test fixtures and
# the `{eval}` blocks in them, and runs each target in-process on one core (libFuzzer's default;
# -jobs/-workers are not passed, since -jobs=1 would only move the same single run into a child
# process logging to fuzz-0.log). A crash, sanitizer report, timeout or out-of-memory input is written to Fuzz/crashes/TARGET/
# and the script exits 1. Reproduce one with `Fuzz/.build/release/FuzzLesson FILE`.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
which="${2:-all}"
case "$which" in
    lesson) targets=(lesson) ;;
    expression) targets=(expression) ;;
    all) targets=(lesson expression) ;;
    *) echo "scripts/fuzz.sh: error: unknown target '$which' (lesson, expression or all)" >&2; exit 2 ;;
esac

echo "== building Fuzz/ (release, -sanitize=fuzzer,address)"
(cd Fuzz && swift build -c release -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library)
bin="$(cd Fuzz && swift build -c release --show-bin-path)"

# Seeds: whole lessons for the pipeline, the bodies of their `{eval}` blocks (and the expression
# fixtures, one statement per line) for the interpreter.
seeds="$(mktemp -d)"
trap 'rm -rf "$seeds"' EXIT
python3 - "$seeds" <<'PY'
import glob, hashlib, os, re, sys
out = sys.argv[1]
os.makedirs(f"{out}/lesson"); os.makedirs(f"{out}/expression")
def put(kind, text):
    data = text.encode("utf-8", "surrogateescape")
    with open(f"{out}/{kind}/{hashlib.sha1(data).hexdigest()}", "wb") as f:
        f.write(data)
lessons = sorted(glob.glob("lessons/*.md") + glob.glob("Tests/**/Fixtures/**/*.md", recursive=True))
for path in lessons:
    text = open(path, encoding="utf-8", errors="surrogateescape").read()
    put("lesson", text)
    for body in re.findall(r"^```\{eval\}[^\n]*\n(.*?)^```", text, re.S | re.M):
        put("expression", body)
for path in sorted(glob.glob("Tests/LessonKitTests/Fixtures/Expression/*.txt")):
    put("expression", open(path, encoding="utf-8").read())
PY

status=0
for target in "${targets[@]}"; do
    case "$target" in
        lesson) binary="$bin/FuzzLesson"; max_len=65536 ;;
        expression) binary="$bin/FuzzExpression"; max_len=16384 ;;
    esac
    corpus="$PWD/Fuzz/corpus/$target"
    crashes="$PWD/Fuzz/crashes/$target"
    mkdir -p "$corpus" "$crashes"
    limit=(-max_total_time="$seconds")
    if [[ -n "${FUZZ_RUNS:-}" ]]; then limit=(-runs="$FUZZ_RUNS"); fi
    echo "== fuzzing $target (${FUZZ_RUNS:-$seconds s}${FUZZ_RUNS:+ runs}, seed ${FUZZ_SEED:-random})"
    # Swift's runtime keeps metadata caches for the life of the process: not leaks worth reporting.
    # -timeout=60: a unit is judged by wall time, and on a shared 2-core machine under load a 0.4 s
    # CPU unit once took 12 s (benchmarks/FUZZING.md); real hangs take far longer.
    # Run from lessons/ so that a mutated lesson's imports (_shared.md) and images resolve.
    if ! (cd lessons && ASAN_OPTIONS="detect_leaks=0:${ASAN_OPTIONS:-}" "$binary" "${limit[@]}" \
        -seed="${FUZZ_SEED:-0}" -timeout=60 -rss_limit_mb=4096 -max_len="$max_len" \
        -print_final_stats=1 -artifact_prefix="$crashes/" "$corpus" "$seeds/$target"); then
        echo "scripts/fuzz.sh: error: $target found a crash; see $crashes/" >&2
        status=1
    fi
done
exit "$status"
