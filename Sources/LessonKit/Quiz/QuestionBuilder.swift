import CNNKernels

/// Builds `Question`s and the `QuizPanel` from directives, evaluating answers in the lesson scope.
///
/// Every problem an author can cause is a located error in `diagnostics`: an unknown kind or option,
/// a bad `:name:`, a missing or failing `:answer:`, a numeric answer that is not a number, a negative
/// tolerance, a choice answer out of range or fewer than two options, a text answer that is not a string,
/// a matrix answer that is not a 2-D grid of numbers (or has more than 400 cells), a cell question
/// whose `:figure:` is missing or not a plain heatmap or whose answer is not a `(row, col)` inside
/// it, a `+++` with no explanation after it. The kinds themselves are `QuizKind`s listed in `QuizKinds.all`.
public enum QuestionBuilder {
    /// `directive` is a `{question}`; `number` is its 1-based position among the lesson's questions.
    /// Problems go to `diagnostics` (located); returns nil when the question cannot be built.
    public static func build(_ directive: Directive, number: Int, interpreter: Interpreter, path: String,
                             diagnostics: DiagnosticEngine) -> Question? {
        build(directive, number: number, path: path, diagnostics: diagnostics, context: .live(interpreter))
    }

    static func build(_ directive: Directive, number: Int, path: String, diagnostics: DiagnosticEngine,
                      context: QuestionContext) -> Question? {
        var builder = QuestionDraft(directive: directive, path: path, diagnostics: diagnostics, context: context)
        return builder.build(number: number)
    }

    /// `directive` is a `{quiz}`.
    public static func panel(_ directive: Directive, path: String, diagnostics: DiagnosticEngine) -> QuizPanel? {
        QuizPanelParser.panel(directive, path: path, diagnostics: diagnostics)
    }

    /// Lesson-wide checks after every question is built: duplicate names, a panel with no questions.
    public static func validate(questions: [Question], panel: QuizPanel?, path: String, diagnostics: DiagnosticEngine) {
        var firstUse: [String: Question] = [:]
        for question in questions {
            if let other = firstUse[question.id] {
                diagnostics.error(path: path, at: question.idLocation,
                                  "question id `\(question.id)` is already used by the question on line \(other.location.line) "
                                  + "(ids are `:name:` or q1, q2, … in lesson order); give this question another `:name:`")
            } else {
                firstUse[question.id] = question
            }
        }
        if let panel, questions.isEmpty {
            diagnostics.error(path: path, at: panel.location,
                              "the `{quiz}` panel has no questions to score; add `{question}` blocks or remove the panel")
        }
    }

    /// `:name:` values: a letter, then letters, digits, `_` or `-` (they become HTML ids and CSV columns).
    static func isValidName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first.isASCIILetter else { return false }
        return name.unicodeScalars.allSatisfy { $0.isASCIILetter || ("0"..."9").contains($0) || $0 == "_" || $0 == "-" }
    }
}

extension Unicode.Scalar {
    var isASCIILetter: Bool { ("a"..."z").contains(self) || ("A"..."Z").contains(self) }
}
