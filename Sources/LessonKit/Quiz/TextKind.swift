import CNNKernels

extension Question.Kind {
    public static let text = Question.Kind(rawValue: "text")
}

/// `{question} text`: a string, right when equal after trimming and case folding. Moodle
/// `shortanswer` (case-insensitive, a literal `*` written `\*`: Moodle's wildcard), GIFT
/// `{%100%ANSWER}` (see `GIFTExporter`), QTI `string` with a case-insensitive `stringMatch`.
struct TextKind: QuizKind {
    var kind: Question.Kind { .text }
    var options: [String] { [] }
    var readsOptionList: Bool { false }

    func answer(from value: Value, at location: SourceLocation, optionCount: Int, draft: inout QuestionDraft) -> Question.Answer? {
        guard case let .string(s) = value else {
            draft.error(location, "a text answer must be a string, got \(value.quizDescription)")
            return nil
        }
        guard !QuizText.trim(s).isEmpty else {
            draft.error(location, "the text answer is empty")
            return nil
        }
        return .text(s)
    }

    /// One labelled text input `BASE-input`.
    static func field(base: String, number: Int, mode: String) -> String {
        "<p class=\"answer-field\"><label for=\"\(base)-input\">Your answer to question \(number)</label>\n"
            + "<input type=\"text\" id=\"\(base)-input\" name=\"\(base)\"\(mode) autocomplete=\"off\" "
            + "spellcheck=\"false\" aria-describedby=\"\(base)-prompt\"></p>\n"
    }

    func inputsHTML(_ question: Question, base: String, number: Int) -> String {
        Self.field(base: base, number: number, mode: "")
    }

    func gradingSpec(_ answer: Question.Answer, optionCount: Int) -> GradingSpec {
        guard case let .text(t) = answer else { return GradingSpec(read: .text, expected: []) }
        return GradingSpec(read: .text, expected: [t])
    }

    func moodle(_ q: Question) throws(QuizExporter.Refusal) -> (type: String, promptSuffix: String, body: String) {
        guard case let .text(answer) = q.answer else { throw refuse(q, format: "Moodle XML", "not a text answer") }
        let body = """
            <usecase>0</usecase>
            <answer fraction="100" format="moodle_auto_format">
              <text>\(XMLEscaping.escape(answer.replacingOccurrences(of: "*", with: "\\*")))</text>
              <feedback format="html"><text></text></feedback>
            </answer>

        """
        return ("shortanswer", "", body)
    }

    func gift(_ q: Question) throws(QuizExporter.Refusal) -> String {
        guard case let .text(answer) = q.answer else { throw refuse(q, format: "GIFT", "not a text answer") }
        if let placeholder = GIFTExporter.placeholders.first(where: { answer.contains($0) }) {
            throw refuse(q, format: "GIFT", "its answer contains `\(placeholder)`, which Moodle's GIFT importer turns into another character")
        }
        return "%100%" + GIFTExporter.escape(GIFTExporter.wildcardEscape(answer))
    }

    func qti(_ q: Question) throws(QuizExporter.Refusal) -> (declarations: [String], interaction: String, rules: [String]) {
        guard case let .text(answer) = q.answer else { throw refuse(q, format: "QTI", "not a text answer") }
        let match = "<stringMatch caseSensitive=\"false\"><variable identifier=\"RESPONSE\"/><correct identifier=\"RESPONSE\"/></stringMatch>"
        return ([QTIExporter.declaration("RESPONSE", "string", XMLEscaping.escape(answer))],
                "    <p><textEntryInteraction responseIdentifier=\"RESPONSE\" expectedLength=\"30\"/></p>\n",
                [QTIExporter.condition(match, QTIExporter.setScoreOne)])
    }
}
