/// Grades responses against a lesson's computed answers. The page's script (`QuizScript.grading`)
/// implements the same rules; `Fixtures/Quiz/grading_vectors.json` is run through both.
public enum Grader {
    /// What one response earned.
    public enum Verdict: String, Sendable, Equatable, Codable {
        case correct, incorrect, unanswered
    }

    /// Extra slack for float noise, relative to the larger magnitude: a numeric response `r` for an
    /// answer `a` with tolerance `t` is right when `|r − a| ≤ t + 1e-12 · max(|a|, |r|)`.
    ///
    /// Example: answer `0.1 + 0.2` (0.30000000000000004), tolerance 0, response `0.3` → correct.
    public static let relativeSlack = 1e-12

    /// The verdict for one response; `nil` or a blank response is `.unanswered`.
    ///
    /// - numeric: `NumericResponse.parse`, then the tolerance rule above.
    /// - choice: the 1-based option number as digits (`"2"`, ` 2 `).
    /// - text: equal after trimming and case folding (`QuizText.fold`).
    public static func verdict(for answer: Question.Answer, response: String?) -> Verdict {
        guard let response, !QuizText.trim(response).isEmpty else { return .unanswered }
        switch answer {
        case let .numeric(value, tolerance, _):
            guard let r = NumericResponse.parse(response) else { return .incorrect }
            let slack = relativeSlack * max(abs(value), abs(r))
            return abs(r - value) <= tolerance + slack ? .correct : .incorrect
        case let .choice(option):
            let t = QuizText.trim(response)
            guard t.count <= 9, t.allSatisfy({ $0.isASCII && $0.isNumber }), let n = Int(t) else { return .incorrect }
            return n == option ? .correct : .incorrect
        case let .text(expected):
            return QuizText.fold(response) == QuizText.fold(expected) ? .correct : .incorrect
        }
    }

    /// `correct / total`; a quiz with no questions scores 0.
    public static func score(correct: Int, total: Int) -> Double {
        total == 0 ? 0 : Double(correct) / Double(total)
    }

    /// Passing needs a score strictly above the mark: 6 of 8 (75%) does not pass a 75% mark.
    public static func passes(score: Double, passMark: Double) -> Bool {
        score > passMark
    }

    /// Grades every learner in `responses` against `questions`.
    public static func grade(lessonName: String, questions: [Question], panel: QuizPanel?,
                             responses: Responses) -> GradeReport {
        let mark = panel?.passMark ?? QuizPanel.defaultPassMark
        let passText = panel?.passText ?? QuizPanel.defaultPassText
        let learners = responses.learners.map { learner in
            let results = questions.map { q in
                GradeReport.QuestionResult(id: q.id, verdict: verdict(for: q.answer, response: learner.answers[q.id]),
                                           response: learner.answers[q.id], answer: q.answer.displayText)
            }
            let correct = results.filter { $0.verdict == .correct }.count
            let s = score(correct: correct, total: questions.count)
            return GradeReport.LearnerResult(learner: learner.learner, questions: results, correct: correct,
                                             total: questions.count, score: s, passed: passes(score: s, passMark: mark))
        }
        return GradeReport(lesson: lessonName, passMark: mark, passText: passText,
                           isClass: responses.format == .csv, learners: learners)
    }
}

extension Question.Answer {
    /// The computed answer as shown to learners and in reports: `112`, `0.874 ± 0.001`, `2`, `stride`.
    /// The tolerance is shown unless it is 0 or the default 1e-9 for float answers (float noise, not
    /// something the author chose to allow).
    public var displayText: String {
        switch self {
        case let .numeric(value, tolerance, display):
            let shown = display.isEmpty ? QuizNumber.text(value) : display
            return tolerance > 0 && tolerance != 1e-9 ? "\(shown) ± \(QuizNumber.text(tolerance))" : shown
        case let .choice(option): return String(option)
        case let .text(text): return text
        }
    }
}
