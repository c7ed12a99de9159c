#!/usr/bin/env python3
"""Save-to-screen latency of `lessonbuild serve`, in headless Chromium.

Usage: benchmarks/serve_latency.py [--binary PATH] [--saves N] [--baseline-saves M]

Serves a copy of lessons/ and opens cnn.html. Each save rewrites cnn.md with a new marker word
in one paragraph (truncate, write, close, as an editor saves); a MutationObserver in the page
notes `Date.now()` when the marker appears in <main>. Latency = that time - the time just before
the save (the same system clock). Prints min, median, p90 and max over N saves.

Also printed: the server's own rebuild time per save (from its log), the part of the latency
spent building rather than watching, sending and swapping.

Baseline, in the same run: the loop the live preview replaces, minus the human: the same save,
then `lessonbuild build lessons/cnn.md` as a new process, then a browser reload of the file://
page, until the marker shows. The ratio is serve / baseline (lower is better).
"""
import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, os.path.join(ROOT, "Tests", "Browser"))
from serve_support import Server, chromium, save, wait_for  # noqa: E402

WATCH = """
window.__seen = null;
window.__want = arguments[0];
if (!window.__observer) {
  window.__observer = new MutationObserver(function () {
    if (window.__seen === null && window.__want && document.querySelector("main") &&
        document.querySelector("main").textContent.indexOf(window.__want) >= 0) { window.__seen = Date.now(); }
  });
  window.__observer.observe(document.documentElement, {childList: true, subtree: true, characterData: true});
}
"""

ANCHOR = "## One filter, one response\n"


def with_marker(text, marker):
    return text.replace(ANCHOR, ANCHOR + "\nLatency marker " + marker + ".\n", 1)


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def summary(label, values):
    return (f"{label:9} n={len(values):3}  min {min(values):7.1f}  median {statistics.median(values):7.1f}  "
            f"p90 {percentile(values, 90):7.1f}  max {max(values):7.1f} ms")


def measure_serve(binary, saves):
    server = Server(binary)
    driver = chromium()
    lesson = server.path("lessons", "cnn.md")
    original = open(lesson, encoding="utf-8").read()
    assert ANCHOR in original
    latencies = []
    try:
        save(lesson, with_marker(original, "warmup0"))
        driver.get(server.url + "cnn.html")
        wait_for(lambda: "warmup0" in driver.find_element("css selector", "main").text, 30)
        time.sleep(0.5)
        for i in range(saves):
            marker = f"serve{i}x{int(time.time() * 1000) % 100000}"
            driver.execute_script(WATCH, marker)
            text = with_marker(original, marker)
            start = time.time() * 1000
            save(lesson, text)
            seen = wait_for(lambda: driver.execute_script("return window.__seen"), 10, 0.01)
            if seen is None:
                raise SystemExit(f"FAIL: save {i} never showed (server said: {server.lines[-3:]} {server.errors[-3:]})")
            latencies.append(seen - start)
            time.sleep(0.25)
        fresh = driver.execute_script("return window.__observer !== undefined")
        if not fresh:
            raise SystemExit("FAIL: the page reloaded during the run")
    finally:
        driver.quit()
        server.stop()
    rebuilds = [float(line.split(" in ")[1].split(" ms")[0]) for line in server.lines if line.startswith("rebuilt cnn.md in ")]
    return latencies, rebuilds[-len(latencies):]


def measure_baseline(binary, saves):
    folder = tempfile.mkdtemp(prefix="lessonbuild-latency-")
    subprocess.run(["cp", "-r", os.path.join(ROOT, "lessons"), folder], check=True)
    lesson = os.path.join(folder, "lessons", "cnn.md")
    original = open(lesson, encoding="utf-8").read()
    site = os.path.join(folder, "site")
    subprocess.run([binary, "build", "lessons", "--out", site, "--quiet"], cwd=folder, check=True)
    driver = chromium()
    latencies = []
    try:
        driver.get("file://" + os.path.join(site, "cnn.html"))
        for i in range(saves):
            marker = f"base{i}x{int(time.time() * 1000) % 100000}"
            start = time.time() * 1000
            save(lesson, with_marker(original, marker))
            subprocess.run([binary, "build", "lessons/cnn.md", "--out", site, "--quiet"], cwd=folder, check=True)
            driver.refresh()
            wait_for(lambda: marker in driver.find_element("css selector", "main").text, 10, 0.01)
            latencies.append(time.time() * 1000 - start)
    finally:
        driver.quit()
        subprocess.run(["rm", "-rf", folder])
    return latencies


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build", "release", "lessonbuild"))
    parser.add_argument("--saves", type=int, default=40)
    parser.add_argument("--baseline-saves", type=int, default=15)
    args = parser.parse_args()
    binary = os.path.abspath(args.binary)
    if not os.path.exists(binary):
        raise SystemExit(f"no {binary}: run `swift build -c release --product lessonbuild` (or pass --binary)")
    print(f"binary: {binary}")
    print(f"load average before: {open('/proc/loadavg').read().split()[:3]}")
    serve, rebuilds = measure_serve(binary, args.saves)
    baseline = measure_baseline(binary, args.baseline_saves)
    print(summary("serve", serve))
    if rebuilds:
        print(summary("  rebuild", rebuilds) + "  (the server's own time: change seen -> site written)")
    print(summary("baseline", baseline))
    print(f"median ratio serve/baseline: {statistics.median(serve) / statistics.median(baseline):.2f}")
    print(f"target: median <= 150 ms: {'met' if statistics.median(serve) <= 150 else 'NOT met'}")
    print(f"load average after: {open('/proc/loadavg').read().split()[:3]}")


if __name__ == "__main__":
    main()
