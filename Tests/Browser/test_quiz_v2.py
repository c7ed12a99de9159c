#!/usr/bin/env python3
"""Drive the quiz version 2 fixture page (explanations, matrix answers) in headless Chromium.

Usage: test_quiz_v2.py PAGE.html

PAGE.html is Tests/LessonKitTests/Fixtures/Quiz/v2.md built by lessonbuild. The right answers are
written here by hand, the feature map computed by NumPy (np.sum(window * kernel) per window).

Checks:
  1. before checking, every explanation region (a polite live region) is empty; the matrix has one input per
     cell, labelled with its row and column, reached by TAB in reading order;
  2. all right (matrix cells typed with the keyboard) -> every verdict Correct, each explanation
     revealed in a polite live region with its computed text;
  3. one matrix cell wrong -> "Partly right (75% of the cells)"; an unreadable number -> "Cannot read
     this answer" (invalid), and neither counts as right;
  4. reload restores the matrix cells; reset clears them and empties the explanations again.
"""
import os
import sys
import time

import numpy as np
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from test_quiz import QuizPage, check, start_driver  # noqa: E402

IMAGE = np.array([[0.05, 0.08, 0.06, 0.07], [0.12, 0.92, 0.88, 0.09], [0.08, 0.90, 0.93, 0.11], [0.06, 0.07, 0.09, 0.05]])
KERNEL = np.array([[-0.6, -0.6, -0.6], [1.1, 1.1, 1.1], [-0.6, -0.6, -0.6]])
FMAP = [[float(np.sum(IMAGE[r:r + 3, c:c + 3] * KERNEL)) for c in range(2)] for r in range(2)]
GRID = [[1, 2, 3], [4, 5, 6]]
ANSWERS = {"out-size": "112", "op": "2", "arrow": "Conv -> ReLU"}


def cells(page, qid):
    return page.d.find_elements(By.CSS_SELECTOR, "#quiz-%s input[type=text]" % qid)


def fill(page, qid, values):
    for r, row in enumerate(values):
        for c, value in enumerate(row):
            field = page.by_id("quiz-%s-r%dc%d" % (qid, r + 1, c + 1))
            field.clear()
            field.send_keys(str(value))


def explanations(page):
    return {qid: page.by_id("quiz-%s-explanation" % qid) for qid in ["out-size", "op", "arrow", "fmap"]}


def run(path):
    driver = start_driver()
    try:
        page = QuizPage(driver, "file://" + os.path.abspath(path), ANSWERS)
        page.load()
        page.reset()
        page.load()
        check(page.questions() == [("out-size", "numeric"), ("op", "choice"), ("arrow", "text"), ("fmap", "matrix"),
                                   ("grid", "matrix")], "the five questions")
        for qid, region in explanations(page).items():
            check(region.text == "" and not region.find_elements(By.XPATH, "./*"),
                  "%s: explanation region empty (nothing shown or read) before checking" % qid)
            check(region.get_attribute("aria-live") == "polite", "%s: explanation region is polite" % qid)
        labels = [f.get_attribute("aria-label") for f in cells(page, "fmap")]
        check(labels == ["Row 1, column 1", "Row 1, column 2", "Row 2, column 1", "Row 2, column 2"], "cells labelled: %r" % labels)

        # 2. All right; the feature map typed with the keyboard only (TAB between cells).
        for qid, kind in [("out-size", "numeric"), ("op", "choice"), ("arrow", "text")]:
            page.answer(qid, kind, ANSWERS[qid])
        page.by_id("quiz-fmap-r1c1").click()
        actions = ActionChains(driver)
        typed = []
        for r in range(2):
            for c in range(2):
                typed.append(driver.switch_to.active_element.get_attribute("id"))
                actions.send_keys(repr(FMAP[r][c])).perform()
                actions.send_keys(Keys.TAB).perform()
        check(typed == ["quiz-fmap-r1c1", "quiz-fmap-r1c2", "quiz-fmap-r2c1", "quiz-fmap-r2c2"], "TAB visits cells in reading order")
        fill(page, "grid", GRID)
        check(page.remaining() == "All questions answered.", "all answered: %r" % page.remaining())
        page.by_id("quiz-check").click()
        verdicts = page.verdicts()
        check(all(v.startswith("Correct") for v in verdicts.values()), "every verdict Correct: %r" % verdicts)
        check("You scored 100% (5 of 5)" in page.text("quiz-result"), page.text("quiz-result"))
        shown = {qid: region.text for qid, region in explanations(page).items()}
        check(all(region.is_displayed() and region.text for region in explanations(page).values()), "explanations revealed after checking")
        check("= 112." in shown["out-size"], "computed value in the explanation: %r" % shown["out-size"])
        check("The top-left value is %.3f" % FMAP[0][0] in shown["fmap"], "fmap explanation: %r" % shown["fmap"])
        check(not driver.find_elements(By.ID, "quiz-grid-explanation"), "a question without +++ has no explanation region")

        # 3. Partial credit and an unreadable answer.
        page.by_id("quiz-fmap-r2c2").clear()
        page.by_id("quiz-fmap-r2c2").send_keys("0.5")
        page.answer("out-size", "numeric", "84.7%")
        page.by_id("quiz-check").click()
        verdicts = page.verdicts()
        check(verdicts["fmap"].startswith("Partly right (75% of the cells)"), "partial: %r" % verdicts["fmap"])
        check(verdicts["out-size"].startswith("Cannot read this answer: `84.7%` is not a number"), "invalid: %r" % verdicts["out-size"])
        check("(3 of 5)" in page.text("quiz-result") and "You scored 75%" in page.text("quiz-result"),
              "3 right plus 0.75 of 5: %r" % page.text("quiz-result"))

        # A half-filled matrix is unreadable, with a plain message.
        page.by_id("quiz-grid-r2c3").clear()
        page.by_id("quiz-check").click()
        check(page.verdicts()["grid"].startswith("Cannot read this answer: fill in every cell"), "half-filled: %r" % page.verdicts()["grid"])
        fill(page, "grid", GRID)

        # 4. Reload restores the cells; reset hides the explanations.
        page.reload()
        check(page.by_id("quiz-fmap-r1c2").get_attribute("value") == repr(FMAP[0][1]), "cell restored after reload")
        check(page.by_id("quiz-fmap-r2c2").get_attribute("value") == "0.5", "edited cell restored after reload")
        page.reset()
        check(all(f.get_attribute("value") == "" for f in cells(page, "fmap")), "reset clears the cells")
        check(all(r.text == "" and not r.find_elements(By.XPATH, "./*") for r in explanations(page).values()),
              "reset empties the explanations")
        return 5
    finally:
        driver.quit()


def main(argv):
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    started = time.time()
    total = run(argv[1])
    print("PASS: quiz version 2 page, %d questions, all checks in %.1f s" % (total, time.time() - started))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
