import Foundation

/// The quiz's HTML, called by the page renderer: one `<section class="question">` where each
/// `{question}` stands, the `<section class="quiz">` panel where `{quiz}` stands, and the inline
/// script (with its JSON data) at the end of the page.
///
/// Element ids (stable, for styling and tests): `quiz-ID` (question section), `quiz-ID-prompt`,
/// `quiz-ID-input` (numeric/text), `quiz-ID-optionN` (choice radios, `name="quiz-ID"`),
/// `quiz-ID-rRcC` (matrix cells, 1-based), `quiz-ID-verdict`, `quiz-ID-explanation` (a polite live
/// region, present but empty until the check fills it, so that screen readers announce it) and its
/// `<template id="quiz-ID-explanation-content">`; panel: `quiz-remaining`, `quiz-check`, `quiz-reset`, `quiz-result`,
/// `quiz-complete`, and `quiz-data` for the data.
public enum QuizHTML {
    /// `<section class="question" id="quiz-ID">…</section>` for one question; `index` is its 0-based
    /// position among the lesson's questions (shown as "Question index+1").
    public static func question(_ question: Question, index: Int, lessonName: String) -> String {
        let base = "quiz-" + HTMLEscaping.escape(question.id)
        let number = index + 1
        var html = """
        <section class="question" id="\(base)" data-question="\(HTMLEscaping.escape(question.id))" \
        data-kind="\(question.kind.rawValue)"\(question.variants.isEmpty ? "" : " data-variants=\"\(question.variants.count)\" data-variant=\"1\"") \
        aria-labelledby="\(base)-title">
        <p class="question-title" id="\(base)-title">Question \(number)</p>
        <div class="question-prompt" id="\(base)-prompt">
        \(question.promptHTML.trimmingCharacters(in: .newlines))
        </div>

        """
        html += QuizKinds.of(question).inputsHTML(question, base: base, number: number)
        html += variantsHTML(question, base: base)
        html += "<p class=\"verdict\" id=\"\(base)-verdict\" aria-live=\"polite\"></p>\n"
        if let explanation = question.explanationHTML {
            html += "<template id=\"\(base)-explanation-content\">\(explanation.trimmingCharacters(in: .newlines))</template>\n"
            html += "<div class=\"explanation\" id=\"\(base)-explanation\" role=\"region\" aria-label=\"Explanation of question \(number)\" "
            html += "aria-live=\"polite\"></div>\n"
        }
        return html + "</section>\n"
    }

    /// For a question with variants: the "New variant" button and its status (a polite live region
    /// that announces "Variant 3 of 12"), hidden until the script runs, and one
    /// `<template id="quiz-ID-variant-K">` per variant holding its prompt, options and explanation
    /// (`data-part="prompt"`, `"option"`, `"explanation"`), which the script swaps in. The page
    /// without script shows variant 1.
    static func variantsHTML(_ question: Question, base: String) -> String {
        guard !question.variants.isEmpty else { return "" }
        var html = "<p class=\"variant-controls\" id=\"\(base)-variant-controls\" hidden>"
        html += "<button type=\"button\" class=\"new-variant\" id=\"\(base)-new-variant\" aria-describedby=\"\(base)-variant-status\">New variant</button> "
        html += "<span class=\"variant-status\" id=\"\(base)-variant-status\" role=\"status\" aria-live=\"polite\">"
        html += "Variant 1 of \(question.variants.count)</span></p>\n"
        for (k, variant) in question.variants.enumerated() {
            html += "<template id=\"\(base)-variant-\(k + 1)\"><div data-part=\"prompt\">"
            html += variant.promptHTML.trimmingCharacters(in: .newlines) + "</div>"
            for option in variant.optionsHTML { html += "<span data-part=\"option\">\(option)</span>" }
            if let explanation = variant.explanationHTML {
                html += "<div data-part=\"explanation\">\(explanation.trimmingCharacters(in: .newlines))</div>"
            }
            html += "</template>\n"
        }
        return html
    }

    /// `<section class="quiz">…</section>`: the instructions, the remaining count, Check score,
    /// the announced result, the completion state and Reset answers.
    public static func panel(_ panel: QuizPanel, questions: [Question], lessonName: String) -> String {
        let pass = HTMLEscaping.escape(panel.passText)
        return """
        <section class="quiz" id="quiz-panel" aria-labelledby="quiz-panel-title">
        <p class="quiz-title" id="quiz-panel-title"><strong>Quiz</strong></p>
        <p class="quiz-intro">Answer every question, then check your score. Score above \(pass) to mark this lesson complete.</p>
        <p class="quiz-remaining" id="quiz-remaining" aria-live="polite">\(remainingText(questions.count))</p>
        <p class="quiz-actions"><button type="button" id="quiz-check">Check score</button>
        <button type="button" id="quiz-reset">Reset answers</button></p>
        <p class="quiz-result" id="quiz-result" role="status"></p>
        <p class="quiz-complete" id="quiz-complete" hidden>Lesson complete</p>
        <noscript><p class="quiz-noscript">Checking the score needs JavaScript; the answers are also checked by <code>lessonbuild grade</code>.</p></noscript>
        </section>

        """
    }

    /// "8 questions remaining." / "1 question remaining." / "All questions answered." (the script uses the same words).
    public static func remainingText(_ remaining: Int) -> String {
        switch remaining {
        case 0: return "All questions answered."
        case 1: return "1 question remaining."
        default: return "\(remaining) questions remaining."
        }
    }

    /// The quiz's style, its JSON data and the inline script that makes it work offline; "" without
    /// questions. No network, no `eval`; answers persist in `localStorage` under
    /// `lessonbuild:LESSON:HASH` (`QuizHash`), so an edited quiz starts fresh.
    public static func script(questions: [Question], panel: QuizPanel?, lessonName: String) -> String {
        guard !questions.isEmpty else { return "" }
        return "<style>\n\(QuizScript.style)</style>\n"
            + "<script type=\"application/json\" id=\"quiz-data\">\(dataJSON(questions: questions, panel: panel, lessonName: lessonName))</script>\n"
            + "<script>\n\(QuizScript.page)</script>\n"
    }

    /// `lessonbuild:LESSON:HASH`.
    public static func storageKey(questions: [Question], panel: QuizPanel?, lessonName: String) -> String {
        "lessonbuild:\(lessonName):\(QuizHash.hash(questions: questions, panel: panel))"
    }

    struct DataQuestion: Encodable {
        var id: String
        var kind: String
        /// How the page grades it: the question's `GradingSpec`, the same `lessonbuild grade` applies.
        var spec: GradingSpec
        /// What the page shows as the computed answer.
        var display: String
        /// With `:variants:`, each variant's spec and display (the page swaps them in); nil otherwise.
        var variants: [DataVariant]?
    }

    struct DataVariant: Encodable {
        var spec: GradingSpec
        var display: String
    }

    struct DataDocument: Encodable {
        var lesson: String
        var storageKey: String
        var passMark: String
        var passText: String
        var hasPanel: Bool
        var questions: [DataQuestion]
    }

    /// The JSON in `<script type="application/json" id="quiz-data">`, with `<`, `>`, `&`, U+2028 and
    /// U+2029 written as `\u` escapes so that it cannot end the script element.
    static func dataJSON(questions: [Question], panel: QuizPanel?, lessonName: String) -> String {
        let items = questions.map { q in
            DataQuestion(id: q.id, kind: q.kind.rawValue, spec: q.gradingSpec, display: q.answer.displayText,
                         variants: q.variants.isEmpty ? nil : (1...q.variants.count).map { k in
                             let v = q.variant(k)
                             return DataVariant(spec: v.gradingSpec, display: v.answer.displayText)
                         })
        }
        let doc = DataDocument(lesson: lessonName, storageKey: storageKey(questions: questions, panel: panel, lessonName: lessonName),
                               passMark: QuizNumber.text(panel?.passMark ?? QuizPanel.defaultPassMark),
                               passText: panel?.passText ?? QuizPanel.defaultPassText, hasPanel: panel != nil, questions: items)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = (try? encoder.encode(doc)) ?? Data("{}".utf8)
        let json = String(data: data, encoding: .utf8) ?? "{}"
        var out = ""
        for scalar in json.unicodeScalars {
            switch scalar {
            case "<": out += "\\u003c"
            case ">": out += "\\u003e"
            case "&": out += "\\u0026"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
