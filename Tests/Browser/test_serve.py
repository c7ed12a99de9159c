#!/usr/bin/env python3
"""`lessonbuild serve` driven as an author uses it: over real sockets and in headless Chromium.

Usage: test_serve.py LESSONBUILD [--http-only]

Each part starts the server on a copy of lessons/ (a free port of 127.0.0.1) and stops it with
SIGINT, which must exit 0.

HTTP, over raw sockets (no client library that would normalise the path first):
  - `..`, `%2e%2e`, `..%2f`, `%2e%2e%2f`, backslashes, a symlink out of the folder: 403 or 404,
    never a file from outside; POST, PUT, DELETE, OPTIONS: 405 with `Allow: GET, HEAD`;
  - Content-Type of html, css, js, png, svg, json; HEAD gives GET's headers and no body;
  - 24 concurrent requests all answered in full;
  - the files on disk are byte-identical to `lessonbuild build` of the same lessons, and a served
    page is the file on disk plus the live script before `</body>`.
Browser:
  - edit the lesson on disk: the open page changes with no reload (a marker set in the page
    survives) and keeps its scroll position;
  - break it (an unknown name on a known line): the overlay shows `PATH:LINE:COL: error:` at the
    line and column computed here from the text, the source line and a caret, over the last good
    version, and the terminal prints the same; fix it: the overlay goes and the page updates;
  - edit course.yml (every page depends on it): the course title in the open page changes;
  - pass the quiz with the NumPy oracle's answers: the index marks that lesson, not the other;
  - edit an imported `_part.md` (when this build has `import`): the page that imports it changes.
"""
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from serve_support import ROOT, Server, chromium, save, wait_for  # noqa: E402

FAILURES = []


def course_lessons():
    """The lesson names of lessons/course.yml, in course order (its `lessons:` list of `- NAME.md`)."""
    with open(os.path.join(ROOT, "lessons", "course.yml"), encoding="utf-8") as handle:
        return [line.strip()[2:].strip()[:-3] for line in handle if line.strip().startswith("- ") and line.strip().endswith(".md")]


def check(condition, message):
    print(("ok: " if condition else "FAIL: ") + message)
    if not condition:
        FAILURES.append(message)


def raw(port, request, timeout=5):
    """Sends `request` bytes, returns (status, headers dict, body bytes)."""
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as s:
        s.sendall(request)
        data = b""
        while True:
            try:
                chunk = s.recv(65536)
            except socket.timeout:
                break
            if not chunk:
                break
            data += chunk
            head, _, body = data.partition(b"\r\n\r\n")
            if b"\r\n\r\n" in data:
                headers = {}
                for line in head.split(b"\r\n")[1:]:
                    key, _, value = line.decode("latin-1").partition(":")
                    headers[key.strip().lower()] = value.strip()
                length = int(headers.get("content-length", "-1"))
                if length >= 0 and len(body) >= length:
                    break
                if request.startswith(b"HEAD") and length >= 0:
                    break
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.split(b"\r\n")
    status = int(lines[0].split()[1]) if lines and len(lines[0].split()) > 1 else 0
    headers = {}
    for line in lines[1:]:
        key, _, value = line.decode("latin-1").partition(":")
        headers[key.strip().lower()] = value.strip()
    return status, headers, body


def get(port, path, method="GET"):
    return raw(port, f"{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".encode("latin-1"))


def http_checks(binary):
    server = Server(binary)
    try:
        port = server.port
        secret = server.path("lessons", "cnn.md")
        with open(secret, "rb") as handle:
            secret_bytes = handle.read()
        os.symlink(secret, server.path("site", "leak.md"))
        os.symlink(server.path("lessons"), server.path("site", "out"))
        for path in ["/../lessons/cnn.md", "/%2e%2e/lessons/cnn.md", "/..%2flessons/cnn.md", "/%2e%2e%2flessons%2fcnn.md",
                     "/%2E%2E/%2E%2E/etc/passwd", "/..\\lessons\\cnn.md", "/%5c..%5clessons%5ccnn.md", "//etc/passwd",
                     "/leak.md", "/out/cnn.md", "/etc/passwd", "/%00cnn.html", "/.cnn.html.1.tmp"]:
            status, _, body = get(port, path)
            check(status in (403, 404) and secret_bytes[:200] not in body and b"root:" not in body,
                  f"GET {path} refused ({status})")
        for method in ["POST", "PUT", "DELETE", "OPTIONS", "PATCH"]:
            status, headers, _ = get(port, "/cnn.html", method)
            check(status == 405 and headers.get("allow") == "GET, HEAD", f"{method} -> 405 with Allow: GET, HEAD ({status})")

        fixtures = {"pic.png": b"\x89PNG\r\n\x1a\n" + b"\0" * 16, "logo.svg": b"<svg xmlns='http://www.w3.org/2000/svg'/>",
                    "data.json": b"{}", "app.js": b"1;"}
        for name, data in fixtures.items():
            with open(server.path("site", name), "wb") as handle:
                handle.write(data)
        expected = {"/cnn.html": "text/html; charset=utf-8", "/": "text/html; charset=utf-8",
                    "/lessonbuild.css": "text/css; charset=utf-8", "/app.js": "text/javascript; charset=utf-8",
                    "/pic.png": "image/png", "/logo.svg": "image/svg+xml", "/data.json": "application/json"}
        for path, content_type in expected.items():
            status, headers, body = get(port, path)
            check(status == 200 and headers.get("content-type") == content_type,
                  f"GET {path}: 200 {content_type} (got {status} {headers.get('content-type')})")
            check(int(headers.get("content-length", -1)) == len(body), f"GET {path}: Content-Length matches the body")
        status, headers, body = get(port, "/cnn.html", "HEAD")
        _, get_headers, _ = get(port, "/cnn.html")
        check(status == 200 and body == b"" and headers.get("content-length") == get_headers.get("content-length"),
              "HEAD /cnn.html: GET's headers, no body")
        status, _, _ = get(port, "/missing.png")
        check(status == 404, f"a missing file is 404 ({status})")

        results = [None] * 24

        def fetch(i):
            results[i] = get(port, ["/cnn.html", "/receptive-fields.html", "/lessonbuild.css", "/"][i % 4])

        threads = [threading.Thread(target=fetch, args=(i,)) for i in range(len(results))]
        for t in threads:
            t.start()
        for t in threads:
            t.join(30)
        check(all(r is not None and r[0] == 200 and len(r[2]) == int(r[1]["content-length"]) for r in results),
              f"{len(results)} concurrent requests all answered in full")

        # The files on disk are what `lessonbuild build` writes.
        # A sibling of site/, so that the manifest's lesson paths (relative to the site) agree.
        other = server.path("site-built")
        subprocess.run([binary, "build", "lessons", "--out", other, "--quiet"], cwd=server.folder, check=True)
        built = sorted(os.listdir(other))
        same = all(open(os.path.join(other, n), "rb").read() == open(server.path("site", n), "rb").read() for n in built)
        pages = {n for n in built if n.endswith(".html")}
        check(same and pages == {f"{lesson}.html" for lesson in course_lessons()} | {"index.html"}
              and "lessonbuild-manifest.json" in built,
              f"site/ on disk is byte-identical to `lessonbuild build` ({', '.join(built)})")
        _, _, served = get(port, "/cnn.html")
        with open(server.path("site", "cnn.html"), "rb") as handle:
            disk = handle.read()
        start = served.find(b"<script data-lessonbuild-live")
        end = served.find(b"</script>\n", start) + len(b"</script>\n")
        check(start > 0 and served[:start] + served[end:] == disk, "served page = file on disk + the live script")
    finally:
        status = server.stop()
    check(status == 0, f"SIGINT stops the server cleanly (exit {status})")


def line_and_column(text, needle):
    """1-based line and UTF-8 byte column of the first `needle` in `text`."""
    before = text[:text.index(needle)].encode("utf-8")
    line = before.count(b"\n") + 1
    return line, len(before) - (before.rfind(b"\n") + 1) + 1


def browser_checks(binary):
    server = Server(binary)
    driver = chromium()
    try:
        lesson = server.path("lessons", "receptive-fields.md")
        with open(lesson, encoding="utf-8") as handle:
            original = handle.read()
        driver.get(server.url + "receptive-fields.html")
        wait_for(lambda: driver.execute_script("return document.readyState") == "complete")
        time.sleep(0.3)  # the event stream connects
        driver.execute_script("window.__noReload = 'still here'; window.scrollTo(0, 900);")
        scrolled = driver.execute_script("return window.scrollY")

        # 1. An edit appears without a reload, at the same scroll position.
        edited = original.replace("Real cracks are longer", "Real cracks are LIVE-EDIT-ONE longer", 1)
        check(edited != original, "the lesson has the sentence the test edits")
        save(lesson, edited)
        seen = wait_for(lambda: "LIVE-EDIT-ONE" in driver.find_element("css selector", "main").text)
        check(bool(seen), "an edit on disk shows in the open page")
        check(driver.execute_script("return window.__noReload") == "still here", "without reloading the page")
        check(abs(driver.execute_script("return window.scrollY") - scrolled) <= 2,
              f"keeping the scroll position ({scrolled})")

        # 2. Break it: the overlay locates the error; the last good version stays underneath.
        broken = edited.replace("Real cracks are LIVE-EDIT-ONE longer", "Real cracks are {{ cracklength }} longer", 1)
        line, column = line_and_column(broken, "cracklength")
        save(lesson, broken)
        expected = f"lessons/receptive-fields.md:{line}:{column}: error:"
        overlay = wait_for(lambda: driver.execute_script(
            "var e = document.getElementById('lessonbuild-errors'); return e ? e.textContent : ''"))
        check(bool(overlay) and expected in overlay, f"the error overlay shows {expected}")
        source_line = broken.split("\n")[line - 1]
        check(bool(overlay) and source_line in overlay, "with the source line")
        caret_line = " " * (column - 1) + "^"
        check(bool(overlay) and any(l.endswith("| " + caret_line) for l in overlay.split("\n")), "and a caret under the column")
        check("LIVE-EDIT-ONE" in driver.find_element("css selector", "main").text, "over the last good version")
        check(wait_for(lambda: any(expected in l for l in server.errors), 5) is not None, "the terminal prints the error too")

        # 3. Fix it: the overlay goes, the page updates.
        save(lesson, edited.replace("LIVE-EDIT-ONE", "LIVE-EDIT-TWO", 1))
        fixed = wait_for(lambda: "LIVE-EDIT-TWO" in driver.find_element("css selector", "main").text and
                         not driver.execute_script("return !!document.getElementById('lessonbuild-errors')"))
        check(bool(fixed), "fixing the lesson clears the overlay and updates the page")
        check(driver.execute_script("return window.__noReload") == "still here", "still without a reload")

        # 4. A second file the page depends on: course.yml (the course title in every page's navigation).
        course = server.path("lessons", "course.yml")
        with open(course, encoding="utf-8") as handle:
            course_text = handle.read()
        save(course, course_text.replace("title: ", "title: Renamed course of ", 1))
        title = wait_for(lambda: "Renamed course" in driver.find_element("css selector", "nav.course summary").text)
        check(bool(title), "editing course.yml updates the course navigation of the open page")

        # 5. The index marks the lesson whose quiz this browser passed (answers from the NumPy oracle).
        answers = json.loads(subprocess.run([sys.executable, os.path.join(ROOT, "Tests", "Oracle", "receptive_fields_answers.py")],
                                            check=True, capture_output=True, text=True).stdout)
        driver.get(server.url + "receptive-fields.html")
        wait_for(lambda: driver.find_elements("id", "quiz-check"))
        for question, answer in answers.items():
            if isinstance(answer, int):
                driver.find_element("id", f"quiz-{question}-option{answer}").click()
            else:
                driver.find_element("id", f"quiz-{question}-input").send_keys(answer)
        driver.find_element("id", "quiz-check").click()
        check("passed" in driver.find_element("id", "quiz-result").text, "the oracle's answers pass the quiz")
        driver.get(server.url)
        marks = {m.get_attribute("data-quiz-key").split(":")[1]: m.is_displayed()
                 for m in driver.find_elements("css selector", "[data-quiz-key]")}
        check(marks == {lesson: lesson == "receptive-fields" for lesson in course_lessons()},
              f"the index marks the passed lesson only {marks}")
        order = [a.get_attribute("href").rsplit("/", 1)[1] for a in driver.find_elements("css selector", "ol.lesson-index > li > a")]
        check(order == [f"{lesson}.html" for lesson in course_lessons()], f"the index lists the course in order {order}")
        driver.get(server.url + "receptive-fields.html")

        # 6. An imported file (the `import "_x.md"` of format version 2), when this build has it.
        part = server.path("lessons", "_shared_probe.md")
        save(part, "```{eval}\nlet probeValue = 4242\n```\n")
        probe = server.path("probe.md")
        save(probe, "```{eval}\nimport \"lessons/_shared_probe.md\"\n```\n")
        has_import = subprocess.run([binary, "build", probe, "--out", server.path("probe-site"), "--quiet"],
                                    cwd=server.folder, capture_output=True).returncode == 0
        if not has_import:
            print("skipped: imported files (this build has no `import`)")
        else:
            save(lesson, edited.replace("Real cracks are LIVE-EDIT-ONE longer",
                                        "Real cracks are {{ probeValue }} longer", 1)
                 .replace("```{eval}\n", "```{eval}\nimport \"_shared_probe.md\"\n", 1))
            wait_for(lambda: "4242" in driver.find_element("css selector", "main").text)
            save(part, "```{eval}\nlet probeValue = 5353\n```\n")
            check(bool(wait_for(lambda: "5353" in driver.find_element("css selector", "main").text)),
                  "editing an imported file updates the page that imports it")
    finally:
        driver.quit()
        status = server.stop()
    check(status == 0, f"SIGINT stops the server cleanly (exit {status})")


def timed_out(*_):
    raise SystemExit("FAIL: test_serve.py ran over its 240 s bound")


def main():
    if len(sys.argv) < 2:
        raise SystemExit(__doc__)
    # Bounded in time: the servers are stopped by the `finally` blocks on the way out.
    signal.signal(signal.SIGALRM, timed_out)
    signal.alarm(240)
    binary = os.path.abspath(sys.argv[1])
    http_checks(binary)
    if "--http-only" not in sys.argv:
        browser_checks(binary)
    if FAILURES:
        raise SystemExit(f"FAIL: {len(FAILURES)} serve checks failed")
    print("ok: lessonbuild serve")


if __name__ == "__main__":
    main()
