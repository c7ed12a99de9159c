#!/usr/bin/env python3
"""Kill -9 lessonbuild at random moments while it writes a site; check the site stays whole.

    Tests/Adversarial/crash_consistency.py BIN [--trials 200] [--seed 13]

The site alternates between two versions of a small course (A and B): from A to B some lessons
change text, one draws a different figure (a new PNG, the old one must go), one is deleted and
one is added. Each trial starts a folder build towards the other version, kills it with SIGKILL
after a random delay (seeded), and checks:

1. every file in the site is byte-equal to its version before the build or its version after a
   complete build (a file absent in one of them may be absent), and anything else is a
   `.lessonbuild-tmp-*` staging file;
2. a normal build afterwards gives exactly the site a clean build gives (same names, same bytes,
   no staging files left).

The references are made by the binary itself, but the check does not trust them: the site after
A then B must equal a clean build of B (and the same for A), and the PNGs in each are read back
with Pillow when it is installed. A quarter of the trials kill after a delay drawn over the whole
build; half watch the folder for the first staging file (or the first link to an old version,
made just before the renames) and kill after a delay drawn over the measured rest of the build;
renames take microseconds, so the last quarter has the build SIGKILL itself just before a file
operation drawn at random (LESSONBUILD_CRASH_TEST_STEP, see SiteTransaction.swift). The
summary counts the trials that stopped before, during and after writing. Exit status 1 on any
violation.
"""
import argparse
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time

STAGING = ".lessonbuild-tmp-"
# The links to the old versions appear just before the first file is renamed into place.
RENAMING = ".lessonbuild-tmp-old-"


def lesson(title, body, figure=None):
    text = f"---\ntitle: {title}\nsummary: {title} in brief.\n---\n\n{body}\n"
    if figure is not None:
        text += f"\n```{{figure}} image({figure})\n:caption: A {title} figure.\n```\n"
    return text


def versions():
    """Course A and course B: name -> text."""
    common = {f"l{i}.md": lesson(f"Lesson {i}", f"Two and {i} make {{{{ 2 + {i} }}}}.") for i in range(3)}
    a = dict(common)
    a["pictures.md"] = lesson("Pictures", "A gradient.", "[[0.0, 0.25], [0.5, 1.0]]")
    a["shared.md"] = lesson("Shared", "The same picture twice.", "[[1.0, 0.0], [0.0, 1.0]]")
    a["goes.md"] = lesson("Goes away", "Only in course A.", "[[0.1, 0.2], [0.3, 0.4]]")
    b = dict(common)
    b["l1.md"] = lesson("Lesson 1 (revised)", "Three and 1 make {{ 3 + 1 }}.")
    b["pictures.md"] = lesson("Pictures", "Another gradient.", "[[1.0, 0.75], [0.5, 0.0]]")
    b["shared.md"] = a["shared.md"]
    b["comes.md"] = lesson("Comes in", "Only in course B.", "[[0.9, 0.8], [0.7, 0.6]]")
    return a, b


def write_lessons(folder, course):
    for name in os.listdir(folder):
        os.remove(os.path.join(folder, name))
    for name, text in course.items():
        with open(os.path.join(folder, name), "w", encoding="utf-8") as handle:
            handle.write(text)


def snapshot(site):
    """name -> bytes of every entry directly in the site (a folder is an error)."""
    files = {}
    for name in sorted(os.listdir(site)):
        path = os.path.join(site, name)
        if os.path.isdir(path) and not os.path.islink(path):
            raise AssertionError(f"{name} is a folder")
        with open(path, "rb") as handle:
            files[name] = handle.read()
    return files


def build(binary, lessons, site, check=True):
    result = subprocess.run([binary, lessons, "--out", site, "--quiet"], capture_output=True, text=True)
    if check and result.returncode != 0:
        raise AssertionError(f"build failed ({result.returncode}): {result.stderr}")
    return result


def start_and_watch(binary, lessons, site, prefix=STAGING, kill_after=None):
    """Starts a build and watches the site for the first file starting with `prefix`; returns
    (process, seconds from start to seeing it or None, seconds to the end). With kill_after(),
    kills the process that many seconds after seeing it."""
    begin = time.monotonic()
    process = subprocess.Popen([binary, lessons, "--out", site, "--quiet"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    seen = None
    while process.poll() is None:
        if any(name.startswith(prefix) for name in os.listdir(site)):
            seen = time.monotonic() - begin
            break
        time.sleep(0.0002)  # leave the cores to the build
    if seen is not None and kill_after is not None:
        time.sleep(kill_after())
        process.send_signal(signal.SIGKILL)
    process.wait()
    return process, seen, time.monotonic() - begin


def check_pngs(files):
    try:
        from PIL import Image
    except ImportError:
        return
    import io
    for name, data in files.items():
        if name.endswith(".png"):
            Image.open(io.BytesIO(data)).load()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("binary")
    parser.add_argument("--trials", type=int, default=200)
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args()
    binary = os.path.abspath(args.binary)
    rng = random.Random(args.seed)
    started = time.monotonic()

    work = tempfile.mkdtemp(prefix="lessonbuild-crash-")
    try:
        courses = dict(zip("AB", versions()))
        folders = {}
        for key, course in courses.items():
            folders[key] = os.path.join(work, "lessons-" + key)
            os.mkdir(folders[key])
            write_lessons(folders[key], course)
        # The lessons folder the builds read: switched between A and B by copying.
        lessons = os.path.join(work, "lessons")
        os.mkdir(lessons)

        # References: a clean build of each version, and A then B (must equal clean B).
        clean = {}
        for key in "AB":
            write_lessons(lessons, courses[key])
            site = os.path.join(work, "clean-" + key)
            os.mkdir(site)
            build(binary, lessons, site)
            clean[key] = snapshot(os.path.join(work, "clean-" + key))
            check_pngs(clean[key])
        site = os.path.join(work, "site")
        os.mkdir(site)
        durations, windows = [], {STAGING: [], RENAMING: []}
        for key in "ABABAB":
            write_lessons(lessons, courses[key])
            prefix = STAGING if len(durations) % 2 == 0 else RENAMING
            process, seen, elapsed = start_and_watch(binary, lessons, site, prefix)
            if process.returncode != 0:
                print(f"FAIL: building {key} exited {process.returncode}")
                return 1
            durations.append(elapsed)
            if seen is not None:
                windows[prefix].append(elapsed - seen)
            got = snapshot(site)
            if got != clean[key]:
                diff = sorted(n for n in set(got) | set(clean[key]) if got.get(n) != clean[key].get(n))
                print(f"FAIL: building {key} over the other version differs from a clean build of {key}: {diff}")
                return 1
        pngs = {key: {n for n in clean[key] if n.endswith(".png")} for key in "AB"}
        if pngs["A"] == pngs["B"] or not (pngs["A"] - pngs["B"]):
            print("FAIL: the two versions should differ in their figures")
            return 1
        typical = sorted(durations)[len(durations) // 2]
        window = {prefix: max(sorted(times)[len(times) // 2] if times else 0.0, 0.0005) for prefix, times in windows.items()}

        outcomes = {"before": 0, "during": 0, "after": 0, "litter": 0}
        failures = 0
        current = "B"
        for trial in range(args.trials):
            target = "A" if current == "B" else "B"
            old, new = clean[current], clean[target]
            write_lessons(lessons, courses[target])
            if trial % 4 == 3:
                step = rng.randint(1, 30)
                subprocess.run([binary, lessons, "--out", site, "--quiet"], stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL, env=dict(os.environ, LESSONBUILD_CRASH_TEST_STEP=str(step)))
                how = f"killed itself before file operation {step}"
            elif trial % 4 == 0:
                delay = rng.uniform(0.0, 1.1) * typical
                process = subprocess.Popen([binary, lessons, "--out", site, "--quiet"],
                                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                time.sleep(delay)
                process.send_signal(signal.SIGKILL)
                process.wait()
                how = f"killed after {delay * 1000:.1f} ms"
            else:
                prefix = STAGING if trial % 4 == 1 else RENAMING
                drawn = []
                start_and_watch(binary, lessons, site, prefix,
                                kill_after=lambda: drawn.append(rng.uniform(0.0, 1.2) * window[prefix]) or drawn[-1])
                how = (f"killed {drawn[0] * 1000:.2f} ms after the first {prefix}* file" if drawn
                       else f"finished before a {prefix}* file was seen")
            got = snapshot(site)
            problems = []
            for name, data in got.items():
                if name.startswith(STAGING):
                    continue
                if data != old.get(name) and data != new.get(name):
                    problems.append(f"{name} is neither its old nor its new version")
            for name in set(old) | set(new):
                if name not in got and name in old and name in new:
                    problems.append(f"{name} is missing, though both versions have it")
            plain = {n: d for n, d in got.items() if not n.startswith(STAGING)}
            outcomes["before" if plain == old else "after" if plain == new else "during"] += 1
            outcomes["litter"] += len(plain) != len(got)
            build(binary, lessons, site)
            after = snapshot(site)
            if after != new:
                diff = sorted(n for n in set(after) | set(new) if after.get(n) != new.get(n))
                problems.append(f"the next build does not give the clean site: {diff}")
            if problems:
                failures += 1
                print(f"trial {trial} ({current} -> {target}, {how}):")
                for problem in problems:
                    print("  " + problem)
            current = target
        elapsed = time.monotonic() - started
        print(f"crash consistency: {args.trials} trials (seed {args.seed}), {failures} failed; "
              f"killed before writing {outcomes['before']}, while writing {outcomes['during']}, "
              f"after {outcomes['after']} ({outcomes['litter']} left staging files); typical build {typical * 1000:.0f} ms, staging to exit "
              f"{window[STAGING] * 1000:.1f} ms, renaming to exit {window[RENAMING] * 1000:.1f} ms; {elapsed:.1f} s")
        return 1 if failures else 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
