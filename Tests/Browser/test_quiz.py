#!/usr/bin/env python3
"""Drive a lessonbuild quiz page in headless Chromium.

Usage: test_quiz.py PAGE.html ANSWERS.json [--screenshots DIR]

ANSWERS.json is an independent oracle in the responses format of `lessonbuild grade`
({"q1": "112", "q2": 2, ...}): the right answer of every question on the page, computed
without lessonbuild (for the CNN lesson by a NumPy script). For a question with variants the
answer is {"variant": N, "answer": A}; the test moves that question to variant N before answering.

Checks, in order (each on a fresh quiz):
  1. the live "N questions remaining" count, then every answer right -> passed, lesson complete,
     every verdict "Correct" (screenshots before and after checking);
  2. reload -> every answer restored and the lesson still complete;
  3. reset -> answers, verdicts and completion cleared, also after a reload;
  4. all but two right (6 of 8 for the CNN lesson: 75% is not above 75%) -> not passed;
  5. keyboard only (TAB, SPACE, arrow keys, typing, ENTER; no clicks) -> passed and complete,
     with a visible focus outline on inputs and buttons;
  6. with localStorage throwing on access, the quiz still counts, grades and passes.
Exits non-zero on the first failed check. Needs selenium, chromium and chromedriver.
"""
import json
import os
import sys
import time

from selenium import webdriver
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.common.action_chains import ActionChains

HERE = os.path.dirname(os.path.abspath(__file__))


def fail(message):
    print("FAIL: " + message, file=sys.stderr)
    raise SystemExit(1)


def check(condition, message):
    if not condition:
        fail(message)
    print("ok: " + message)


def start_driver():
    options = webdriver.ChromeOptions()
    for argument in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1100,2400"]:
        options.add_argument(argument)
    options.binary_location = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    service = webdriver.ChromeService(executable_path=os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver"))
    return webdriver.Chrome(service=service, options=options)


class QuizPage:
    def __init__(self, driver, url, answers):
        self.d = driver
        self.url = url
        self.answers = answers

    def load(self):
        self.d.get(self.url)

    def reload(self):
        """A reload as a learner does it (the recipe: localStorage persists across refresh on file://)."""
        self.d.refresh()

    def questions(self):
        """[(id, kind)] in page order."""
        sections = self.d.find_elements(By.CSS_SELECTOR, "section.question")
        return [(s.get_attribute("data-question"), s.get_attribute("data-kind")) for s in sections]

    def by_id(self, element_id):
        return self.d.find_element(By.ID, element_id)

    def radios(self, qid):
        return self.d.find_elements(By.CSS_SELECTOR, "input[type=radio][name='quiz-%s']" % qid)

    def text(self, element_id):
        return self.by_id(element_id).text.strip()

    def remaining(self):
        return self.text("quiz-remaining")

    def complete_shown(self):
        return self.by_id("quiz-complete").is_displayed()

    def right(self, qid):
        """The oracle's answer; for a question with variants it is {"variant": N, "answer": A}."""
        answer = self.answers[qid]
        return str(answer["answer"]) if isinstance(answer, dict) else str(answer)

    def pin_variant(self, qid):
        """Before answering a question with variants: press its "New variant" button (from the
        script, not as a learner) until the page shows the variant the oracle answered."""
        answer = self.answers.get(qid)
        if not isinstance(answer, dict):
            return
        for _ in range(500):
            if self.by_id("quiz-%s" % qid).get_attribute("data-variant") == str(answer["variant"]):
                return
            self.d.execute_script("arguments[0].click();", self.by_id("quiz-%s-new-variant" % qid))
        fail("%s never showed variant %s" % (qid, answer["variant"]))

    def wrong(self, qid, kind):
        if kind == "choice":
            n = len(self.radios(qid))
            return str(int(self.right(qid)) % n + 1)
        if kind == "numeric":
            value = float(self.right(qid).replace(",", ""))
            return repr(abs(value) * 3 + 12345.678)
        return self.right(qid) + " not"

    def answer(self, qid, kind, value):
        """Answers with the mouse and the keyboard as a learner would (click, type)."""
        self.pin_variant(qid)
        if kind == "choice":
            self.by_id("quiz-%s-option%s" % (qid, value)).click()
        else:
            field = self.by_id("quiz-%s-input" % qid)
            field.clear()
            field.send_keys(value)

    def value(self, qid, kind):
        if kind == "choice":
            checked = [r.get_attribute("value") for r in self.radios(qid) if r.is_selected()]
            return checked[0] if checked else ""
        return self.by_id("quiz-%s-input" % qid).get_attribute("value")

    def verdicts(self):
        return {qid: self.text("quiz-%s-verdict" % qid) for qid, _ in self.questions()}

    def reset(self):
        self.by_id("quiz-reset").click()

    def screenshot(self, directory, name):
        os.makedirs(directory, exist_ok=True)
        path = os.path.join(directory, name)
        # The whole page in one picture: grow the window until the viewport holds the page.
        for _ in range(3):
            height, inner = self.d.execute_script(
                "return [document.documentElement.scrollHeight, window.innerHeight]")
            if inner >= height:
                break
            size = self.d.get_window_size()
            self.d.set_window_size(1100, min(size["height"] + height - inner + 20, 16000))
        self.d.save_screenshot(path)
        print("screenshot: " + path)


def remaining_text(n):
    if n == 0:
        return "All questions answered."
    return "1 question remaining." if n == 1 else "%d questions remaining." % n


def run(page_path, answers_path, screenshots):
    with open(answers_path, encoding="utf-8") as f:
        answers = json.load(f)
    driver = start_driver()
    try:
        page = QuizPage(driver, "file://" + os.path.abspath(page_path), answers)
        page.load()
        page.reset()
        page.load()
        questions = page.questions()
        total = len(questions)
        check(total > 0, "the page has %d questions" % total)
        check(sorted(q for q, _ in questions) == sorted(answers), "the oracle answers exactly the page's questions")
        check(page.remaining() == remaining_text(total), "initially: %r" % page.remaining())
        check(not page.complete_shown(), "not complete before answering")
        check(not driver.find_elements(By.CSS_SELECTOR, "script[src]"), "no script from elsewhere")

        # 1. All right, answering one by one while the live count goes down.
        page.screenshot(screenshots, "01-before-checking.png")
        for n, (qid, kind) in enumerate(questions):
            page.answer(qid, kind, page.right(qid))
            check(page.remaining() == remaining_text(total - n - 1), "after answering %s: %r" % (qid, page.remaining()))
        page.by_id("quiz-check").click()
        result = page.text("quiz-result")
        verdicts = page.verdicts()
        page.screenshot(screenshots, "02-after-checking-all-right.png")
        check(all(v.startswith("Correct") for v in verdicts.values()), "every verdict is Correct: %r" % verdicts)
        check("passed. Lesson complete." in result and "not passed" not in result, "all right passes: %r" % result)
        check(page.complete_shown(), "lesson complete is shown")
        check("(%d of %d)" % (total, total) in result, "the result counts %d of %d" % (total, total))

        # 2. Reload restores answers and completion.
        page.reload()
        for qid, kind in questions:
            got = page.value(qid, kind)
            check(got == page.right(qid), "%s restored after reload (%r)" % (qid, got))
        check(page.complete_shown(), "still complete after reload")
        check(page.remaining() == remaining_text(0), "count after reload: %r" % page.remaining())

        # 3. Reset clears everything, also across a reload.
        page.reset()
        check(all(page.value(q, k) == "" for q, k in questions), "reset clears every answer")
        check(not page.complete_shown(), "reset clears completion")
        check(all(v == "" for v in page.verdicts().values()), "reset clears the verdicts")
        check(page.remaining() == remaining_text(total), "count after reset: %r" % page.remaining())
        page.reload()
        check(all(page.value(q, k) == "" for q, k in questions), "still cleared after reload")
        check(not page.complete_shown(), "still not complete after reload")

        # 4. All but two right: 6 of 8 is 75%, not above 75%.
        wrong = {q for q, _ in questions[-2:]}
        for qid, kind in questions:
            page.answer(qid, kind, page.wrong(qid, kind) if qid in wrong else page.right(qid))
        page.by_id("quiz-check").click()
        result = page.text("quiz-result")
        verdicts = page.verdicts()
        page.screenshot(screenshots, "03-after-checking-two-wrong.png")
        check(sum(v.startswith("Correct") for v in verdicts.values()) == total - 2, "exactly %d Correct" % (total - 2))
        check(all(verdicts[q].startswith("Not quite") for q in wrong), "the two wrong ones say Not quite: %r" % verdicts)
        check(all("the computed answer is" in v for v in verdicts.values()), "every verdict shows the computed answer")
        data = json.loads(page.by_id("quiz-data").get_attribute("textContent"))
        expect_pass = (total - 2) / total > float(data["passMark"])
        if total == 8 and float(data["passMark"]) == 0.75:
            check(not expect_pass, "6 of 8 is not above 75%")
        check(("not passed" not in result) == expect_pass, "%d of %d: %r" % (total - 2, total, result))
        check(page.complete_shown() == expect_pass, "completion follows the pass")
        page.reset()

        # 5. Keyboard only.
        keyboard_only(driver, page, questions, screenshots)

        # 6. Storage that throws (private mode, blocked cookies): the quiz still grades.
        blocked = driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source":
            "Object.defineProperty(window, 'localStorage', {get: function () {"
            " throw new DOMException('blocked by the test', 'SecurityError'); }});"})
        page.load()
        threw = driver.execute_script("try { window.localStorage.length; return false; } catch (e) { return true; }")
        check(threw, "localStorage is blocked for this check")
        check(page.remaining() == remaining_text(total), "without storage: %r" % page.remaining())
        for qid, kind in questions:
            page.answer(qid, kind, page.right(qid))
        page.by_id("quiz-check").click()
        result = page.text("quiz-result")
        check("passed. Lesson complete." in result, "without storage all right still passes: %r" % result)
        driver.execute_cdp_cmd("Page.removeScriptToEvaluateOnNewDocument", {"identifier": blocked["identifier"]})
        page.load()
        page.reset()
        return total
    finally:
        driver.quit()


def keyboard_only(driver, page, questions, screenshots):
    page.load()
    driver.execute_script("document.activeElement && document.activeElement.blur(); window.focus();")
    actions = ActionChains(driver)
    done = set()
    outline_checked = {"input": False, "button": False}
    for _ in range(400):
        actions.send_keys(Keys.TAB).perform()
        el = driver.switch_to.active_element
        tag = el.tag_name.lower()
        if tag in ("input", "button") and not outline_checked[tag]:
            style = driver.execute_script("var s = getComputedStyle(arguments[0]); return [s.outlineStyle, s.outlineWidth];", el)
            check(style[0] != "none" and style[1] != "0px", "visible focus on a focused %s: %r" % (tag, style))
            outline_checked[tag] = True
        element_id = el.get_attribute("id") or ""
        if tag == "input" and el.get_attribute("type") == "radio":
            qid = el.get_attribute("name")[len("quiz-"):]
            if qid in done:
                continue
            right = int(page.right(qid))
            actions.send_keys(Keys.SPACE).perform()
            current = int(driver.switch_to.active_element.get_attribute("value"))
            steps = (right - current) % len(page.radios(qid))
            for _ in range(steps):
                actions.send_keys(Keys.ARROW_DOWN).perform()
            check(page.value(qid, "choice") == str(right), "keyboard chose option %d for %s" % (right, qid))
            done.add(qid)
        elif tag == "input" and element_id.endswith("-input"):
            qid = element_id[len("quiz-"):-len("-input")]
            actions.send_keys(page.right(qid)).perform()
            done.add(qid)
        elif element_id == "quiz-check":
            check(len(done) == len(questions), "keyboard reached Check score after answering all %d" % len(questions))
            check(page.remaining() == remaining_text(0), "keyboard: %r" % page.remaining())
            actions.send_keys(Keys.ENTER).perform()
            break
    else:
        fail("TAB never reached the Check score button")
    result = page.text("quiz-result")
    page.screenshot(screenshots, "04-keyboard-only.png")
    check("passed. Lesson complete." in result and "not passed" not in result, "keyboard only passes: %r" % result)
    check(page.complete_shown(), "keyboard only: lesson complete")
    check(all(outline_checked.values()), "focus outline checked on inputs and buttons")
    page.reset()


def main(argv):
    if len(argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    screenshots = os.path.join(HERE, "screenshots")
    if "--screenshots" in argv:
        screenshots = argv[argv.index("--screenshots") + 1]
    started = time.time()
    total = run(argv[1], argv[2], screenshots)
    print("PASS: %d questions, all checks in %.1f s" % (total, time.time() - started))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
