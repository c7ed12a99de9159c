// TEMPORARY interface stubs: the quiz helper replaces this file with QuestionBuilder.swift,
// QuizHTML.swift, QuizScript.swift, Grader.swift, ResponseReader.swift, exports, ...

/// The quiz's HTML, called by the page renderer.
public enum QuizHTML {
    /// `<section class="question" id="…">…</section>` for one question (a form control per kind).
    public static func question(_ question: Question, index: Int, lessonName: String) -> String { fatalError("unimplemented") }
    /// `<section class="quiz">…</section>`: remaining count, Check score, results, reset.
    public static func panel(_ panel: QuizPanel, questions: [Question], lessonName: String) -> String { fatalError("unimplemented") }
    /// The inline `<script>` (and its JSON data) that makes the quiz work offline; "" without questions.
    public static func script(questions: [Question], panel: QuizPanel?, lessonName: String) -> String { fatalError("unimplemented") }
}

/// Builds `Question`s and the `QuizPanel` from directives, evaluating answers in the lesson scope.
public enum QuestionBuilder {
    /// `directive` is a `{question}`; `number` is its 1-based position among the lesson's questions.
    /// Problems go to `diagnostics` (located); returns nil when the question cannot be built.
    public static func build(_ directive: Directive, number: Int, interpreter: Interpreter, path: String,
                             diagnostics: DiagnosticEngine) -> Question? { fatalError("unimplemented") }
    /// `directive` is a `{quiz}`.
    public static func panel(_ directive: Directive, path: String, diagnostics: DiagnosticEngine) -> QuizPanel? { fatalError("unimplemented") }
    /// Lesson-wide checks after every question is built: duplicate names, a panel with no questions.
    public static func validate(questions: [Question], panel: QuizPanel?, path: String, diagnostics: DiagnosticEngine) { fatalError("unimplemented") }
}
