#!/usr/bin/env python3
"""Twenty builds of twenty different lessons into one site at once; none may lose another's page.

    Tests/Adversarial/concurrency.py BIN [--builds 20]

Each build gets one lesson file of the same folder and the same `--out`. All of them must exit
0; then the index (read with html.parser, not with lessonbuild) must link every page once, in the
folder's order (file names here), each page must exist with its own title, and
`BIN FOLDER --out SITE --check` must report nothing: the site equals one build of the whole folder.
A second round with every lesson changed repeats the check, so the builds also race on replacing
files and not only on adding them. Exit status 1 on any failure.
"""
import argparse
import html.parser
import os
import shutil
import subprocess
import sys
import tempfile
import time


class Links(html.parser.HTMLParser):
    """The hrefs of the index's lesson list and the page's <title>."""

    def __init__(self):
        super().__init__()
        self.hrefs, self.title, self._in_title, self._in_list = [], "", False, False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "ol" and "lesson-index" in (attrs.get("class") or ""):
            self._in_list = True
        if tag == "a" and self._in_list and attrs.get("href"):
            self.hrefs.append(attrs["href"])
        self._in_title = tag == "title"

    def handle_endtag(self, tag):
        if tag == "ol":
            self._in_list = False
        if tag == "title":
            self._in_title = False

    def handle_data(self, data):
        if self._in_title:
            self.title += data


def parse(path):
    parser = Links()
    with open(path, encoding="utf-8") as handle:
        parser.feed(handle.read())
    return parser


def round_of_builds(binary, folder, site, names, revision):
    for name in names:
        with open(os.path.join(folder, name + ".md"), "w", encoding="utf-8") as handle:
            handle.write(f"---\ntitle: Lesson {name} r{revision}\n---\n\n"
                         f"{name} in revision {revision}: {{{{ {revision} * 100 + {len(name)} }}}}.\n")
    processes = [subprocess.Popen([binary, os.path.join(folder, name + ".md"), "--out", site, "--quiet"],
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for name in names]
    problems = []
    for name, process in zip(names, processes):
        out, err = process.communicate(timeout=300)
        if process.returncode != 0:
            problems.append(f"build of {name} exited {process.returncode}: {err.strip()}")
    index = parse(os.path.join(site, "index.html"))
    expected = [name + ".html" for name in names]
    if index.hrefs != expected:
        missing = sorted(set(expected) - set(index.hrefs))
        problems.append(f"revision {revision}: the index lists {len(index.hrefs)} of {len(names)} "
                        f"(missing {missing}, order {index.hrefs == sorted(index.hrefs)})")
    for name in names:
        page = os.path.join(site, name + ".html")
        if not os.path.exists(page):
            problems.append(f"{name}.html is missing")
        elif parse(page).title != f"Lesson {name} r{revision}":
            problems.append(f"{name}.html has the title {parse(page).title!r}")
    check = subprocess.run([binary, folder, "--out", site, "--check"], capture_output=True, text=True)
    if check.returncode != 0:
        problems.append(f"revision {revision}: --check is not clean:\n{check.stderr}")
    litter = [n for n in os.listdir(site) if n.startswith(".lessonbuild-tmp-")]
    if litter:
        problems.append(f"staging files left behind: {litter}")
    return problems


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("binary")
    parser.add_argument("--builds", type=int, default=20)
    args = parser.parse_args()
    binary = os.path.abspath(args.binary)
    started = time.monotonic()
    work = tempfile.mkdtemp(prefix="lessonbuild-concurrency-")
    try:
        folder = os.path.join(work, "lessons")
        site = os.path.join(work, "site")
        os.mkdir(folder)
        names = [f"lesson-{i:02d}" for i in range(args.builds)]
        problems = []
        for revision in (1, 2):
            problems += round_of_builds(binary, folder, site, names, revision)
        for problem in problems:
            print("FAIL: " + problem)
        print(f"concurrency: {args.builds} parallel builds into one site, 2 rounds, "
              f"{len(problems)} problems; {time.monotonic() - started:.1f} s")
        return 1 if problems else 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
