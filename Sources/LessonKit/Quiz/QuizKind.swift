import CNNKernels

/// One kind of `{question}` (`numeric`, `choice`, …): everything that differs between kinds, in
/// one place. A kind says which options it takes, builds and checks its answer from the evaluated
/// `:answer:` value, renders the learner's inputs, turns its answer into the `GradingSpec` that
/// both `lessonbuild grade` and the page apply, and carries its questions into each export format
/// or refuses them with a reason.
///
/// Adding a kind is one file, `struct FooKind: QuizKind` with `extension Question.Kind { static
/// let foo = … }`, plus its line in `QuizKinds.all`; a kind whose answer needs a new shape of data
/// also adds a case to `Question.Answer`. Grading needs no new code on either side as long as the
/// response reads as one of `GradingSpec.Read`.
///
/// Variants: a question with `:variants:` holds N variants (`Question.Variant`), each graded,
/// shown and exported through the same kind as the question `Question.variant(k)`.
protocol QuizKind: Sendable {
    var kind: Question.Kind { get }
    /// Options beyond `:answer:` and `:name:` (e.g. `tolerance`).
    var options: [String] { get }
    /// Whether the numbered list that ends the prompt holds the options (as for `choice`).
    var readsOptionList: Bool { get }
    /// The answer from the evaluated `:answer:` value (at `location`), or nil after reporting
    /// through `draft`. `optionCount` is the number of options read (0 when the kind reads none).
    func answer(from value: Value, at location: SourceLocation, optionCount: Int, draft: inout QuestionDraft) -> Question.Answer?
    /// The learner's inputs inside the question's section; `base` is `quiz-ID`, `number` the
    /// question's 1-based position.
    func inputsHTML(_ question: Question, base: String, number: Int) -> String
    /// How a response to `answer` is graded; `optionCount` for kinds that read an option list.
    func gradingSpec(_ answer: Question.Answer, optionCount: Int) -> GradingSpec
    /// Moodle XML: the question type, HTML appended to the prompt, and the elements after
    /// `<hidden>` (answers and type options).
    func moodle(_ question: Question) throws(QuizExporter.Refusal) -> (type: String, promptSuffix: String, body: String)
    /// GIFT: what goes between `{` and the general feedback or `}`.
    func gift(_ question: Question) throws(QuizExporter.Refusal) -> String
    /// QTI 2.1: response declarations, the interaction markup and response-processing rules that
    /// set `SCORE` (0 to 1).
    func qti(_ question: Question) throws(QuizExporter.Refusal) -> (declarations: [String], interaction: String, rules: [String])
}

/// The registered kinds.
enum QuizKinds {
    /// Every kind, in the order messages list them. A new kind is registered here.
    static let all: [any QuizKind] = [NumericKind(), ChoiceKind(), TextKind(), MatrixKind()]

    /// The kinds in force: `all`, or more within `QuizKinds.$registered.withValue(…)` (a test's
    /// throwaway kind), without global mutable state.
    @TaskLocal static var registered: [any QuizKind] = all

    static func named(_ name: String) -> (any QuizKind)? {
        registered.first { $0.kind.rawValue == name }
    }

    /// The kind of `question` (every `Question.Kind` comes from a registered kind).
    static func of(_ question: Question) -> any QuizKind {
        named(question.kind.rawValue) ?? all[0]
    }

    /// `numeric, choice, text or matrix`.
    static var list: String {
        let names = registered.map(\.kind.rawValue)
        return names.dropLast().joined(separator: ", ") + " or " + (names.last ?? "")
    }
}

extension QuizKind {
    /// A refusal naming `question`.
    func refuse(_ question: Question, format: String, _ reason: String) -> QuizExporter.Refusal {
        QuizExporter.Refusal(questionID: question.id, location: question.location, format: format, reason: reason)
    }
}
