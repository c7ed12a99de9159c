#!/usr/bin/env python3
"""Run the shared grading vectors through a built page's own script in headless Chromium.

Usage: test_grading_vectors.py PAGE.html VECTORS.json

VECTORS.json is Tests/LessonKitTests/Fixtures/Quiz/grading_vectors.json: hand-written cases, each a
grading spec (the description the page embeds per question and `lessonbuild grade` applies), a
response and the expected verdict and credit. The Swift grader runs the same file
(QuizGradingVectorTests); here the page's `LessonbuildGrading.grade` runs it in the browser that
learners use. Exits non-zero on the first mismatch.
"""
import json
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from test_quiz import check, start_driver  # noqa: E402


def main(argv):
    if len(argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    with open(argv[2], encoding="utf-8") as f:
        vectors = json.load(f)
    started = time.time()
    driver = start_driver()
    try:
        driver.get("file://" + os.path.abspath(argv[1]))
        results = driver.execute_script(
            "var G = window.LessonbuildGrading, v = arguments[0];"
            "return {verdicts: v.verdicts.map(function (c) { return G.grade(c.spec, c.response); }),"
            " percents: v.percents.map(function (c) { return G.percent(c.total === 0 ? 0 : c.correct / c.total); }),"
            " passes: v.passes.map(function (c) { return G.passes(c.total === 0 ? 0 : c.correct / c.total, c.passMark); })};",
            vectors)
    finally:
        driver.quit()
    mismatches = []
    for i, (case, got) in enumerate(zip(vectors["verdicts"], results["verdicts"])):
        if got["verdict"] != case["expected"] or ("credit" in case and got["credit"] != case["credit"]):
            mismatches.append("vector %d: %s got %s" % (i, json.dumps(case, ensure_ascii=False), got))
    for case, got in zip(vectors["percents"], results["percents"]):
        if got != case["percent"]:
            mismatches.append("percent %s got %s" % (case, got))
    for case, got in zip(vectors["passes"], results["passes"]):
        if got != case["passed"]:
            mismatches.append("pass %s got %s" % (case, got))
    compared = len(vectors["verdicts"]) + len(vectors["percents"]) + len(vectors["passes"])
    check(not mismatches, "Chromium agrees on all %d vectors%s" % (compared, "" if not mismatches else ": " + mismatches[0]))
    print("PASS: %d grading vectors in headless Chromium in %.1f s" % (compared, time.time() - started))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
