import CNNKernels

extension Question.Kind {
    public static let choice = Question.Kind(rawValue: "choice")
}

/// `{question} choice`: the options are the numbered list that ends the prompt (at least two);
/// `:answer:` is the 1-based number of the right one. Moodle single-answer `multichoice` (options in
/// lesson order), GIFT `{=right ~wrong}` (a wrong option starting with `%` gets an explicit `%0%`:
/// Moodle reads a leading `%N%` as N% credit), QTI `choiceInteraction` with choices `C1…Cn`.
struct ChoiceKind: QuizKind {
    var kind: Question.Kind { .choice }
    var options: [String] { [] }
    var readsOptionList: Bool { true }

    func answer(from value: Value, at location: SourceLocation, optionCount: Int, draft: inout QuestionDraft) -> Question.Answer? {
        guard case let .int(n) = value else {
            draft.error(location, "a choice answer must be the number of the right option (an Int), got \(value.quizDescription)")
            return nil
        }
        if optionCount >= 2, !(1...optionCount).contains(n) {
            draft.error(location, "choice answer \(n) is out of range: the question has \(optionCount) options, numbered 1 to \(optionCount)")
            return nil
        }
        return .choice(n)
    }

    func inputsHTML(_ question: Question, base: String, number: Int) -> String {
        var html = "<fieldset class=\"choices\" aria-describedby=\"\(base)-prompt\">\n"
        html += "<legend>Your answer to question \(number)</legend>\n"
        for (n, option) in question.optionsHTML.enumerated() {
            let id = "\(base)-option\(n + 1)"
            html += "<div class=\"choice\"><input type=\"radio\" name=\"\(base)\" id=\"\(id)\" value=\"\(n + 1)\">"
            html += " <label for=\"\(id)\">\(option)</label></div>\n"
        }
        return html + "</fieldset>\n"
    }

    func gradingSpec(_ answer: Question.Answer, optionCount: Int) -> GradingSpec {
        guard case let .choice(n) = answer else { return GradingSpec(read: .option, expected: []) }
        return GradingSpec(read: .option, expected: [String(n)], options: optionCount > 0 ? optionCount : n)
    }

    func moodle(_ q: Question) throws(QuizExporter.Refusal) -> (type: String, promptSuffix: String, body: String) {
        guard case let .choice(right) = q.answer else { throw refuse(q, format: "Moodle XML", "not a choice answer") }
        var body = "    <single>true</single>\n    <shuffleanswers>0</shuffleanswers>\n    <answernumbering>123</answernumbering>\n"
        for (n, option) in q.optionsHTML.enumerated() {
            body += "    <answer fraction=\"\(n + 1 == right ? 100 : 0)\" format=\"html\">\n"
            body += "      <text>\(XMLEscaping.escape(option))</text>\n"
            body += "      <feedback format=\"html\"><text></text></feedback>\n    </answer>\n"
        }
        return ("multichoice", "", body)
    }

    func gift(_ q: Question) throws(QuizExporter.Refusal) -> String {
        guard case let .choice(right) = q.answer else { throw refuse(q, format: "GIFT", "not a choice answer") }
        var out = "\n"
        for (n, option) in q.optionsHTML.enumerated() {
            let marker = n + 1 == right ? "=" : (QuizText.trim(option).hasPrefix("%") ? "~%0%" : "~")
            out += "\(marker)\(GIFTExporter.escape(option))\n"
        }
        return out
    }

    func qti(_ q: Question) throws(QuizExporter.Refusal) -> (declarations: [String], interaction: String, rules: [String]) {
        guard case let .choice(right) = q.answer else { throw refuse(q, format: "QTI", "not a choice answer") }
        var interaction = "    <choiceInteraction responseIdentifier=\"RESPONSE\" shuffle=\"false\" maxChoices=\"1\">\n"
        for (n, option) in q.optionsHTML.enumerated() {
            interaction += "      <simpleChoice identifier=\"C\(n + 1)\">\(QTIExporter.xhtml(option))</simpleChoice>\n"
        }
        interaction += "    </choiceInteraction>\n"
        let match = "<match><variable identifier=\"RESPONSE\"/><correct identifier=\"RESPONSE\"/></match>"
        return ([QTIExporter.declaration("RESPONSE", "identifier", "C\(right)")], interaction,
                [QTIExporter.condition(match, QTIExporter.setScoreOne)])
    }
}
