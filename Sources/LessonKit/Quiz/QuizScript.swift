/// The quiz's inline JavaScript and style, as Swift strings. Vanilla ES5, no network, no `eval`,
/// no dependency; works from `file://`.
///
/// `grading` is pure (no DOM) and defines `LessonbuildGrading`, a small interpreter of the
/// `GradingSpec` each question carries in the page data (the one description `lessonbuild grade`
/// applies too); it is run under `node` and in headless Chromium against
/// `Fixtures/Quiz/grading_vectors.json` by the tests. `scorm` is the SCORM 1.2 runtime adapter
/// (inert without an LMS). `page` wraps them with the DOM code: live remaining count, Check score,
/// verdicts, explanations, storage, reset.
///
/// Variants: a question with `:variants:` shows the variant stored under
/// `lessonbuild:LESSON:variant:ID` (chosen at random on the first visit); "New variant" moves to
/// another variant at random, clears that question's answer, verdict and explanation, and announces
/// "Variant K of N" in a polite status. "Reset answers" keeps the variants.
///
/// Behaviour: editing an answer saves it and clears that question's verdict; "Check score" shows
/// every verdict with the computed answer, reveals each explanation (in a polite live region) and
/// announces the score; a pass marks the lesson
/// complete, and completion stays until "Reset answers" (a later lower score does not undo it).
/// Storage holds `{"answers": {id: text}, "completed": bool, "lastScore": {correct, total}}` under
/// `QuizHTML.storageKey`; when `localStorage` throws, the quiz works without saving. The answers
/// are in the page's data (grading happens offline in the page), so a learner who reads the source
/// can see them; `lessonbuild grade` is the authoritative grader.
public enum QuizScript {
    /// The interpreter of `GradingSpec`: the same steps as `GradingSpec.grade`,
    /// `NumericResponse.parse`, `QuizText.fold` and `GradeReport.percent`.
    public static let grading = #"""
    var LessonbuildGrading = (function () {
      "use strict";
      var NUMBER = /^([+\-\u2212]?)([1-9]\d{0,2}(?:,\d{3})+|\d*)(?:\.(\d*))?(?:[eE]([+\-]?\d+))?$/;
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
      function quoted(t) { return "`" + (t.length > 40 ? t.slice(0, 40) + "\u2026" : t) + "`"; }
      // The response's cells, or {reason} when it cannot be read as spec.read says.
      function readCells(spec, t) {
        if (spec.read === "number") {
          var r = parseNumber(t);
          return r === null ? { reason: quoted(t) + " is not a number" } : { cells: [r] };
        }
        if (spec.read === "option") {
          var count = spec.options || 0;
          if (!/^[0-9]{1,9}$/.test(t) || parseInt(t, 10) < 1 || parseInt(t, 10) > Math.max(count, 1)) {
            return { reason: quoted(t) + " is not an option number from 1 to " + count };
          }
          return { cells: [parseInt(t, 10)] };
        }
        if (spec.read === "text") { return { cells: [fold(t)] }; }
        var lines = t.split(";"), cells = [];
        for (var i = 0; i < lines.length; i++) {
          var line = lines[i].trim(), parts = line === "" ? [] : line.split(/[ \t]+/);
          if (parts.length !== spec.columns || lines.length !== spec.rows) {
            return { reason: quoted(t) + " is not a " + spec.rows + " x " + spec.columns +
              " matrix (rows separated by `;`, cells by spaces)" };
          }
          for (var j = 0; j < parts.length; j++) {
            var v = parseNumber(parts[j]);
            if (v === null) { return { reason: "matrix cell `" + parts[j] + "` is not a number" }; }
            cells.push(v);
          }
        }
        return { cells: cells };
      }
      function matches(spec, cell, i) {
        if (spec.read === "number" || spec.read === "rows") {
          var a = Number(spec.expected[i]), tol = Number((spec.tolerance && spec.tolerance[i]) || "0");
          return Math.abs(cell - a) <= tol + RELATIVE_SLACK * Math.max(Math.abs(a), Math.abs(cell));
        }
        if (spec.read === "option") { return cell === Number(spec.expected[i]); }
        return cell === fold(spec.expected[i]);
      }
      // spec: a GradingSpec; returns {verdict: correct|partial|incorrect|invalid|unanswered, credit, reason}.
      function grade(spec, response) {
        if (response === null || response === undefined) { return { verdict: "unanswered", credit: 0 }; }
        var t = String(response).trim();
        if (t === "") { return { verdict: "unanswered", credit: 0 }; }
        var read = readCells(spec, t);
        if (read.reason !== undefined) { return { verdict: "invalid", credit: 0, reason: read.reason }; }
        var right = 0;
        for (var i = 0; i < read.cells.length && i < spec.expected.length; i++) {
          if (matches(spec, read.cells[i], i)) { right++; }
        }
        if (right === spec.expected.length) { return { verdict: "correct", credit: 1 }; }
        if (spec.partial && right > 0) { return { verdict: "partial", credit: right / spec.expected.length }; }
        return { verdict: "incorrect", credit: 0 };
      }
      function passes(s, passMark) { return s > passMark; }
      function percent(s) { return String(Math.round(s * 1000) / 10) + "%"; }
      return { parseNumber: parseNumber, fold: fold, grade: grade, passes: passes, percent: percent };
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
      var lms = LessonbuildSCORM.connect(window);
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
        if (lms) { lms.saveAnswers(lmsAnswers()); }
      }
      function forget() {
        try { window.localStorage.removeItem(key); } catch (e) { /* ignore */ }
      }
      var state = load() || { answers: {}, completed: false };
      // In an LMS the suspend data also keeps each variant, as "ID.variant" beside "ID" (the CSV
      // columns `lessonbuild grade` reads), so a learner who comes back elsewhere keeps it.
      var resumedVariants = {};
      if (lms) {
        var resumed = lms.loadAnswers();
        if (resumed && Object.keys(state.answers).length === 0) {
          state.answers = {};
          Object.keys(resumed).forEach(function (k) {
            if (/\.variant$/.test(k)) { resumedVariants[k.slice(0, -8)] = parseInt(resumed[k], 10); } else { state.answers[k] = resumed[k]; }
          });
        }
      }
      function lmsAnswers() {
        var out = {};
        Object.keys(state.answers).forEach(function (k) { out[k] = state.answers[k]; });
        data.questions.forEach(function (q) { if (q.variant) { out[q.id + ".variant"] = String(q.variant); } });
        return out;
      }
      function byId(id) { return document.getElementById(id); }
      function radios(q) { return document.getElementsByName("quiz-" + q.id); }
      function cellInput(q, r, c) { return byId("quiz-" + q.id + "-r" + (r + 1) + "c" + (c + 1)); }
      function controls(q) {
        if (q.kind === "choice") { return radios(q); }
        if (q.spec.read === "rows") {
          var list = [];
          for (var r = 0; r < q.spec.rows; r++) { for (var c = 0; c < q.spec.columns; c++) { list.push(cellInput(q, r, c)); } }
          return list;
        }
        return [byId("quiz-" + q.id + "-input")];
      }
      // The response as text, the form `lessonbuild grade` reads: a matrix as "a b; c d".
      function read(q) {
        if (q.kind === "choice") {
          var list = radios(q);
          for (var i = 0; i < list.length; i++) { if (list[i].checked) { return list[i].value; } }
          return "";
        }
        if (q.spec.read === "rows") {
          var rows = [], any = false;
          for (var r = 0; r < q.spec.rows; r++) {
            var cells = [];
            for (var c = 0; c < q.spec.columns; c++) {
              var input = cellInput(q, r, c), v = input ? input.value.trim() : "";
              if (v !== "") { any = true; }
              cells.push(v === "" ? "?" : v.replace(/[\s;]+/g, "?"));
            }
            rows.push(cells.join(" "));
          }
          return any ? rows.join("; ") : "";
        }
        var input = byId("quiz-" + q.id + "-input");
        return input ? input.value : "";
      }
      function write(q, value) {
        var text = value === undefined || value === null ? "" : String(value);
        if (q.kind === "choice") {
          var list = radios(q);
          for (var i = 0; i < list.length; i++) { list[i].checked = (list[i].value === text); }
        } else if (q.spec.read === "rows") {
          var rows = text === "" ? [] : text.split(";");
          for (var r = 0; r < q.spec.rows; r++) {
            var cells = rows[r] ? rows[r].trim().split(/[ \t]+/) : [];
            for (var c = 0; c < q.spec.columns; c++) {
              var input = cellInput(q, r, c);
              if (input) { input.value = cells[c] && cells[c] !== "?" ? cells[c] : ""; }
            }
          }
        } else {
          var field = byId("quiz-" + q.id + "-input");
          if (field) { field.value = text; }
        }
      }
      function setVerdict(q, text, verdict) {
        var el = byId("quiz-" + q.id + "-verdict");
        if (!el) { return; }
        el.textContent = text;
        el.className = "verdict" + (verdict ? " verdict-" + verdict : "");
      }
      // Fills the polite live region (always in the page, empty until now) from its template, so that
      // screen readers announce the explanation; emptying it hides it again.
      function showExplanation(q, shown) {
        var region = byId("quiz-" + q.id + "-explanation"), source = byId("quiz-" + q.id + "-explanation-content");
        if (!region || !source) { return; }
        if (!shown) { region.textContent = ""; return; }
        if (region.childNodes.length === 0) { region.appendChild(document.importNode(source.content, true)); }
      }
      function shownAnswer(q) {
        if (q.kind !== "choice") { return q.display; }
        var n = q.spec.expected[0];
        var label = document.querySelector("label[for='quiz-" + q.id + "-option" + n + "']");
        var text = label ? label.textContent.replace(/\s+/g, " ").trim() : "";
        return "option " + n + (text ? ", \u201c" + text + "\u201d" : "");
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
      // Variants: one per learner, chosen at random on the first visit and kept in localStorage
      // under lessonbuild:LESSON:variant:ID; "New variant" moves to another one and clears that answer.
      function variantKey(q) { return "lessonbuild:" + data.lesson + ":variant:" + q.id; }
      function storedVariant(q) {
        try {
          var n = parseInt(window.localStorage.getItem(variantKey(q)), 10);
          return n >= 1 && n <= q.variants.length ? n : null;
        } catch (e) { return null; }
      }
      function storeVariant(q, n) {
        try { window.localStorage.setItem(variantKey(q), String(n)); } catch (e) { /* keep going without saving */ }
      }
      function fillFrom(target, source) {
        if (!target) { return; }
        target.textContent = "";
        if (!source) { return; }
        var copy = document.importNode(source, true);
        while (copy.firstChild) { target.appendChild(copy.firstChild); }
      }
      function applyVariant(q, n) {
        var template = byId("quiz-" + q.id + "-variant-" + n), section = byId("quiz-" + q.id);
        if (!template || !section) { return; }
        var parts = template.content;
        fillFrom(byId("quiz-" + q.id + "-prompt"), parts.querySelector("[data-part=prompt]"));
        var options = parts.querySelectorAll("[data-part=option]");
        for (var i = 0; i < options.length; i++) {
          fillFrom(document.querySelector("label[for='quiz-" + q.id + "-option" + (i + 1) + "']"), options[i]);
        }
        var explanation = byId("quiz-" + q.id + "-explanation-content");
        if (explanation) { fillFrom(explanation.content, parts.querySelector("[data-part=explanation]")); }
        q.variant = n;
        q.spec = q.variants[n - 1].spec;
        q.display = q.variants[n - 1].display;
        section.setAttribute("data-variant", String(n));
      }
      function variantStatus(q, text) {
        var el = byId("quiz-" + q.id + "-variant-status");
        if (el) { el.textContent = text; }
      }
      function newVariant(q) {
        var count = q.variants.length, r = Math.floor(Math.random() * (count - 1));
        var next = Math.min(count, r + 1 >= q.variant ? r + 2 : r + 1);
        storeVariant(q, next);
        applyVariant(q, next);
        write(q, "");
        delete state.answers[q.id];
        setVerdict(q, "", null);
        showExplanation(q, false);
        save();
        update();
        variantStatus(q, "Variant " + next + " of " + count + ": new numbers, your answer was cleared.");
      }
      function setUpVariant(q) {
        if (!q.variants || q.variants.length === 0) { return; }
        var n = storedVariant(q), resumedVariant = resumedVariants[q.id];
        if (n === null && resumedVariant >= 1 && resumedVariant <= q.variants.length) {
          n = resumedVariant;
          storeVariant(q, n);
        }
        if (n === null) {
          n = 1 + Math.floor(Math.random() * q.variants.length);
          storeVariant(q, n);
        }
        applyVariant(q, n);
        variantStatus(q, "Variant " + n + " of " + q.variants.length);
        var controls = byId("quiz-" + q.id + "-variant-controls"), button = byId("quiz-" + q.id + "-new-variant");
        if (controls && q.variants.length > 1) { controls.hidden = false; }
        if (button) { button.addEventListener("click", function () { newVariant(q); }); }
      }
      function changed(q) {
        state.answers[q.id] = read(q);
        setVerdict(q, "", null);
        save();
        update();
      }
      function lead(outcome, q, response) {
        if (outcome.verdict === "invalid" && q.spec.read === "rows" && /(^|[ ;])\?([ ;]|$)/.test(response)) {
          return "Cannot read this answer: fill in every cell";
        }
        switch (outcome.verdict) {
          case "correct": return "Correct";
          case "partial": return "Partly right (" + G.percent(outcome.credit) + " of the cells)";
          case "unanswered": return "Not answered";
          case "invalid": return "Cannot read this answer: " + outcome.reason;
          default: return "Not quite";
        }
      }
      function check() {
        var correct = 0, credit = 0;
        for (var i = 0; i < data.questions.length; i++) {
          var q = data.questions[i];
          var response = read(q), outcome = G.grade(q.spec, response);
          if (outcome.verdict === "correct") { correct++; }
          credit += outcome.credit;
          setVerdict(q, lead(outcome, q, response) + " \u2014 the computed answer is " + shownAnswer(q) + ".", outcome.verdict);
          showExplanation(q, true);
        }
        var total = data.questions.length;
        var s = total === 0 ? 0 : credit / total;
        var passed = G.passes(s, passMark);
        if (passed) { state.completed = true; }
        state.lastScore = { correct: correct, total: total };
        save();
        if (lms) { lms.report(s, passed || state.completed); }
        var result = "You scored " + G.percent(s) + " (" + correct + " of " + total + "): " +
          (passed ? "passed. Lesson complete." : "not passed \u2014 you need more than " + data.passText + ".");
        var el = byId("quiz-result");
        if (el) { el.textContent = result; el.className = "quiz-result " + (passed ? "is-passed" : "is-not-passed"); }
        showCompletion();
      }
      function reset() {
        forget();
        state = { answers: {}, completed: false };
        if (lms) { lms.saveAnswers(lmsAnswers()); }
        for (var i = 0; i < data.questions.length; i++) {
          write(data.questions[i], "");
          setVerdict(data.questions[i], "", null);
          showExplanation(data.questions[i], false);
        }
        var el = byId("quiz-result");
        if (el) { el.textContent = "Answers reset."; el.className = "quiz-result"; }
        showCompletion();
        update();
      }
      data.questions.forEach(function (q) {
        setUpVariant(q);
        var saved = state.answers[q.id];
        if (typeof saved === "string" || typeof saved === "number") { write(q, saved); }
        var list = controls(q);
        for (var i = 0; i < list.length; i++) {
          if (!list[i]) { continue; }
          list[i].addEventListener("input", function () { changed(q); });
          list[i].addEventListener("change", function () { changed(q); });
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

    /// The SCORM 1.2 runtime adapter. `connect(window)` finds the LMS's `API` object the standard
    /// way (ADL's `findAPI`: up the `window.parent` chain at most 7 levels, then the same from
    /// `window.opener`) and calls `LMSInitialize("")`; it returns null when there is no LMS, and the
    /// page then behaves as without it. With an LMS, `report(score, passed)` sets
    /// `cmi.core.score.raw` (0–100, with `score.min` 0 and `score.max` 100) and
    /// `cmi.core.lesson_status` (`passed`/`failed`), then `LMSCommit("")`; answers are kept in
    /// `cmi.suspend_data` as JSON (dropping the longest answers until it fits SCORM 1.2's 4096
    /// characters); `LMSFinish("")` runs once when the page is hidden or unloaded.
    static let scorm = #"""
    var LessonbuildSCORM = (function () {
      "use strict";
      var SUSPEND_LIMIT = 4096;
      function scan(win) {
        for (var tries = 0; win && tries <= 7; tries++) {
          try { if (win.API) { return win.API; } } catch (e) { return null; }
          var parent;
          try { parent = win.parent; } catch (e) { return null; }
          if (!parent || parent === win) { return null; }
          win = parent;
        }
        return null;
      }
      function findAPI(win) {
        var api = scan(win);
        if (!api) {
          var opener = null;
          try { opener = win.top && win.top.opener; } catch (e) { opener = null; }
          if (!opener) { try { opener = win.opener; } catch (e) { opener = null; } }
          if (opener) { api = scan(opener); }
        }
        return api && typeof api.LMSInitialize === "function" ? api : null;
      }
      function suspendText(answers) {
        var copy = {}, keys = Object.keys(answers);
        for (var i = 0; i < keys.length; i++) { copy[keys[i]] = String(answers[keys[i]]); }
        var text = JSON.stringify(copy);
        while (text.length > SUSPEND_LIMIT) {
          var longest = null;
          Object.keys(copy).forEach(function (k) { if (longest === null || copy[k].length > copy[longest].length) { longest = k; } });
          if (longest === null) { return "{}"; }
          delete copy[longest];
          text = JSON.stringify(copy);
        }
        return text;
      }
      function connect(win) {
        var api = findAPI(win);
        if (!api || String(api.LMSInitialize("")) !== "true") { return null; }
        var finished = false;
        var status = String(api.LMSGetValue("cmi.core.lesson_status"));
        if (status === "not attempted" || status === "") { api.LMSSetValue("cmi.core.lesson_status", "incomplete"); }
        function finish() {
          if (finished) { return; }
          finished = true;
          api.LMSSetValue("cmi.core.exit", "suspend");
          api.LMSCommit("");
          api.LMSFinish("");
        }
        win.addEventListener("pagehide", finish);
        win.addEventListener("beforeunload", finish);
        win.addEventListener("unload", finish);
        return {
          report: function (score, passed) {
            if (finished) { return; }
            api.LMSSetValue("cmi.core.score.min", "0");
            api.LMSSetValue("cmi.core.score.max", "100");
            api.LMSSetValue("cmi.core.score.raw", String(Math.round(score * 1000) / 10));
            api.LMSSetValue("cmi.core.lesson_status", passed ? "passed" : "failed");
            api.LMSCommit("");
          },
          saveAnswers: function (answers) {
            if (!finished) { api.LMSSetValue("cmi.suspend_data", suspendText(answers)); }
          },
          loadAnswers: function () {
            try {
              var saved = JSON.parse(String(api.LMSGetValue("cmi.suspend_data")) || "null");
              return saved && typeof saved === "object" ? saved : null;
            } catch (e) { return null; }
          },
          finish: finish
        };
      }
      return { connect: connect, findAPI: findAPI, suspendText: suspendText };
    })();

    """#

    /// The page script: `grading`, `scorm` and `dom` in one block.
    public static var page: String { grading + scorm + dom }

    /// Focus and verdict styles the quiz needs to be usable (visible focus for keyboard users).
    /// Colors come from the stylesheet's light and dark scheme variables; the fallbacks are the
    /// light scheme's, for a page read without `lessonbuild.css`.
    public static let style = """
    .question input:focus-visible, .quiz button:focus-visible { outline: 3px solid var(--focus, #1a5fb4); outline-offset: 2px; }
    .question-title { font-weight: 700; margin-bottom: 0.25rem; }
    .question fieldset { border: 1px solid var(--border, #999); border-radius: 4px; }
    .verdict-correct { color: var(--ok, #1b5e20); font-weight: 600; }
    .verdict-incorrect, .verdict-unanswered, .verdict-invalid, .verdict-partial { color: var(--bad, #8a1c1c); font-weight: 600; }
    .question .explanation:not(:empty) { border-left: 3px solid var(--border, #999); padding-left: 0.75rem; }
    .question .matrix-answer input { width: 6em; }
    .question .new-variant:focus-visible { outline: 3px solid var(--focus, #1a5fb4); outline-offset: 2px; }
    .question .variant-status { margin-left: 0.5rem; font-size: 0.9em; }
    .quiz.is-complete .quiz-complete { font-weight: 700; color: var(--ok, #1b5e20); }

    """
}
