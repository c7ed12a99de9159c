import Foundation
import Testing
import TestSupport
@testable import LessonKit

/// LESSON-FORMAT.md section 10 through the real pipeline (`Fixtures/Quiz/v2.md`): explanations after
/// `+++`, `matrix` questions, responses to them in JSON and CSV, and their errors at exact places.
@Suite struct QuizVersion2Tests {
    static let fixture = QuizFixtures.directory.appendingPathComponent("v2.md")

    static func evaluate(_ source: String, path: String = "v2.md") -> (EvaluatedLesson?, [String]) {
        let diagnostics = DiagnosticEngine()
        let lesson = LessonPipeline.evaluate(path: path, source: source, diagnostics: diagnostics)
        return (lesson, diagnostics.sorted.map(\.description))
    }

    static func lesson() throws -> EvaluatedLesson {
        let (lesson, errors) = evaluate(try String(contentsOf: fixture, encoding: .utf8))
        #expect(errors == [])
        return try #require(lesson)
    }

    @Test func explanationsEndThePromptAndTheOptions() throws {
        let lesson = try Self.lesson()
        #expect(lesson.questions.map(\.id) == ["out-size", "op", "arrow", "fmap", "grid"])
        let out = lesson.questions[0]
        #expect(out.promptHTML == "<p>A 224-pixel row passes a 3 x 3 convolution with stride 2 and padding 1. How\nwide is the output?</p>\n")
        // `{{ }}` is computed in the explanation; Markdown is rendered.
        #expect(out.explanationHTML == "<p>The output width is (n + 2p − k) // s + 1: here\n(224 + 2 − 3) // 2 + 1 = <strong>112</strong>.</p>\n")
        let op = lesson.questions[1]
        #expect(op.optionsHTML == ["a convolution with a flipped kernel", "cross-correlation: the kernel slides unflipped", "a max over each window"])
        #expect(op.explanationHTML == "<p>Deep-learning libraries slide the kernel <em>unflipped</em>: cross-correlation.</p>\n")
        #expect(lesson.questions[3].explanationHTML == "<p>The top-left value is 0.852: the sum of the first window times the kernel.</p>\n")
        #expect(lesson.questions[4].explanationHTML == nil)
    }

    /// The feature map computed independently by NumPy (`np.sum(window * kernel)` per window).
    @Test(.enabled(if: QuizFixtures.tool("python3") != nil, "python3 is not installed"))
    func matrixAnswerIsTheNumPyFeatureMap() throws {
        let lesson = try Self.lesson()
        guard case let .matrix(m) = lesson.questions[3].answer else {
            Issue.record("fmap is not a matrix answer")
            return
        }
        let script = """
        import json, numpy as np
        image = np.array([[0.05, 0.08, 0.06, 0.07], [0.12, 0.92, 0.88, 0.09], [0.08, 0.90, 0.93, 0.11], [0.06, 0.07, 0.09, 0.05]])
        kernel = np.array([[-0.6, -0.6, -0.6], [1.1, 1.1, 1.1], [-0.6, -0.6, -0.6]])
        out = [[float(np.sum(image[r:r + 3, c:c + 3] * kernel)) for c in range(2)] for r in range(2)]
        print(json.dumps({"values": [v for row in out for v in row], "display": "; ".join(" ".join(repr(v) for v in row) for row in out)}))
        """
        let (status, stdout, stderr) = try QuizFixtures.run(try #require(QuizFixtures.tool("python3")), ["-c", script])
        try #require(status == 0, "\(stderr)")
        struct Oracle: Decodable { var values: [Double]; var display: String }
        let oracle = try JSONDecoder().decode(Oracle.self, from: Data(stdout.utf8))
        #expect(m.values == oracle.values)
        #expect(m.display == oracle.display)
        #expect(m.rows == 2 && m.columns == 2 && m.tolerance == 0.001 && m.partial)
        guard case let .matrix(grid) = lesson.questions[4].answer else { return }
        #expect(grid.values == [1, 2, 3, 4, 5, 6] && grid.rows == 2 && grid.columns == 3 && grid.tolerance == 0 && !grid.partial)
        #expect(lesson.questions[4].answer.displayText == "1 2 3; 4 5 6")
    }

    @Test(arguments: [
        ("```{question} numeric\n:answer: 1\nHow many?\n+++\n\n```\n", "q.md:1:1: error: the `+++` line is followed by no explanation; write it below `+++` or remove the line"),
        ("```{question} numeric\n:answer: 1\n+++\nWhy.\n```\n", "q.md:1:1: error: a question needs text: write the question below its options"),
        ("```{question} matrix\n:answer: [[1, 2], [3]]\nFill in.\n```\n", "q.md:2:19: error: array rows have different lengths (2 and 1)"),
        ("```{question} matrix\n:answer: \"ab\"\nFill in.\n```\n", "q.md:2:10: error: a matrix answer must be a 2-D tensor or a list of rows, got string \"ab\""),
        ("```{question} matrix\n:answer: [1, 2]\nFill in.\n```\n", "q.md:2:10: error: a matrix answer must be 2-D, got a tensor of shape [2]"),
        ("```{question} matrix\n:answer: [[1, 2]]\n:partial: yes\nFill in.\n```\n", "q.md:3:11: error: `:partial:` is `true` or `false`, got `yes`"),
        ("```{question} numeric\n:answer: 1\n:partial: true\nHow many?\n```\n", "q.md:3:11: error: unknown option `:partial:` for a numeric question; known options: :answer:, :given:, :name:, :require:, :tolerance:, :variants:"),
        ("```{question} matrix\n:answer: [[1, 2]]\n:tolerance: -1\nFill in.\n```\n", "q.md:3:13: error: `:tolerance:` cannot be negative, got -1; it is an absolute distance from the answer"),
        ("```{question} matrix\n:answer: zeros([21, 20])\nFill in.\n```\n", "q.md:2:10: error: a matrix answer has 21 x 20 cells; at most 400 cells fit a question (one input each)"),
    ])
    func errorsAreLocated(source: String, message: String) {
        let (lesson, errors) = Self.evaluate(source, path: "q.md")
        #expect(lesson == nil)
        #expect(errors == [message])
    }

    /// JSON (a nested list) and CSV (rows separated by `;`) responses to matrix questions, partial
    /// credit, and unreadable responses graded invalid with a warning naming learner and question.
    @Test func gradesMatrixResponsesAndReportsInvalidOnes() throws {
        let lesson = try Self.lesson()
        let dir = try QuizFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let json = dir.appendingPathComponent("one.json")
        try Data("""
        {"out-size": 112, "op": 2, "arrow": "Conv -> ReLU",
         "fmap": [[0.852, 0.789], [0.817, 0.874]], "grid": "1 2 3; 4 5 6"}
        """.utf8).write(to: json)
        let one = QuizCommands.grade(lesson, responsesPath: json.path, json: false, gradebookPath: nil)
        #expect(one.status == 0 && one.stderr == [], "\(one.stderr)")
        #expect(String(decoding: one.stdout, as: UTF8.self).contains("score 100% (5 of 5)"))

        let csv = dir.appendingPathComponent("class.csv")
        try Data("""
        learner,out-size,op,arrow,fmap,grid
        ada,112,2,conv -> relu,0.852 0.789; 0.817 0.9,1 2 3; 4 5 6
        bo,84.7%,7,x,0.852 0.789,1 2 3; 4 5 7

        """.utf8).write(to: csv)
        let result = QuizCommands.grade(lesson, responsesPath: csv.path, json: false, gradebookPath: nil)
        #expect(result.status == 0)
        let text = String(decoding: result.stdout, as: UTF8.self)
        // ada: 4 right and 3 of 4 cells: (4 + 0.75) / 5 = 95%.
        // The answer shows as Python prints the computed floats (0.8520000000000003 …).
        let fmap = "fmap      partial     (answer 0.8520000000000003 0.7890000000000004; 0.8170000000000002 0.874 ± 0.001 per cell)"
        #expect(text.contains(fmap + ": 75% of the cells right\n"), "\(text)")
        #expect(text.contains("score 95% (4 of 5)\npassed"), "\(text)")
        #expect(text.contains("out-size  invalid     (answer 112): `84.7%` is not a number\n"), "\(text)")
        #expect(text.contains("op        invalid     (answer 2): `7` is not an option number from 1 to 3\n"), "\(text)")
        #expect(text.contains("per cell): `0.852 0.789` is not a 2 x 2 matrix (rows separated by `;`, cells by spaces)\n"), "\(text)")
        #expect(text.contains("score 0% (0 of 5)\nnot passed"), "\(text)")
        #expect(result.stderr == [
            "\(csv.path):3: warning: learner bo, question out-size: `84.7%` is not a number; graded invalid (no credit)",
            "\(csv.path):3: warning: learner bo, question op: `7` is not an option number from 1 to 3; graded invalid (no credit)",
            "\(csv.path):3: warning: learner bo, question fmap: `0.852 0.789` is not a 2 x 2 matrix (rows separated by `;`, cells by spaces); graded invalid (no credit)",
        ])
        let report = QuizCommands.grade(lesson, responsesPath: csv.path, json: true, gradebookPath: nil)
        let object = try #require(try JSONSerialization.jsonObject(with: report.stdout) as? [String: Any])
        let learners = try #require(object["learners"] as? [[String: Any]])
        let verdicts = (learners[1]["questions"] as? [[String: Any]])?.map { $0["verdict"] as? String }
        #expect(verdicts == ["invalid", "invalid", "incorrect", "invalid", "incorrect"])
    }

    /// The page embeds each question's grading spec; the explanation waits in a template for the check.
    @Test func pageCarriesSpecsExplanationsAndLabelledCells() throws {
        let lesson = try Self.lesson()
        let html = QuizHTML.question(lesson.questions[3], index: 3, lessonName: "v2")
        #expect(html.contains("<input type=\"text\" id=\"quiz-fmap-r2c1\" inputmode=\"decimal\" autocomplete=\"off\" spellcheck=\"false\" aria-label=\"Row 2, column 1\">"))
        #expect(html.contains("<template id=\"quiz-fmap-explanation-content\"><p>The top-left value is 0.852"))
        #expect(html.contains("<div class=\"explanation\" id=\"quiz-fmap-explanation\" role=\"region\" aria-label=\"Explanation of question 4\" aria-live=\"polite\"></div>"))
        let spec = lesson.questions[3].gradingSpec
        guard case let .matrix(m) = lesson.questions[3].answer else { return }
        #expect(spec.read == .rows && spec.rows == 2 && spec.columns == 2 && spec.partial)
        #expect(spec.expected.compactMap(Double.init) == m.values && spec.tolerance == Array(repeating: "0.001", count: 4))
    }

    /// Each format carries what it can and names what it cannot, at the question's fence.
    @Test func exportsCarryOrRefuseEachQuestion() throws {
        let lesson = try Self.lesson()
        let gift = QuizCommands.export(lesson, format: .gift, outPath: nil)
        #expect(gift.status == 1 && gift.stdout.isEmpty)
        #expect(gift.stderr == ["v2.md:50:1: error: GIFT cannot carry question `fmap`: GIFT has no cloze or multi-part questions "
                                + "for a matrix answer; export it with --format moodle (a cloze question) or --format qti"])
        let moodle = QuizCommands.export(lesson, format: .moodle, outPath: nil)
        #expect(moodle.status == 1)
        #expect(moodle.stderr.first?.hasPrefix("v2.md:60:1: error: Moodle XML cannot carry question `grid`: Moodle's cloze questions score each cell") == true)
        // Without the all-or-nothing matrix, Moodle XML carries the rest, explanations included.
        var partial = lesson
        partial.questions.removeLast()
        let xml = try XMLNode.parse(try QuizExporter.export(partial, format: .moodle))
        #expect(xml.all("question").map { $0.attributes["type"] ?? "" } == ["numerical", "multichoice", "shortanswer", "cloze"])
        #expect(xml.all("question").map { $0.first("generalfeedback") != nil } == [true, true, true, true])
        // QTI carries every question.
        let files = try ExportReaderFindingTests.qtiFiles(lesson.questions)
        #expect(files.keys.filter { $0.hasPrefix("items/") }.count == 5)
        let grid = try XMLNode.parse(try #require(files["items/grid.xml"]))
        #expect(grid.all("responseDeclaration").map { $0.attributes["identifier"] ?? "" }
                == ["RESPONSE_R1C1", "RESPONSE_R1C2", "RESPONSE_R1C3", "RESPONSE_R2C1", "RESPONSE_R2C2", "RESPONSE_R2C3"])
        #expect(grid.descendants("and").first?.all("equal").count == 6)
    }
}
