import Testing
import TestSupport
@testable import LessonKit

/// `{question}` and `{quiz}` from real Markdown through the real parser and interpreter: answers
/// computed from `{eval}` bindings, inline expressions substituted, errors located in the file.
@Suite struct QuizBuilderLiveTests {
    struct Built {
        var questions: [Question]
        var panel: QuizPanel?
        var diagnostics: [String]
    }

    /// Parses `source`, runs its `{eval}` blocks, builds every question and the panel, validates.
    static func build(_ source: String, resourceDirectory: String = "") throws -> Built {
        let diagnostics = DiagnosticEngine()
        let lesson = try #require(LessonParser.parse(path: "quiz.md", source: source,
                                                          directives: DirectiveRegistry.standard.names, diagnostics: diagnostics))
        let interpreter = Interpreter()
        interpreter.resourceDirectory = resourceDirectory  // where the lesson's loadImage paths start
        // `import` reads files beside the lesson, as the build does.
        let imports = LessonImports()
        let lessonPath = resourceDirectory.isEmpty ? "quiz.md" : resourceDirectory + "/quiz.md"
        interpreter.importer = { relative, location throws(EvaluationError) in
            try imports.load(relative, from: lessonPath, at: location, directives: DirectiveRegistry.standard.names,
                             diagnostics: diagnostics)
        }
        var questions: [Question] = []
        var panel: QuizPanel?
        var number = 0
        for directive in lesson.directives {
            switch directive.name {
            case "eval":
                for error in interpreter.run(block: directive.body, locate: { directive.location(ofBodyOffset: $0) }) {
                    diagnostics.error(path: "quiz.md", at: error.location, error.message)
                }
            case "question":
                number += 1
                if let q = QuestionBuilder.build(directive, number: number, interpreter: interpreter, path: "quiz.md",
                                                 diagnostics: diagnostics) {
                    questions.append(q)
                }
            case "quiz":
                panel = QuestionBuilder.panel(directive, path: "quiz.md", diagnostics: diagnostics)
            default:
                break
            }
        }
        QuestionBuilder.validate(questions: questions, panel: panel, path: "quiz.md", diagnostics: diagnostics)
        return Built(questions: questions, panel: panel, diagnostics: diagnostics.sorted.map(\.description))
    }

    @Test func computedAnswersFromTheLesson() throws {
        let built = try Self.build("""
        # Quiz

        ```{eval}
        let width = 224
        let mean = 0.874
        let name = "max pooling"
        ```

        ```{question} numeric
        :answer: convOutputSize(width, kernel: 3, stride: 2, padding: 1)
        A {{ width }}-pixel-wide upload passes a 3 x 3 convolution with stride 2 and
        padding 1. How wide is the output?
        ```

        ```{question} choice
        :answer: 2
        :name: xcorr
        Which operation does a deep-learning "convolution" layer compute?
        1. a convolution with a flipped kernel
        2. cross-correlation: the kernel slides *unflipped*
        3. a max over each window
        ```

        ```{question} numeric
        :answer: mean
        :tolerance: 0.0005
        What is the mean, to three places?
        ```

        ```{question} text
        :answer: name
        Which layer keeps each window's largest value?
        ```

        ```{quiz}
        :pass: 75%
        ```
        """)
        #expect(built.diagnostics == [])
        #expect(built.questions.map(\.id) == ["q1", "xcorr", "q3", "q4"])
        // ⌊(224 + 2·1 − 3) / 2⌋ + 1 = 112
        #expect(built.questions[0].answer == .numeric(value: 112, tolerance: 0, display: "112"))
        #expect(built.questions[0].promptHTML.contains("A 224-pixel-wide upload"))
        #expect(built.questions[1].answer == .choice(2))
        #expect(built.questions[1].optionsHTML == ["a convolution with a flipped kernel",
                                                   "cross-correlation: the kernel slides <em>unflipped</em>",
                                                   "a max over each window"])
        #expect(!built.questions[1].promptHTML.contains("<ol"))
        #expect(built.questions[2].answer == .numeric(value: 0.874, tolerance: 0.0005, display: "0.874"))
        #expect(built.questions[3].answer == .text("max pooling"))
        #expect(built.panel?.passMark == 0.75)
    }

    @Test func errorsAreLocatedInTheLesson() throws {
        let built = try Self.build("""
        ```{question} numeric
        :answer: 3 > 2
        Is it?
        ```

        ```{question} numeric
        :answer: 5
        :tolerance: -1
        Tolerance?
        ```

        ```{question} choice
        :answer: 4
        Which?
        1. one
        2. two
        ```

        ```{question} choice
        :answer: 1
        Which?
        1. only
        ```

        ```{question} numeric
        :answer: nosuchname + 1
        Fails.
        ```

        ```{question} text
        :answer: "a"
        :name: q7
        Takes the default id of the next question.
        ```

        ```{question} text
        :answer: "b"
        Seventh.
        ```
        """)
        #expect(built.diagnostics.count == 6, "\(built.diagnostics)")
        #expect(built.diagnostics.contains("quiz.md:2:10: error: numeric answer must be a number, got Bool true"))
        #expect(built.diagnostics.contains { $0.hasPrefix("quiz.md:8:13: error: `:tolerance:` cannot be negative, got -1") })
        #expect(built.diagnostics.contains("quiz.md:13:10: error: choice answer 4 is out of range: the question has 2 options, numbered 1 to 2"))
        #expect(built.diagnostics.contains("quiz.md:19:1: error: a choice question needs at least two options (a numbered list at the end of its text); found 1"))
        #expect(built.diagnostics.contains { $0.hasPrefix("quiz.md:26:10: error: ") && $0.contains("nosuchname") }, "\(built.diagnostics)")
        #expect(built.diagnostics.contains { $0.hasPrefix("quiz.md:36:1: error: question id `q7` is already used by the question on line 30") })
    }
}
