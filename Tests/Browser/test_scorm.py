#!/usr/bin/env python3
"""Run a lessonbuild SCORM 1.2 package in a stand-in LMS in headless Chromium.

Usage: test_scorm.py PACKAGE.zip ANSWERS.json

PACKAGE.zip is `lessonbuild export LESSON --format scorm`; ANSWERS.json the lesson's independent
answers (as for test_quiz.py). The package is unzipped beside `scorm_host.html` (a page with a
recording `window.API`) and `scorm_frame.html` (a player frame between them, so the SCO must walk
up `window.parent`), served on 127.0.0.1, and the SCO is driven in its frame.

Checks:
  1. the manifest names the launch page and the mastery score; on load the SCO calls LMSInitialize
     and sets the status to incomplete;
  2. every answer right, Check score -> score.min 0, score.max 100, score.raw 100, lesson_status
     passed, then LMSCommit; the answers are in cmi.suspend_data (JSON, at most 4096 characters);
  3. a fresh learner with all but two right (6 of 8 = 75%, not above the 75% mark) -> score.raw 75,
     lesson_status failed, LMSCommit;
  4. leaving the page -> cmi.core.exit suspend, LMSCommit and LMSFinish, once;
  5. a learner coming back (suspend data, empty localStorage) gets the answers restored;
  6. the SCO opened in a new window by the LMS finds the API through window.opener;
  7. the package's page opened on its own (no LMS) grades as on the site and makes no API call.
"""
import functools
import http.server
import json
import os
import re
import shutil
import sys
import tempfile
import threading
import time
import urllib.parse
import zipfile

from selenium.webdriver.common.by import By

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from test_quiz import QuizPage, check, fail, start_driver  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(directory):
    handler = functools.partial(QuietHandler, directory=directory)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def calls(driver):
    driver.switch_to.default_content()
    return driver.execute_script("return window.scormCalls;")


def sets(call_list, key):
    return [c["args"][1] for c in call_list if c["call"] == "LMSSetValue" and c["args"][0] == key]


def wait_for(condition, message, timeout=10):
    end = time.time() + timeout
    while time.time() < end:
        value = condition()
        if value:
            return value
        time.sleep(0.05)
    fail(message)


def enter_sco(driver):
    """Switch into host frame -> player frame -> SCO."""
    driver.switch_to.default_content()
    driver.switch_to.frame(driver.find_element(By.ID, "sco"))
    wait_for(lambda: driver.find_elements(By.ID, "inner"), "the player frame loaded")
    driver.switch_to.frame(driver.find_element(By.ID, "inner"))
    wait_for(lambda: driver.find_elements(By.ID, "quiz-check"), "the SCO's quiz loaded")


def answer_all(page, questions, wrong=()):
    for qid, kind in questions:
        page.answer(qid, kind, page.wrong(qid, kind) if qid in wrong else page.right(qid))


def run(package, answers_path):
    with open(answers_path, encoding="utf-8") as f:
        answers = json.load(f)
    root = tempfile.mkdtemp(prefix="lessonbuild-scorm-")
    driver = None
    server = None
    try:
        with zipfile.ZipFile(package) as z:
            check(z.testzip() is None, "the package is a sound zip")
            z.extractall(root)
        manifest = open(os.path.join(root, "imsmanifest.xml"), encoding="utf-8").read()
        launch = re.search(r'adlcp:scormtype="sco" href="([^"]+)"', manifest).group(1)
        mastery = re.search(r"<adlcp:masteryscore>([^<]+)</adlcp:masteryscore>", manifest).group(1)
        check(os.path.exists(os.path.join(root, launch)), "the manifest's launch page %s is in the package" % launch)
        for name in ("scorm_host.html", "scorm_frame.html"):
            shutil.copy(os.path.join(HERE, name), root)
        server = serve(root)
        base = "http://127.0.0.1:%d/" % server.server_address[1]
        player = "scorm_frame.html?launch=" + urllib.parse.quote(launch)
        host = base + "scorm_host.html?launch=" + urllib.parse.quote(player)
        driver = start_driver()
        page = QuizPage(driver, None, answers)

        # 1. Initialize.
        driver.get(host)
        enter_sco(driver)
        driver.execute_script("window.localStorage.clear();")
        questions = page.questions()
        total = len(questions)
        check(total > 0 and sorted(q for q, _ in questions) == sorted(answers), "the SCO has the oracle's %d questions" % total)
        log = calls(driver)
        check(log and log[0]["call"] == "LMSInitialize" and log[0]["args"] == [""], "LMSInitialize(\"\") is the first call")
        check(sets(log, "cmi.core.lesson_status") == ["incomplete"], "status set to incomplete on launch")

        # 2. All right: passed.
        enter_sco(driver)
        answer_all(page, questions)
        page.by_id("quiz-check").click()
        check("passed. Lesson complete." in page.text("quiz-result"), "the page says passed")
        log = calls(driver)
        check(sets(log, "cmi.core.score.raw")[-1:] == ["100"], "score.raw 100: %r" % sets(log, "cmi.core.score.raw"))
        check(sets(log, "cmi.core.score.min")[-1:] == ["0"] and sets(log, "cmi.core.score.max")[-1:] == ["100"], "score range 0-100")
        check(sets(log, "cmi.core.lesson_status")[-1:] == ["passed"], "lesson_status passed")
        status_at = max(i for i, c in enumerate(log) if c["call"] == "LMSSetValue" and c["args"][0] == "cmi.core.lesson_status")
        check(any(c["call"] == "LMSCommit" for c in log[status_at:]), "LMSCommit after the status")
        suspend = sets(log, "cmi.suspend_data")[-1]
        check(len(suspend) <= 4096, "suspend data within SCORM 1.2's 4096 characters (%d)" % len(suspend))
        saved = json.loads(suspend)
        check(all(str(saved.get(q)) == page.right(q) for q, _ in questions), "suspend data holds every answer: %r" % saved)
        check(0 <= float(mastery) <= 100, "mastery score %s is a percentage" % mastery)

        # 3. A fresh learner, all but two right: 75% is not above the 75% mark -> failed.
        driver.get(host)
        enter_sco(driver)
        driver.execute_script("window.localStorage.clear();")
        driver.get(host)
        enter_sco(driver)
        wrong = {q for q, _ in questions[-2:]}
        answer_all(page, questions, wrong)
        page.by_id("quiz-check").click()
        log = calls(driver)
        expected = str(round((total - 2) / total * 1000) / 10).removesuffix(".0")
        check(sets(log, "cmi.core.score.raw") == [expected], "score.raw %s: %r" % (expected, sets(log, "cmi.core.score.raw")))
        passed = (total - 2) / total * 100 > float(mastery)
        check(sets(log, "cmi.core.lesson_status") == ["incomplete", "passed" if passed else "failed"],
              "status across the pass mark: %r" % sets(log, "cmi.core.lesson_status"))
        check(log[-1]["call"] == "LMSCommit", "committed")
        check(not any(c["call"] == "LMSFinish" for c in log), "not finished while the page is open")

        # 4. Leaving the page finishes the session once.
        driver.execute_script("window.loadSco('about:blank');")
        log = wait_for(lambda: (lambda l: l if any(c["call"] == "LMSFinish" for c in l) else None)(calls(driver)),
                       "LMSFinish when the SCO unloads")
        finishes = [i for i, c in enumerate(log) if c["call"] == "LMSFinish"]
        check(len(finishes) == 1 and log[-1]["call"] == "LMSFinish", "LMSFinish exactly once, last")
        check(sets(log, "cmi.core.exit")[-1:] == ["suspend"], "exit suspend before finishing")
        check(log[finishes[0] - 1]["call"] == "LMSCommit", "LMSCommit just before LMSFinish")

        # 5. Coming back: the LMS hands the suspend data back, localStorage is empty.
        suspend = sets(log, "cmi.suspend_data")[-1]
        driver.get(host.replace("launch=", "nolaunch="))
        driver.execute_script("window.localStorage.clear(); window.scormData['cmi.suspend_data'] = arguments[0];"
                              "window.scormData['cmi.core.lesson_status'] = 'failed'; window.loadSco(arguments[1]);",
                              suspend, player)
        enter_sco(driver)
        check(all(page.value(q, k) == (page.wrong(q, k) if q in wrong else page.right(q)) for q, k in questions),
              "answers restored from cmi.suspend_data")
        check(sets(calls(driver), "cmi.core.lesson_status") == [], "a resumed attempt keeps the LMS's status")

        # 6. Opened in a new window: the API is found through window.opener.
        driver.get(host.replace("launch=", "nolaunch="))
        host_window = driver.current_window_handle
        driver.execute_script("window.openSco(arguments[0]);", launch)
        popup = wait_for(lambda: [h for h in driver.window_handles if h != host_window], "the SCO window opened")[0]
        driver.switch_to.window(popup)
        wait_for(lambda: driver.find_elements(By.ID, "quiz-check"), "the SCO loaded in its window")
        driver.switch_to.window(host_window)
        log = calls(driver)
        check(log and log[0]["call"] == "LMSInitialize", "a SCO in a new window initializes through window.opener")
        driver.switch_to.window(popup)
        driver.close()
        driver.switch_to.window(host_window)
        check(wait_for(lambda: any(c["call"] == "LMSFinish" for c in calls(driver)), "closing the SCO window finishes the session"),
              "closing the SCO window calls LMSFinish")

        # 7. The package's page with no LMS around: works, no API.
        driver.switch_to.default_content()
        driver.get(base + launch)
        driver.execute_script("window.localStorage.clear();")
        driver.get(base + launch)
        check(driver.execute_script("return typeof window.API;") == "undefined", "no LMS API on its own")
        answer_all(page, questions)
        page.by_id("quiz-check").click()
        check("passed. Lesson complete." in page.text("quiz-result"), "without an LMS the quiz still grades and passes")
        return total
    finally:
        if driver:
            driver.quit()
        if server:
            server.shutdown()
        shutil.rmtree(root, ignore_errors=True)


def main(argv):
    if len(argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    started = time.time()
    total = run(argv[1], argv[2])
    print("PASS: SCORM package with %d questions, all checks in %.1f s" % (total, time.time() - started))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
