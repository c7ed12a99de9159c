/// Grades responses against a lesson's computed answers by applying each question's `GradingSpec`,
/// the same description the page's script interprets (`QuizScript.grading`);
/// `Fixtures/Quiz/grading_vectors.json` is run through both.
public enum Grader {
    /// What one response earned. `invalid`: the response cannot be read as the question's kind
    /// (`84.7%` for a number, `7` for a choice of 3); it earns nothing, like `incorrect`.
    public enum Verdict: String, Sendable, Equatable, Codable {
        case correct, partial, incorrect, invalid, unanswered
    }

    /// Extra slack for float noise, relative to the larger magnitude: a numeric response `r` for an
    /// answer `a` with tolerance `t` is right when `|r − a| ≤ t + 1e-12 · max(|a|, |r|)`.
    ///
    /// Example: answer `0.1 + 0.2` (0.30000000000000004), tolerance 0, response `0.3` → correct.
    public static let relativeSlack = 1e-12

    /// The verdict for one response; `nil` or a blank response is `.unanswered`.
    public static func verdict(for question: Question, response: String?) -> Verdict {
        question.gradingSpec.grade(response).verdict
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
            let results = questions.map { question in
                // A response to a question with variants is graded against its variant (checked by
                // `Responses.check(variantCounts:path:)`); an unanswered one against variant 1.
                let variant = question.variants.isEmpty ? nil : learner.variants[question.id]
                let q = question.variant(variant ?? 1)
                let response = learner.answers[q.id]
                let outcome = q.gradingSpec.grade(response)
                return GradeReport.QuestionResult(id: q.id, verdict: outcome.verdict, response: response,
                                                  answer: q.answer.displayText, credit: outcome.credit, reason: outcome.reason,
                                                  position: learner.positions[q.id], variant: variant)
            }
            let correct = results.filter { $0.verdict == .correct }.count
            let credit = results.reduce(0) { $0 + $1.credit }
            let s = questions.isEmpty ? 0 : credit / Double(questions.count)
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
        case let .matrix(matrix):
            return matrix.tolerance > 0 && matrix.tolerance != 1e-9 ? "\(matrix.display) ± \(QuizNumber.text(matrix.tolerance)) per cell"
                : matrix.display
        }
    }
}

extension Question {
    /// How a response to this question is graded: its kind's spec for its answer.
    public var gradingSpec: GradingSpec {
        QuizKinds.of(self).gradingSpec(answer, optionCount: optionsHTML.count)
    }
}
