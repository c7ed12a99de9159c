/// The quiz's inline JavaScript and style, as Swift strings. Vanilla ES5, no network, no `eval`,
/// no dependency; works from `file://`.
///
/// `grading` is pure (no DOM) and defines `LessonbuildGrading`; it implements `Grader`'s rules and
/// is run under `node` against `Fixtures/Quiz/grading_vectors.json` by the tests. `page` wraps it
/// with the DOM code: live remaining count, Check score, verdicts, storage, reset.
///
/// Behaviour: editing an answer saves it and clears that question's verdict; "Check score" shows
/// every verdict with the computed answer and announces the score; a pass marks the lesson
/// complete, and completion stays until "Reset answers" (a later lower score does not undo it).
/// Storage holds `{"answers": {id: text}, "completed": bool, "lastScore": {correct, total}}` under
/// `QuizHTML.storageKey`; when `localStorage` throws, the quiz works without saving. The answers
/// are in the page's data (grading happens offline in the page), so a learner who reads the source
/// can see them; `lessonbuild grade` is the authoritative grader.
public enum QuizScript {
    /// Grading rules, identical to `Grader.verdict`, `NumericResponse.parse`, `QuizText.fold`,
    /// `GradeReport.percent`.
    public static let grading = #"""
    var LessonbuildGrading = (function () {
      "use strict";
      var NUMBER = /^([+\-\u2212]?)(\d{1,3}(?:,\d{3})+|\d*)(?:\.(\d*))?(?:[eE]([+\-]?\d+))?$/;
      var RELATIVE_SLACK = 1e-12;
      function parseNumber(raw) {
        var m = NUMBER.exec(String(raw).trim());
        if (!m) { return null; }
        var whole = m[2].replace(/,/g, ""), frac = m[3] || "";
        if (whole.length + frac.length === 0) { return null; }
        var text = (m[1] === "" || m[1] === "+" ? "" : "-") + (whole || "0") + "." + (frac || "0") +
          (m[4] !== undefined ? "e" + m[4] : "");
        var value = Number(text);
        return isFinite(value) ? value : null;
      }
      function fold(s) { return String(s).trim().toUpperCase().toLowerCase().normalize("NFC"); }
      // question: {kind, answer (text), tolerance (text)}; returns "correct" | "incorrect" | "unanswered".
      function verdict(question, response) {
        if (response === null || response === undefined) { return "unanswered"; }
        var t = String(response).trim();
        if (t === "") { return "unanswered"; }
        if (question.kind === "numeric") {
          var r = parseNumber(t);
          if (r === null) { return "incorrect"; }
          var a = Number(question.answer), tol = Number(question.tolerance || "0");
          var slack = RELATIVE_SLACK * Math.max(Math.abs(a), Math.abs(r));
          return Math.abs(r - a) <= tol + slack ? "correct" : "incorrect";
        }
        if (question.kind === "choice") {
          if (!/^[0-9]{1,9}$/.test(t)) { return "incorrect"; }
          return parseInt(t, 10) === Number(question.answer) ? "correct" : "incorrect";
        }
        return fold(t) === fold(question.answer) ? "correct" : "incorrect";
      }
      function score(correct, total) { return total === 0 ? 0 : correct / total; }
      function passes(s, passMark) { return s > passMark; }
      function percent(s) { return String(Math.round(s * 1000) / 10) + "%"; }
      return { parseNumber: parseNumber, fold: fold, verdict: verdict, score: score, passes: passes, percent: percent };
    })();

    """#

    /// The DOM side; expects the markup of `QuizHTML` and the `quiz-data` JSON.
    static let dom = #"""
    (function () {
      "use strict";
      var G = LessonbuildGrading;
      var dataElement = document.getElementById("quiz-data");
      if (!dataElement) { return; }
      var data;
      try { data = JSON.parse(dataElement.textContent); } catch (e) { return; }
      var key = data.storageKey;
      var passMark = Number(data.passMark);
      function load() {
        try {
          var raw = window.localStorage.getItem(key);
          var saved = raw ? JSON.parse(raw) : null;
          if (saved && typeof saved === "object" && saved.answers && typeof saved.answers === "object") { return saved; }
        } catch (e) { /* storage unavailable or corrupt: start fresh */ }
        return null;
      }
      function save() {
        try { window.localStorage.setItem(key, JSON.stringify(state)); } catch (e) { /* private mode, quota: keep going */ }
      }
      function forget() {
        try { window.localStorage.removeItem(key); } catch (e) { /* ignore */ }
      }
      var state = load() || { answers: {}, completed: false };
      function byId(id) { return document.getElementById(id); }
      function radios(q) { return document.getElementsByName("quiz-" + q.id); }
      function read(q) {
        if (q.kind === "choice") {
          var list = radios(q);
          for (var i = 0; i < list.length; i++) { if (list[i].checked) { return list[i].value; } }
          return "";
        }
        var input = byId("quiz-" + q.id + "-input");
        return input ? input.value : "";
      }
      function write(q, value) {
        if (q.kind === "choice") {
          var list = radios(q);
          for (var i = 0; i < list.length; i++) { list[i].checked = (list[i].value === String(value)); }
        } else {
          var input = byId("quiz-" + q.id + "-input");
          if (input) { input.value = value === undefined || value === null ? "" : String(value); }
        }
      }
      function setVerdict(q, text, verdict) {
        var el = byId("quiz-" + q.id + "-verdict");
        if (!el) { return; }
        el.textContent = text;
        el.className = "verdict" + (verdict ? " verdict-" + verdict : "");
      }
      function shownAnswer(q) {
        if (q.kind !== "choice") { return q.display; }
        var label = document.querySelector("label[for='quiz-" + q.id + "-option" + q.answer + "']");
        var text = label ? label.textContent.replace(/\s+/g, " ").trim() : "";
        return "option " + q.answer + (text ? ", \u201c" + text + "\u201d" : "");
      }
      function remainingText(n) {
        if (n === 0) { return "All questions answered."; }
        return n === 1 ? "1 question remaining." : n + " questions remaining.";
      }
      function update() {
        var remaining = 0;
        for (var i = 0; i < data.questions.length; i++) {
          if (read(data.questions[i]).trim() === "") { remaining++; }
        }
        var el = byId("quiz-remaining");
        if (el && el.textContent !== remainingText(remaining)) { el.textContent = remainingText(remaining); }
      }
      function showCompletion() {
        var panel = byId("quiz-panel"), done = byId("quiz-complete");
        if (done) { done.hidden = !state.completed; }
        if (panel) { panel.className = state.completed ? "quiz is-complete" : "quiz"; }
      }
      function changed(q) {
        state.answers[q.id] = read(q);
        setVerdict(q, "", null);
        save();
        update();
      }
      function check() {
        var correct = 0;
        for (var i = 0; i < data.questions.length; i++) {
          var q = data.questions[i];
          var v = G.verdict(q, read(q));
          if (v === "correct") { correct++; }
          var lead = v === "correct" ? "Correct" : (v === "unanswered" ? "Not answered" : "Not quite");
          setVerdict(q, lead + " \u2014 the computed answer is " + shownAnswer(q) + ".", v);
        }
        var total = data.questions.length;
        var s = G.score(correct, total);
        var passed = G.passes(s, passMark);
        if (passed) { state.completed = true; }
        state.lastScore = { correct: correct, total: total };
        save();
        var result = "You scored " + G.percent(s) + " (" + correct + " of " + total + "): " +
          (passed ? "passed. Lesson complete." : "not passed \u2014 you need more than " + data.passText + ".");
        var el = byId("quiz-result");
        if (el) { el.textContent = result; el.className = "quiz-result " + (passed ? "is-passed" : "is-not-passed"); }
        showCompletion();
      }
      function reset() {
        forget();
        state = { answers: {}, completed: false };
        for (var i = 0; i < data.questions.length; i++) {
          write(data.questions[i], "");
          setVerdict(data.questions[i], "", null);
        }
        var el = byId("quiz-result");
        if (el) { el.textContent = "Answers reset."; el.className = "quiz-result"; }
        showCompletion();
        update();
      }
      data.questions.forEach(function (q) {
        var saved = state.answers[q.id];
        if (typeof saved === "string" || typeof saved === "number") { write(q, saved); }
        var controls = q.kind === "choice" ? radios(q) : [byId("quiz-" + q.id + "-input")];
        for (var i = 0; i < controls.length; i++) {
          if (!controls[i]) { continue; }
          controls[i].addEventListener("input", function () { changed(q); });
          controls[i].addEventListener("change", function () { changed(q); });
        }
      });
      var checkButton = byId("quiz-check"), resetButton = byId("quiz-reset");
      if (checkButton) { checkButton.addEventListener("click", check); }
      if (resetButton) { resetButton.addEventListener("click", reset); }
      if (state.completed) {
        var el = byId("quiz-result");
        if (el && state.lastScore) { el.textContent = "Lesson complete (you scored above " + data.passText + ")."; }
      }
      showCompletion();
      update();
    })();

    """#

    /// The page script: `grading` and `dom` in one block.
    public static var page: String { grading + dom }

    /// Focus and verdict styles the quiz needs to be usable (visible focus for keyboard users).
    /// Colors come from the stylesheet's light and dark scheme variables; the fallbacks are the
    /// light scheme's, for a page read without `lessonbuild.css`.
    public static let style = """
    .question input:focus-visible, .quiz button:focus-visible { outline: 3px solid var(--focus, #1a5fb4); outline-offset: 2px; }
    .question-title { font-weight: 700; margin-bottom: 0.25rem; }
    .question fieldset { border: 1px solid var(--border, #999); border-radius: 4px; }
    .verdict-correct { color: var(--ok, #1b5e20); font-weight: 600; }
    .verdict-incorrect, .verdict-unanswered { color: var(--bad, #8a1c1c); font-weight: 600; }
    .quiz.is-complete .quiz-complete { font-weight: 700; color: var(--ok, #1b5e20); }

    """
}
