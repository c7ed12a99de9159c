import CNNKernels

extension Question.Kind {
    public static let numeric = Question.Kind(rawValue: "numeric")
}

/// `{question} numeric`: a number, right within an absolute `:tolerance:` (default 0 for an Int
/// answer, 1e-9 for a float). Moodle `numerical`, GIFT `{#VALUE:TOLERANCE}`, QTI `float` with
/// `equal toleranceMode="absolute"`.
struct NumericKind: QuizKind {
    var kind: Question.Kind { .numeric }
    var options: [String] { ["tolerance"] }
    var readsOptionList: Bool { false }

    func answer(from value: Value, at location: SourceLocation, optionCount: Int, draft: inout QuestionDraft) -> Question.Answer? {
        guard let (number, isInt) = QuestionDraft.number(value) else {
            draft.error(location, "numeric answer must be a number, got \(value.quizDescription)")
            return nil
        }
        guard number.isFinite else {
            draft.error(location, "numeric answer must be finite, got \(number)")
            return nil
        }
        guard let tolerance = draft.tolerance(default: isInt ? 0 : 1e-9) else { return nil }
        return .numeric(value: number, tolerance: tolerance, display: draft.context.display(value))
    }

    func inputsHTML(_ question: Question, base: String, number: Int) -> String {
        TextKind.field(base: base, number: number, mode: " inputmode=\"decimal\"")
    }

    func gradingSpec(_ answer: Question.Answer, optionCount: Int) -> GradingSpec {
        guard case let .numeric(value, tolerance, _) = answer else { return GradingSpec(read: .number, expected: []) }
        return GradingSpec(read: .number, expected: [QuizNumber.text(value)], tolerance: [QuizNumber.text(tolerance)])
    }

    func moodle(_ q: Question) throws(QuizExporter.Refusal) -> (type: String, promptSuffix: String, body: String) {
        guard case let .numeric(value, tolerance, _) = q.answer else { throw refuse(q, format: "Moodle XML", "not a numeric answer") }
        let body = """
            <answer fraction="100" format="moodle_auto_format">
              <text>\(QuizNumber.text(value))</text>
              <tolerance>\(QuizNumber.text(tolerance))</tolerance>
              <feedback format="html"><text></text></feedback>
            </answer>

        """
        return ("numerical", "", body)
    }

    func gift(_ q: Question) throws(QuizExporter.Refusal) -> String {
        guard case let .numeric(value, tolerance, _) = q.answer else { throw refuse(q, format: "GIFT", "not a numeric answer") }
        return "#\(QuizNumber.text(value)):\(QuizNumber.text(tolerance))"
    }

    func qti(_ q: Question) throws(QuizExporter.Refusal) -> (declarations: [String], interaction: String, rules: [String]) {
        guard case let .numeric(value, tolerance, _) = q.answer else { throw refuse(q, format: "QTI", "not a numeric answer") }
        return ([QTIExporter.declaration("RESPONSE", "float", QuizNumber.qti(value))],
                "    <p><textEntryInteraction responseIdentifier=\"RESPONSE\" expectedLength=\"20\"/></p>\n",
                [QTIExporter.condition(QTIExporter.equal("RESPONSE", tolerance), QTIExporter.setScoreOne)])
    }
}
