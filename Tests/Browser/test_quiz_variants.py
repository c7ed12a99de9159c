#!/usr/bin/env python3
"""Drive quiz variants (Tests/LessonKitTests/Fixtures/Quiz/variants.md) in headless Chromium.

Usage: test_quiz_variants.py PAGE.html QUIZ.json

PAGE.html is the fixture built by lessonbuild; QUIZ.json is `lessonbuild export variants.md --format
json`, read for each variant's given values. The right answers are computed here from those given
values (area: h * w; bigger: the option with the larger kernel), never taken from lessonbuild's answers.

The page chooses a learner's variant with Math.random on the first visit. Each browser profile gets
its own seeded Math.random (injected before the page's script), so the two profiles are certain to
get different variants. Checks:
  1. two profiles (separate browsers, separate localStorage) show different variants of `area`, each
     with its own given numbers in the prompt; the question without variants has no "New variant";
  2. a reload keeps the variant, even with Math.random now giving something else;
  3. the right answer for the shown variant grades Correct, with the explanation of that variant;
  4. "New variant" pressed with the keyboard (focus, Enter) changes the numbers, clears that answer
     and its verdict and explanation, announces "Variant K of N" in a polite status, and the new
     variant is kept across a reload; the choice question's options change with its variant.
"""
import json
import os
import re
import sys

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from test_quiz import check, fail, start_driver  # noqa: E402


def seeded_random(value):
    return "Math.random = function () { return %r; };" % value


def right_answer(name, given):
    if name == "area":
        return str(given["h"] * given["w"])
    if name == "bigger":
        return "1" if given["a"] > given["b"] else "2"
    fail("no oracle for %s" % name)


def text(element):
    return re.sub(r"\s+", " ", element.get_attribute("textContent")).strip()


class Learner:
    def __init__(self, url, quiz, random_value):
        self.d = start_driver()
        self.url = url
        self.quiz = {q["name"]: q for q in quiz["questions"]}
        self.script = self.d.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": seeded_random(random_value)})
        self.d.get(url)

    def reseed(self, random_value):
        self.d.execute_cdp_cmd("Page.removeScriptToEvaluateOnNewDocument", {"identifier": self.script["identifier"]})
        self.script = self.d.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": seeded_random(random_value)})

    def by_id(self, element_id):
        return self.d.find_element(By.ID, element_id)

    def variant(self, qid):
        return int(self.by_id("quiz-" + qid).get_attribute("data-variant"))

    def given(self, qid):
        return self.quiz[qid]["variants"][self.variant(qid) - 1]

    def prompt(self, qid):
        return text(self.by_id("quiz-%s-prompt" % qid))

    def quit(self):
        self.d.quit()


def run(page_path, quiz_path):
    with open(quiz_path, encoding="utf-8") as f:
        quiz = json.load(f)
    url = "file://" + os.path.abspath(page_path)
    count = len([q for q in quiz["questions"] if q["name"] == "area"][0]["variants"])
    one = Learner(url, quiz, 0.1)
    two = Learner(url, quiz, 0.8)
    try:
        # 1. Two learners, two variants, each prompt with its own given numbers.
        check(one.variant("area") == 1 + int(0.1 * count), "learner one got variant %d" % one.variant("area"))
        check(one.variant("area") != two.variant("area"), "two profiles, two variants (%d, %d)" % (one.variant("area"), two.variant("area")))
        for learner in (one, two):
            v = learner.given("area")
            check(v["prompt"] == learner.prompt("area"), "the page shows variant %d's prompt: %r" % (learner.variant("area"), learner.prompt("area")))
            check("%d rows and %d columns" % (v["given"]["h"], v["given"]["w"]) in learner.prompt("area"), "given numbers in the prompt")
        check(one.prompt("area") != two.prompt("area"), "different numbers for different learners")
        check(not one.d.find_elements(By.ID, "quiz-fixed-new-variant"), "no New variant on a question without variants")
        check(one.by_id("quiz-area-new-variant").is_displayed(), "New variant is shown")

        # 2. A reload keeps the variant although Math.random now says otherwise.
        first = one.variant("area")
        one.reseed(0.55)
        one.d.refresh()
        check(one.variant("area") == first, "variant %d kept across reload" % first)
        check(one.given("area")["prompt"] == one.prompt("area"), "prompt restored with the variant")

        # 3. The right answer for this variant is correct; the explanation is this variant's.
        field = one.by_id("quiz-area-input")
        field.clear()
        field.send_keys(right_answer("area", one.given("area")["given"]))
        one.by_id("quiz-check").click()
        verdict = text(one.by_id("quiz-area-verdict"))
        check(verdict.startswith("Correct"), "the variant's own answer is correct: %r" % verdict)
        explanation = text(one.by_id("quiz-area-explanation"))
        check(explanation == one.given("area")["explanation"], "the variant's explanation: %r" % explanation)

        # 4. New variant, with the keyboard only: focus the button and press Enter.
        before = (one.variant("area"), one.prompt("area"))
        button = one.by_id("quiz-area-new-variant")
        one.d.execute_script("arguments[0].focus();", button)
        check(one.d.switch_to.active_element == button, "the New variant button takes focus")
        button.send_keys(Keys.ENTER)
        after = one.variant("area")
        check(after != before[0] and 1 <= after <= count, "New variant moved from %d to %d" % (before[0], after))
        check(one.prompt("area") != before[1] and one.prompt("area") == one.given("area")["prompt"], "new numbers: %r" % one.prompt("area"))
        check(one.by_id("quiz-area-input").get_attribute("value") == "", "the answer was cleared")
        check(text(one.by_id("quiz-area-verdict")) == "", "the verdict was cleared")
        check(text(one.by_id("quiz-area-explanation")) == "", "the explanation is hidden again")
        status = one.by_id("quiz-area-variant-status")
        check(status.get_attribute("aria-live") == "polite" and status.get_attribute("role") == "status", "the status is announced politely")
        check(text(status).startswith("Variant %d of %d" % (after, count)), "announced: %r" % text(status))
        one.d.refresh()
        check(one.variant("area") == after, "the new variant is kept across reload")
        check(one.by_id("quiz-area-input").get_attribute("value") == "", "and its answer stays cleared")

        # The choice question: options change with the variant, and its right option grades correct.
        shown = [text(e) for e in one.d.find_elements(By.CSS_SELECTOR, "#quiz-bigger label")]
        v = one.given("bigger")
        check(shown == v["options"], "choice options of variant %d: %r" % (one.variant("bigger"), shown))
        one.by_id("quiz-bigger-option" + right_answer("bigger", v["given"])).click()
        one.by_id("quiz-check").click()
        check(text(one.by_id("quiz-bigger-verdict")).startswith("Correct"), "choice variant graded: %r" % text(one.by_id("quiz-bigger-verdict")))
        one.by_id("quiz-reset").click()
        check(one.variant("area") == after, "Reset answers keeps the variants")
    finally:
        one.quit()
        two.quit()


def main(argv):
    if len(argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    run(argv[1], argv[2])
    print("PASS: quiz variants")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
