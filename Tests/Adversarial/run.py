#!/usr/bin/env python3
"""The adversarial catalogue (issue 13): every case must end within its bound, with its exit status
and a matching message, and leave a previously built site byte-identical.

    Tests/Adversarial/run.py BIN [CASE ...]

BIN is the lessonbuild binary; CASE names (or prefixes, "07") pick cases, default all. One line per
case, then a summary; exit status 1 when any case fails. See Tests/Adversarial/README.md for the
case format.

Time: a case may take `seconds` x 3 of CPU time (its own and every process it waited for: user +
system), and `seconds` x 10 of wall time, where it is killed. CPU time is the hang detector that
load on a shared machine does not disturb; the wall-time kill catches a case that hangs asleep.
"""
import glob
import hashlib
import json
import os
import re
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
CPU_FACTOR, WALL_FACTOR = 3, 10
KEYS = {"why", "args", "status", "stderr", "seconds", "stdout", "absent", "settle", "env"}


def snapshot(folder):
    """Every file and folder under `folder` with its kind, mode and content hash."""
    found = {}
    for root, dirs, files in os.walk(folder):
        for name in sorted(dirs + files):
            path = os.path.join(root, name)
            info = os.lstat(path)
            relative = os.path.relpath(path, folder)
            if os.path.islink(path):
                found[relative] = ("link", os.readlink(path))
            elif os.path.isdir(path):
                found[relative] = ("dir", oct(info.st_mode))
            else:
                with open(path, "rb") as f:
                    found[relative] = ("file", oct(info.st_mode), hashlib.sha256(f.read()).hexdigest())
    return found


def children_cpu():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_case(binary, case_dir, base_site, work):
    """Runs one case; returns (ok, message, wall seconds, cpu seconds)."""
    with open(os.path.join(case_dir, "case.json"), encoding="utf-8") as f:
        spec = json.load(f)
    unknown = set(spec) - KEYS
    missing = {"why", "args", "status", "stderr", "seconds"} - set(spec)
    if unknown or missing:
        return False, f"case.json: unknown keys {sorted(unknown)}, missing {sorted(missing)}", 0, 0
    scratch = os.path.join(work, os.path.basename(case_dir))
    shutil.copytree(case_dir, scratch, symlinks=True)
    site = os.path.join(work, "site-" + os.path.basename(case_dir))
    shutil.copytree(base_site, site, symlinks=True)
    before = snapshot(site)
    if os.path.exists(os.path.join(scratch, "make.py")):
        made = subprocess.run([sys.executable, "make.py"], cwd=scratch, capture_output=True, text=True)
        if made.returncode != 0:
            return False, f"make.py failed: {made.stderr.strip()[-300:]}", 0, 0
    args = [site if arg == "{SITE}" else arg.replace("{SITE}", site) for arg in spec["args"]]
    seconds = float(spec["seconds"])
    cpu_before, started = children_cpu(), time.monotonic()
    environment = dict(os.environ, **spec.get("env", {}))
    process = subprocess.Popen([binary] + args, cwd=scratch, stdin=subprocess.DEVNULL, env=environment,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    try:
        stdout, stderr = process.communicate(timeout=seconds * WALL_FACTOR)
        killed = False
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        stdout, stderr = process.communicate()
        killed = True
    wall, cpu = time.monotonic() - started, children_cpu() - cpu_before
    stderr_text = stderr.decode("utf-8", "replace")
    stdout_text = stdout.decode("utf-8", "replace")
    problems = []
    if killed:
        problems.append(f"still running after {seconds * WALL_FACTOR:g} s (wall); killed")
    elif process.returncode != spec["status"]:
        problems.append(f"exit status {process.returncode}, expected {spec['status']}")
    if cpu > seconds * CPU_FACTOR:
        problems.append(f"took {cpu:.2f} s of CPU, bound {seconds * CPU_FACTOR:g} s")
    if not re.search(spec["stderr"], stderr_text, re.M):
        problems.append(f"stderr does not match /{spec['stderr']}/: {stderr_text.strip()[:400]!r}")
    if "stdout" in spec and not re.search(spec["stdout"], stdout_text, re.M):
        problems.append(f"stdout does not match /{spec['stdout']}/: {stdout_text.strip()[:400]!r}")
    if spec.get("settle"):
        time.sleep(float(spec["settle"]))  # let anything the case left behind act, then look
    for path in spec.get("absent", []):
        if os.path.lexists(os.path.join(scratch, path)):
            problems.append(f"{path} exists after the run")
    after = snapshot(site)
    if after != before:
        changed = sorted(k for k in set(before) | set(after) if before.get(k) != after.get(k))
        problems.append(f"the previous site changed: {changed[:5]}")
    return not problems, "; ".join(problems), wall, cpu


def main():
    if len(sys.argv) < 2:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    binary = os.path.abspath(sys.argv[1])
    wanted = sys.argv[2:]
    cases = sorted(d for d in glob.glob(os.path.join(HERE, "cases", "*")) if os.path.isdir(d))
    if wanted:
        cases = [c for c in cases if any(os.path.basename(c).startswith(w) for w in wanted)]
        if not cases:
            print(f"run.py: error: no case matches {wanted}", file=sys.stderr)
            return 2
    work = tempfile.mkdtemp(prefix="lessonbuild-adversarial-")
    try:
        base_site = os.path.join(work, "base-site")
        base = shutil.copytree(os.path.join(HERE, "base"), os.path.join(work, "base"))
        built = subprocess.run([binary, "lesson.md", "--out", base_site, "--quiet"], cwd=base,
                               capture_output=True, text=True)
        if built.returncode != 0 or not os.listdir(base_site):
            print(f"run.py: error: the base lesson does not build: {built.stderr.strip()}", file=sys.stderr)
            return 1
        failures = 0
        total_started = time.monotonic()
        for case in cases:
            name = os.path.basename(case)
            try:
                ok, message, wall, cpu = run_case(binary, case, base_site, work)
            except (OSError, ValueError, KeyError) as error:
                ok, message, wall, cpu = False, f"{type(error).__name__}: {error}", 0, 0
            failures += not ok
            timing = f"{wall:6.2f} s wall {cpu:6.2f} s cpu"
            print(f"{'ok  ' if ok else 'FAIL'} {name:<40} {timing}" + ("" if ok else f"\n     {message}"))
        print(f"adversarial catalogue: {len(cases)} cases, {len(cases) - failures} passed, {failures} failed "
              f"({time.monotonic() - total_started:.1f} s)")
        return 1 if failures else 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
