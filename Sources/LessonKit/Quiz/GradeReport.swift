import Foundation

/// The outcome of `Grader.grade`: verdicts, scores and pass/fail per learner, as text, JSON or a
/// gradebook CSV.
public struct GradeReport: Sendable, Equatable {
    public struct QuestionResult: Sendable, Equatable, Codable {
        public var id: String
        public var verdict: Grader.Verdict
        /// The response as given; nil when there was none.
        public var response: String?
        /// The computed answer as shown to learners (`Question.Answer.displayText`).
        public var answer: String
        /// What the response earned, 0…1 (a fraction for a `partial` verdict).
        public var credit: Double = 0
        /// Why an `invalid` response cannot be read (`` `84.7%` is not a number ``).
        public var reason: String?
        /// Where the response is in the file (`3` for a CSV line, `2:9` for JSON); not in the JSON report.
        public var position: String?
        /// The variant the response answers, for a question with variants.
        public var variant: Int?

        enum CodingKeys: String, CodingKey { case id, verdict, response, answer, credit, reason, variant }
    }

    public struct LearnerResult: Sendable, Equatable, Codable {
        /// The CSV learner; nil for a JSON responses file.
        public var learner: String?
        public var questions: [QuestionResult]
        public var correct: Int
        public var total: Int
        /// The credit earned over `total` (`correct / total` without partial credit).
        public var score: Double
        /// `score > passMark`.
        public var passed: Bool
    }

    public var lesson: String
    public var passMark: Double
    public var passText: String
    /// True for a class CSV: the text report then ends with a gradebook.
    public var isClass: Bool
    public var learners: [LearnerResult]

    /// A score as a percentage with at most one decimal, the way the page shows it:
    /// 0.75 → `75%`, 0.875 → `87.5%`, 2/3 → `66.7%` (rounded half up at the first decimal).
    public static func percent(_ score: Double) -> String {
        let tenths = (score * 1000).rounded(.toNearestOrAwayFromZero) / 10
        return QuizNumber.text(tenths) + "%"
    }

    /// One line per question (`q1  correct  (answer 112)`), the score, and `passed`/`not passed`;
    /// for a class, one block per learner and then the gradebook.
    public var text: String {
        var out = ""
        for (n, learner) in learners.enumerated() {
            if let name = learner.learner {
                if n > 0 { out += "\n" }
                out += "learner \(name)\n"
            }
            let width = learner.questions.map(\.id.count).max() ?? 0
            for q in learner.questions {
                let id = q.id.padding(toLength: width, withPad: " ", startingAt: 0)
                let verdict = q.verdict.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0)
                out += "\(id)  \(verdict)  (\(q.variant.map { "variant \($0), " } ?? "")answer \(q.answer))"
                if q.verdict == .partial { out += ": \(Self.percent(q.credit)) of the cells right" }
                if let reason = q.reason { out += ": \(reason)" }
                out += "\n"
            }
            out += "score \(Self.percent(learner.score)) (\(learner.correct) of \(learner.total))\n"
            out += learner.passed ? "passed (above \(passText))\n" : "not passed (needs more than \(passText))\n"
        }
        if isClass {
            out += "\ngradebook\n" + gradebookCSV
        }
        return out
    }

    /// One warning per `invalid` response, naming the learner and the question, located in the
    /// responses file: `class.csv:3: warning: learner ada, question q1: `84.7%` is not a number`.
    public func invalidWarnings(path: String) -> [String] {
        learners.flatMap { learner in
            learner.questions.filter { $0.verdict == .invalid }.map { q in
                let place = q.position.map { "\(path):\($0)" } ?? path
                let who = learner.learner.map { "learner \($0), " } ?? ""
                return "\(place): warning: \(who)question \(q.id): \(q.reason ?? "unreadable"); graded invalid (no credit)"
            }
        }
    }

    /// `learner,score,passed` with the score as a percentage number (`87.5`) and `true`/`false`.
    public var gradebookCSV: String {
        var out = "learner,score,passed\n"
        for learner in learners {
            let score = String(Self.percent(learner.score).dropLast())
            out += "\(Self.csvField(learner.learner ?? "")),\(score),\(learner.passed)\n"
        }
        return out
    }

    /// The report as pretty-printed JSON with sorted keys (stable bytes).
    public var json: String {
        struct Document: Codable {
            var lesson: String
            var passMark: Double
            var learners: [LearnerResult]
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(Document(lesson: lesson, passMark: passMark, learners: learners))) ?? Data()
        return (String(data: data, encoding: .utf8) ?? "{}") + "\n"
    }

    /// RFC 4180 quoting: a field with a comma, quote or line break is quoted, quotes doubled.
    static func csvField(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
