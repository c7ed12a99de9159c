#!/usr/bin/env bash
# The site benchmark: whole-process builds with lessonbuild (release) against cmark-gfm rendering the
# same files with the directives removed, all in one run on one machine.
#
#   benchmarks/site.sh [LESSON] [COUNT]      (defaults: lessons/cnn.md, 200; RUNS=21 runs per median;
#                                             LESSONBUILD=path skips the release build and times that binary;
#                                             BEFORE=path also times an older binary, alternating runs, and
#                                             checks that it writes the same site byte for byte)
#
# Measures, each as the median wall time of RUNS whole-process runs (after one warm-up):
#   1. lessonbuild LESSON --out TMP            vs  cmark-gfm on LESSON stripped of its directives
#   2. lessonbuild CORPUS --out TMP            vs  cmark-gfm once per stripped file (a naive site build)
#                                              and cmark-gfm on all stripped files in one process
# Targets: (1) under 30 ms for lessonbuild; (2) lessonbuild within 3x of cmark-gfm.
set -euo pipefail

cd "$(dirname "$0")/.."
LESSON=${1:-lessons/cnn.md}
COUNT=${2:-200}
RUNS=${RUNS:-21}
OUT=benchmarks/out/site

[[ -f "$LESSON" ]] || { echo "site.sh: no lesson at $LESSON" >&2; exit 2; }
command -v cmark-gfm >/dev/null || { echo "site.sh: cmark-gfm is not installed (apt-get install cmark-gfm)" >&2; exit 2; }

if [[ -n "${LESSONBUILD:-}" ]]; then
    BIN=$LESSONBUILD  # a binary built elsewhere (must be a release build for figures worth recording)
else
    echo "== building lessonbuild (release)"
    swift build -c release --product lessonbuild
    BIN="$(swift build -c release --show-bin-path)/lessonbuild"
fi

rm -rf "$OUT"
mkdir -p "$OUT"
python3 benchmarks/make_corpus.py "$LESSON" "$OUT/corpus" "$COUNT"

# Every variant must build, or the comparison is meaningless; variants whose changed data trips an
# assert fall back to title-only variation.
if ! "$BIN" "$OUT/corpus/lessons" --out "$OUT/check" >"$OUT/check.log" 2>&1; then
    echo "site.sh: the data variants do not all build (see below); using title-only variants"
    head -5 "$OUT/check.log"
    rm -rf "$OUT/corpus"
    python3 benchmarks/make_corpus.py "$LESSON" "$OUT/corpus" "$COUNT" --titles-only
    "$BIN" "$OUT/corpus/lessons" --out "$OUT/check" || { echo "site.sh: the corpus does not build" >&2; exit 1; }
fi
"$BIN" "$LESSON" --out "$OUT/check-one" || { echo "site.sh: $LESSON does not build" >&2; exit 1; }
if [[ -n "${BEFORE:-}" ]]; then
    "$BEFORE" "$OUT/corpus/lessons" --out "$OUT/check-before" --quiet || { echo "site.sh: BEFORE does not build the corpus" >&2; exit 1; }
    diff -r "$OUT/check-before" "$OUT/check" >/dev/null || { echo "site.sh: BEFORE and LESSONBUILD write different sites" >&2; exit 1; }
    echo "== BEFORE and LESSONBUILD write the same $(ls "$OUT/check" | wc -l) files, byte for byte"
fi

echo "== timing ($RUNS runs each, median of whole-process wall time)"
python3 - "$BIN" "$LESSON" "$OUT" "$RUNS" "$COUNT" "${BEFORE:-}" <<'PY'
import glob, os, shutil, statistics, sys, time

binary, lesson, out, runs, count, before = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5]), sys.argv[6]
cmark = shutil.which("cmark-gfm")
extensions = ["-e", "table", "-e", "strikethrough", "-e", "autolink", "-e", "tasklist", "-e", "footnotes"]
stripped_one = os.path.join(out, "corpus", "single", "stripped.md")
corpus = os.path.join(out, "corpus", "lessons")
stripped = sorted(glob.glob(os.path.join(out, "corpus", "stripped", "*.md")))
site = os.path.join(out, "site")
html = os.path.join(out, "html")
os.makedirs(html, exist_ok=True)

def run(argv, stdout=os.devnull):
    """One whole process, spawned with posix_spawn (cheaper and steadier than subprocess's fork path);
    stdout goes to the file `stdout`, stdin and stderr to /dev/null."""
    actions = [(os.POSIX_SPAWN_OPEN, 0, os.devnull, os.O_RDONLY, 0),
               (os.POSIX_SPAWN_OPEN, 1, stdout, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644),
               (os.POSIX_SPAWN_OPEN, 2, os.devnull, os.O_WRONLY, 0)]
    pid = os.posix_spawn(argv[0], argv, os.environ, file_actions=actions)
    _, status, usage = os.wait4(pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"site.sh: {' '.join(argv[:3])}... failed with status {os.waitstatus_to_exitcode(status)}")
    return usage.ru_utime + usage.ru_stime

cpu = {}  # CPU seconds (user + system) of each lessonbuild run, by (binary, path)

def lessonbuild(path, program=binary):
    def once():
        shutil.rmtree(site, ignore_errors=True)  # outside the timed part
        start = time.perf_counter()
        seconds = run([program, path, "--out", site])
        cpu.setdefault((program, path), []).append(seconds)
        return time.perf_counter() - start
    return once

def cmark_each(files):
    def once():
        start = time.perf_counter()
        for index, path in enumerate(files):
            run([cmark] + extensions + [path], stdout=os.path.join(html, f"{index}.html"))
        return time.perf_counter() - start
    return once

def cmark_all(files):
    def once():
        start = time.perf_counter()
        run([cmark] + extensions + files, stdout=os.path.join(html, "all.html"))
        return time.perf_counter() - start
    return once

def median_ms(measure):
    measure()  # warm-up: page cache, dynamic loader
    return statistics.median(measure() for _ in range(runs)) * 1000

def cpu_ms(program, path):
    return statistics.median(cpu[(program, path)][1:]) * 1000  # without the warm-up

if before:
    # Alternating runs, so both binaries see the same load; medians of wall and CPU time.
    new_run, old_run = lessonbuild(corpus), lessonbuild(corpus, before)
    new_run(), old_run()
    walls = {binary: [], before: []}
    for _ in range(runs):
        walls[before].append(old_run())
        walls[binary].append(new_run())
    new_wall, old_wall = (statistics.median(walls[p]) * 1000 for p in (binary, before))
    new_cpu, old_cpu = cpu_ms(binary, corpus), cpu_ms(before, corpus)
    print(f"{f'{count}-lesson corpus, alternating runs':52s}{'wall ms':>10s}{'CPU ms':>10s}")
    print(f"{'BEFORE ' + before:52.52s}{old_wall:10.1f}{old_cpu:10.1f}")
    print(f"{'LESSONBUILD ' + binary:52.52s}{new_wall:10.1f}{new_cpu:10.1f}")
    print(f"{'after / before':52s}{new_wall / old_wall:9.2f}x{new_cpu / old_cpu:9.2f}x")
    print()
    cpu.clear()

one_lb = median_ms(lessonbuild(lesson))
one_cm = median_ms(cmark_each([stripped_one]))
site_lb = median_ms(lessonbuild(corpus))
site_each = median_ms(cmark_each(stripped))
site_all = median_ms(cmark_all(stripped))

print(f"{'':52s}{'median ms':>10s}")
print(f"{'lessonbuild ' + lesson:52s}{one_lb:10.2f}")
print(f"{'cmark-gfm ' + lesson + ' (stripped)':52s}{one_cm:10.2f}   ratio {one_lb / one_cm:6.2f}x")
print(f"{f'lessonbuild {count}-lesson corpus':52s}{site_lb:10.2f}   (CPU {cpu_ms(binary, corpus):.0f} ms)")
print(f"{f'cmark-gfm {count} files, one process each':52s}{site_each:10.2f}   ratio {site_lb / site_each:6.2f}x")
print(f"{f'cmark-gfm {count} files, one process':52s}{site_all:10.2f}   ratio {site_lb / site_all:6.2f}x")
print()
print(f"target 1: {lesson} under 30 ms as a whole process: {'met' if one_lb < 30 else 'NOT met'} ({one_lb:.1f} ms)")
print(f"target 2: {count}-lesson site within 3x of cmark-gfm: "
      f"{'met' if site_lb <= 3 * site_each else 'NOT met'} against one process per file ({site_lb / site_each:.2f}x), "
      f"{'met' if site_lb <= 3 * site_all else 'NOT met'} against one process for all ({site_lb / site_all:.2f}x)")
PY
