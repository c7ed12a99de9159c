#!/usr/bin/env bash
# The figures benchmark: what a lesson with a photo costs, and what conv2d costs when a lesson
# calls it, each beside a baseline measured in the same run.
#
#   benchmarks/figures.sh            (RUNS=21 whole-process runs per median; LESSONBUILD=path and
#                                     KERNEL_BENCH=path skip the release builds and time those binaries)
#
# 1. lessonbuild lessons/cnn.md (its figures, its 224 x 224 photo through loadImage and conv2d)
#    vs the cmark-gfm command rendering the same file: medians of whole-process wall time.
# 2. conv2d 3x224x224 -> 16 filters 3x3, padding 1, called from a lesson: the median of a lesson
#    with four such convolutions minus the same lesson without them, divided by four, vs the
#    kernel alone (kernel-bench's conv2d_stride1 median, same shapes), and vs the same lessons
#    with LESSONBUILD_MALLOC_DEFAULTS=1 (AllocatorTuning off). Wall and CPU (user + system) time
#    are both printed: on a loaded machine the CPU times are the ones to compare.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-21}
OUT=benchmarks/out/figures
command -v cmark-gfm >/dev/null || { echo "figures.sh: cmark-gfm is not installed (apt-get install cmark-gfm)" >&2; exit 2; }

if [[ -z "${LESSONBUILD:-}" || -z "${KERNEL_BENCH:-}" ]]; then
    echo "== building lessonbuild and kernel-bench (release)"
    swift build -c release --product lessonbuild >/dev/null
    swift build -c release --product kernel-bench >/dev/null
fi
BIN=${LESSONBUILD:-"$(swift build -c release --show-bin-path)/lessonbuild"}
KB=${KERNEL_BENCH:-"$(swift build -c release --show-bin-path)/kernel-bench"}

rm -rf "$OUT"
mkdir -p "$OUT/lessons/images"
cp lessons/images/cracked-panel.png "$OUT/lessons/images/"
base='```{eval}
let photo = loadImage("images/cracked-panel.png", mode: "RGB")
let filters = ones((16, 3, 3, 3)) / 27.0
let bias = zeros(16)
```'
printf '%s\n' "$base" > "$OUT/lessons/base.md"
{
    printf '%s\n\n```{eval}\n' "$base"
    for i in 1 2 3 4; do echo "let map$i = conv2d(photo, filters, padding: 1, bias: bias)"; done
    printf '```\n'
} > "$OUT/lessons/conv4.md"
"$BIN" lessons/cnn.md --out "$OUT/check" >/dev/null
"$BIN" "$OUT/lessons/conv4.md" --out "$OUT/check" >/dev/null

echo "== timing ($RUNS runs each, median of whole-process wall time)"
KERNEL_MS="$("$KB" "$RUNS" | sed -n 's/^bench conv2d_stride1 median_ms=\([0-9.e+-]*\).*/\1/p')"
python3 - "$BIN" "$OUT" "$RUNS" "$KERNEL_MS" <<'PY'
import os, shutil, statistics, sys, time

binary, out, runs, kernel_ms = sys.argv[1], sys.argv[2], int(sys.argv[3]), float(sys.argv[4])
cmark = shutil.which("cmark-gfm")
extensions = ["-e", "table", "-e", "strikethrough", "-e", "autolink", "-e", "tasklist", "-e", "footnotes"]
site = os.path.join(out, "site")

def run(argv, env=os.environ):
    actions = [(os.POSIX_SPAWN_OPEN, 0, os.devnull, os.O_RDONLY, 0),
               (os.POSIX_SPAWN_OPEN, 1, os.devnull, os.O_WRONLY, 0),
               (os.POSIX_SPAWN_OPEN, 2, os.devnull, os.O_WRONLY, 0)]
    pid = os.posix_spawn(argv[0], argv, env, file_actions=actions)
    _, status, usage = os.wait4(pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"figures.sh: {' '.join(argv[:2])} failed")
    return usage.ru_utime + usage.ru_stime

def median_ms(argv, env=os.environ):
    """Medians of wall time and of CPU time (user + system, which a busy machine inflates less)."""
    def once():
        shutil.rmtree(site, ignore_errors=True)  # outside the timed part
        start = time.perf_counter()
        cpu = run(argv, env)
        return time.perf_counter() - start, cpu
    once()  # warm-up
    samples = [once() for _ in range(runs)]
    return (statistics.median(s[0] for s in samples) * 1000, statistics.median(s[1] for s in samples) * 1000)

cnn = median_ms([binary, "lessons/cnn.md", "--out", site])
cm = median_ms([cmark] + extensions + ["lessons/cnn.md"])
base = median_ms([binary, os.path.join(out, "lessons", "base.md"), "--out", site])
four = median_ms([binary, os.path.join(out, "lessons", "conv4.md"), "--out", site])
per_conv = tuple((f - b) / 4 for f, b in zip(four, base))
defaults = dict(os.environ, LESSONBUILD_MALLOC_DEFAULTS="1")  # AllocatorTuning off: glibc's own policy
base_default = median_ms([binary, os.path.join(out, "lessons", "base.md"), "--out", site], defaults)
four_default = median_ms([binary, os.path.join(out, "lessons", "conv4.md"), "--out", site], defaults)
per_conv_default = tuple((f - b) / 4 for f, b in zip(four_default, base_default))

print(f"{'':60s}{'wall ms':>9s}{'cpu ms':>9s}")
def row(name, value, ratio=""):
    print(f"{name:60s}{value[0]:9.2f}{value[1]:9.2f}   {ratio}")
row("lessonbuild lessons/cnn.md (figures, photo)", cnn)
row("cmark-gfm lessons/cnn.md (same file)", cm, f"ratio {cnn[0] / cm[0]:.2f}x wall, {cnn[1] / max(cm[1], 1e-9):.2f}x cpu")
row("lesson: photo + 4 x conv2d 3x224x224 -> 16x3x3, padding 1", four)
row("lesson: photo only", base)
row("one conv2d called from the lesson ((4 convs - none) / 4)", per_conv)
row("  same, glibc's default allocator policy", per_conv_default)
print(f"{'the kernel alone (kernel-bench conv2d_stride1, median)':60s}{kernel_ms:9.2f}{'':9s}   "
      f"ratio {per_conv[0] / kernel_ms:.2f}x wall, {per_conv[1] / kernel_ms:.2f}x cpu")
PY
