import Foundation
import TestSupport
@testable import LessonKit

/// A standalone page with eight hand-built questions, rendered by `QuizHTML`, and its answers
/// (written by hand, in the responses format) for the browser test.
enum QuizDemoPage {
    static var questions: [Question] {
        QuizFixtures.questions + [
            Question(id: "q7", kind: .choice, promptHTML: "<p>Which padding keeps a 5 × 5 input 5 × 5 under a 3 × 3 kernel?</p>\n",
                     optionsHTML: ["0", "1", "2", "3"], answer: .choice(2), location: SourceLocation(line: 80, column: 1)),
            Question(id: "q8", kind: .numeric, promptHTML: "<p>Receptive field after two 3 × 3 convolutions?</p>\n", optionsHTML: [],
                     answer: .numeric(value: 5, tolerance: 0, display: "5"), location: SourceLocation(line: 90, column: 1)),
        ]
    }

    /// The right answers, typed as a learner would (`38,535,424` style included).
    static var answers: [String: Any] { ["q1": "112", "q2": 2, "q3": "max pooling", "pixel-mean": "0.8745",
                                         "q5": "0.00001", "q6": "-38,535,424", "q7": 2, "q8": "5"] }

    static func html(lessonName: String = "quiz-demo") -> String {
        let qs = questions
        var body = ""
        for (n, q) in qs.enumerated() {
            body += "<h2>Part \(n + 1)</h2>\n<p>Some lesson text before the question.</p>\n"
            body += QuizHTML.question(q, index: n, lessonName: lessonName)
        }
        body += QuizHTML.panel(QuizFixtures.panel, questions: qs, lessonName: lessonName)
        body += QuizHTML.script(questions: qs, panel: QuizFixtures.panel, lessonName: lessonName)
        return """
        <!DOCTYPE html>
        <html lang="en">
        <head><meta charset="utf-8"><title>Quiz demo</title>
        <style>body { font-family: sans-serif; max-width: 46rem; margin: 2rem auto; line-height: 1.5; }</style></head>
        <body>
        <main>
        <h1>Quiz demo</h1>
        \(body)</main>
        </body>
        </html>

        """
    }

    /// Writes `quiz-demo.html` and `quiz-demo-answers.json` into `directory`.
    static func write(to directory: URL) throws -> (page: URL, answers: URL) {
        let page = directory.appendingPathComponent("quiz-demo.html")
        let answersURL = directory.appendingPathComponent("quiz-demo-answers.json")
        try html().write(to: page, atomically: true, encoding: .utf8)
        try JSONSerialization.data(withJSONObject: answers, options: [.sortedKeys]).write(to: answersURL)
        return (page, answersURL)
    }
}
