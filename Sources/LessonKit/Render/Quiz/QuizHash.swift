/// A fingerprint of a lesson's quiz, used in the page's storage key so that editing the quiz
/// (a question, an option, an answer or the pass mark) starts learners afresh.
///
/// FNV-1a 64 over a canonical serialization: for each question, its id, kind, prompt HTML, option
/// HTML, answer (`numeric:VALUE±TOLERANCE`, `choice:N`, `text:ANSWER`, `matrix:RxC:V V…±T[:partial]`,
/// `cell:ROW,COL:RxC:V V…` with the heatmap's values) and, when there is one, `explanation:HTML`, then for each variant `variant:PROMPT␞OPTIONS␞ANSWER␞EXPLANATION`;
/// fields separated by
/// U+001F, options by U+001E, questions ended by U+001D; then `pass:` and the mark.
///
///     h = 0xcbf29ce484222325;  for each byte b: h = (h ^ b) &* 0x100000001b3
///
/// Example: `QuizHash.fnv1a64("")` is `cbf29ce484222325`, `QuizHash.fnv1a64("a")` is `af63dc4c8601ec8c`.
public enum QuizHash {
    /// 16 lower-case hex digits.
    public static func hash(questions: [Question], panel: QuizPanel?) -> String {
        fnv1a64(canonical(questions: questions, panel: panel))
    }

    static func canonical(questions: [Question], panel: QuizPanel?) -> String {
        var s = ""
        for q in questions {
            var fields = [q.id, q.kind.rawValue, q.promptHTML, q.optionsHTML.joined(separator: "\u{1E}"), answer(q.answer)]
            if let explanation = q.explanationHTML { fields.append("explanation:" + explanation) }
            for v in q.variants {
                fields.append("variant:" + [v.promptHTML, v.optionsHTML.joined(separator: "\u{1E}"), answer(v.answer),
                                            v.explanationHTML ?? ""].joined(separator: "\u{1E}"))
            }
            s += fields.joined(separator: "\u{1F}") + "\u{1D}"
        }
        s += "pass:\(QuizNumber.text(panel?.passMark ?? QuizPanel.defaultPassMark))"
        return s
    }

    static func answer(_ answer: Question.Answer) -> String {
        switch answer {
        case let .numeric(value, tolerance, _): return "numeric:\(QuizNumber.text(value))±\(QuizNumber.text(tolerance))"
        case let .choice(n): return "choice:\(n)"
        case let .text(t): return "text:\(t)"
        case let .matrix(m):
            return "matrix:\(m.rows)x\(m.columns):" + m.values.map(QuizNumber.text).joined(separator: " ")
                + "±\(QuizNumber.text(m.tolerance))" + (m.partial ? ":partial" : "")
        case let .cell(c):
            return "cell:\(c.row),\(c.col):\(c.heatmap.rows)x\(c.heatmap.columns):" + c.heatmap.reprs.joined(separator: " ")
        }
    }

    /// FNV-1a 64 of the UTF-8 bytes of `text`, as 16 lower-case hex digits.
    public static func fnv1a64(_ text: String) -> String { FNV1a.hex(text.utf8) }
}
