import Foundation

/// The index page's "quiz passed" marks.
///
/// The quiz script (`QuizScript`) stores `{"completed": true, …}` under the lesson's
/// `QuizHTML.storageKey` once the learner passes. The index carries that key on a hidden mark
/// beside each lesson with a quiz; a small inline script reveals the marks whose stored state is
/// complete. Nothing is sent anywhere; without `localStorage` the marks stay hidden.
enum IndexStatus {
    /// The lesson's quiz key, nil when it has no questions.
    static func quizKey(_ lesson: EvaluatedLesson) -> String? {
        lesson.questions.isEmpty ? nil
            : QuizHTML.storageKey(questions: lesson.questions, panel: lesson.quiz, lessonName: lesson.name)
    }

    /// The quiz key of a page lessonbuild wrote: `storageKey` in its `quiz-data` JSON.
    static func quizKey(inPage html: String) -> String? {
        guard let open = html.range(of: #"<script type="application/json" id="quiz-data">"#),
              let close = html.range(of: "</script>", range: open.upperBound..<html.endIndex),
              let object = try? JSONSerialization.jsonObject(with: Data(html[open.upperBound..<close.lowerBound].utf8)),
              let key = (object as? [String: Any])?["storageKey"] as? String else { return nil }
        return key
    }

    /// The hidden mark after a lesson's link.
    static func mark(quizKey: String) -> String {
        " <span class=\"lesson-passed\" data-quiz-key=\"\(HTMLEscaping.escape(quizKey))\" hidden>"
            + "<span aria-hidden=\"true\">✓</span> Quiz passed</span>"
    }

    /// Reveals each mark whose quiz is complete in this browser.
    static let script = """
    <script>
    (function () {
      "use strict";
      var marks = document.querySelectorAll("[data-quiz-key]");
      for (var i = 0; i < marks.length; i++) {
        try {
          var saved = JSON.parse(window.localStorage.getItem(marks[i].getAttribute("data-quiz-key")) || "null");
          marks[i].hidden = !(saved && saved.completed === true);
        } catch (e) { /* storage unavailable or corrupt: leave the mark hidden */ }
      }
    })();
    </script>

    """
}
