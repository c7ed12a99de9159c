import Foundation
import Testing
import TestSupport
@testable import LessonKit

/// `{question} cell` (LESSON-FORMAT.md section 10) through the real pipeline: its build-time
/// errors at exact places, grading of `(row, col)` responses in JSON and CSV, the picking grid in
/// the page, and the exports (a choice among the cells, or a refusal naming the question).
@Suite struct QuizCellTests {
    static let lesson = """
    ```{eval}
    let fmap = [[0.852, 0.789, 0.1], [0.817, 0.874, -0.2]]
    ```

    ```{question} cell
    :name: peak
    :figure: heatmap(fmap, annotate: true, format: ".3f")
    :answer: fmap.argmax2d()
    Pick the strongest response.
    +++
    It is {{ fmap.max() }} at row {{ fmap.argmax2d().0 + 1 }}.
    ```

    """

    static func built() throws -> EvaluatedLesson {
        let (lesson, errors) = QuizVersion2Tests.evaluate(Self.lesson, path: "c.md")
        #expect(errors == [])
        return try #require(lesson)
    }

    @Test func answerIsTheArgmaxCellOfTheHeatmap() throws {
        let q = try #require(try Self.built().questions.first)
        guard case let .cell(cell) = q.answer else {
            Issue.record("not a cell answer: \(q.answer)")
            return
        }
        // The literal's largest element, 0.874, is at row 1, column 1 (counted from 0).
        #expect(cell.row == 1 && cell.col == 1)
        #expect(cell.heatmap.rows == 2 && cell.heatmap.columns == 3)
        #expect(q.answer.displayText == "(1, 1)")
        #expect(q.answer.pageDisplayText == "row 2, column 2 (0.874)")
        #expect(q.gradingSpec == GradingSpec(read: .cell, expected: ["1", "1"], rows: 2, columns: 3))
        #expect(q.explanationHTML == "<p>It is 0.874 at row 2.</p>\n")
    }

    static func question(_ options: String, body: String = "Pick one.") -> String {
        "```{eval}\nlet m = [[1.0, 2.0], [3.0, 4.0]]\n```\n\n```{question} cell\n" + options + body + "\n```\n"
    }

    @Test(arguments: [
        (question(":answer: (0, 0)\n"), "q.md:5:1: error: a cell question needs a `:figure:` line with the heatmap to pick from, like `heatmap(featureMap)`"),
        (question(":figure: m\n:answer: (0, 0)\n"), "q.md:6:10: error: `:figure:` must be a heatmap figure, like `heatmap(featureMap)`; got tensor of shape [2, 2]"),
        (question(":figure: bars([1.0, 2.0], labels: [\"a\", \"b\"])\n:answer: (0, 0)\n"),
         "q.md:6:10: error: `:figure:` must be a heatmap, got a bars figure: the learner picks one cell of a heatmap"),
        (question(":figure: heatmap(m).mark([(1, 1)])\n:answer: (1, 1)\n"),
         "q.md:6:10: error: a cell question's heatmap cannot have marks or outlines (the learner's pick is drawn on the cells, and a mark would give the answer away); remove `.mark(…)` and `.outline(…)`"),
        (question(":figure: heatmap(zeros([33, 32]))\n:answer: (0, 0)\n"),
         "q.md:6:10: error: the heatmap has 33 x 32 cells; a cell question picks from at most 1024 cells (each is an element of the page)"),
        (question(":figure: heatmap(m)\n:answer: (2, 0)\n"),
         "q.md:7:10: error: cell answer (2, 0) is outside the figure's 2 x 2 grid: rows 0 to 1, columns 0 to 1, counted from 0"),
        (question(":figure: heatmap(m)\n:answer: (0, -1)\n"),
         "q.md:7:10: error: cell answer (0, -1) is outside the figure's 2 x 2 grid: rows 0 to 1, columns 0 to 1, counted from 0"),
        (question(":figure: heatmap(m)\n:answer: 3\n"),
         "q.md:7:10: error: a cell answer must be a `(row, col)` tuple of two Ints counted from 0, like `x.argmax2d()`; got Int 3"),
        (question(":figure: heatmap(m)\n:answer: (1.0, 0)\n"),
         "q.md:7:10: error: a cell answer must be a `(row, col)` tuple of two Ints counted from 0, like `x.argmax2d()`; got tuple"),
        (question(":figure: heatmap(m)\n:answer: (0, 0)\n:tolerance: 1\n"), "q.md:8:13: error: `:tolerance:` applies only to numeric and matrix questions"),
        (question(":figure: heatmap(nope)\n:answer: (0, 0)\n"), "q.md:6:18: error: unknown name 'nope'"),
    ])
    func errorsAreLocated(source: String, message: String) {
        let (lesson, errors) = QuizVersion2Tests.evaluate(source, path: "q.md")
        #expect(lesson == nil)
        #expect(errors == [message])
    }

    /// A bad figure and a bad answer are both reported.
    @Test func figureAndAnswerErrorsTogether() {
        let (_, errors) = QuizVersion2Tests.evaluate(Self.question(":figure: m\n:answer: \"x\"\n"), path: "q.md")
        #expect(errors == ["q.md:6:10: error: `:figure:` must be a heatmap figure, like `heatmap(featureMap)`; got tensor of shape [2, 2]",
                           "q.md:7:10: error: a cell answer must be a `(row, col)` tuple of two Ints counted from 0, like `x.argmax2d()`; got string \"x\""])
    }

    /// `argmax2d()` gives NumPy ints; a tuple of them is a cell.
    @Test func numpyIntsAreCoordinates() throws {
        let (lesson, errors) = QuizVersion2Tests.evaluate(Self.question(":figure: heatmap(m)\n:answer: m.argmax2d()\n"), path: "q.md")
        #expect(errors == [])
        guard case let .cell(cell) = try #require(lesson?.questions.first).answer else { return }
        #expect(cell.row == 1 && cell.col == 1)
    }

    /// JSON (`[1, 1]`, `"(1, 1)"`) and CSV responses; unreadable and out-of-grid ones are invalid,
    /// with a warning naming the learner and the question.
    @Test func gradesCellResponses() throws {
        let lesson = try Self.built()
        let dir = try QuizFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        for answer in ["[1, 1]", "\"(1, 1)\"", "\"1,1\"", "[1,1]"] {
            let json = dir.appendingPathComponent("one.json")
            try Data("{\"peak\": \(answer)}".utf8).write(to: json)
            let result = QuizCommands.grade(lesson, responsesPath: json.path, json: false, gradebookPath: nil)
            #expect(result.status == 0 && result.stderr == [], "\(answer): \(result.stderr)")
            #expect(String(decoding: result.stdout, as: UTF8.self).contains("peak  correct     (answer (1, 1))"), "\(answer)")
        }
        let csv = dir.appendingPathComponent("class.csv")
        try Data("learner,peak\nada,\"(1, 1)\"\nbo,\"(0, 1)\"\ncy,\"(2, 0)\"\ndi,\"1 1\"\nez,\n".utf8).write(to: csv)
        let result = QuizCommands.grade(lesson, responsesPath: csv.path, json: true, gradebookPath: nil)
        let object = try #require(try JSONSerialization.jsonObject(with: result.stdout) as? [String: Any])
        let learners = try #require(object["learners"] as? [[String: Any]])
        let verdicts = learners.map { (($0["questions"] as? [[String: Any]])?.first?["verdict"] as? String) ?? "" }
        #expect(verdicts == ["correct", "incorrect", "invalid", "invalid", "unanswered"])
        #expect(result.stderr == [
            "\(csv.path):4: warning: learner cy, question peak: `(2, 0)` is not a cell of the 2 x 3 grid (rows 0 to 1, columns 0 to 2, counted from 0); graded invalid (no credit)",
            "\(csv.path):5: warning: learner di, question peak: `1 1` is not a cell: write its row and column counted from 0, like `(1, 2)`; graded invalid (no credit)",
        ])
    }

    /// The grid: one tab stop, every cell a `gridcell` named by row, column (from 1) and value, the
    /// fill the gray colormap's (L = round(255 · (v − min) / (max − min)), computed here).
    @Test func pageGridIsOneTabStopWithLabelledCells() throws {
        let lesson = try Self.built()
        let html = QuizHTML.question(lesson.questions[0], index: 0, lessonName: "c")
        #expect(html.contains("<p class=\"cell-caption\" id=\"quiz-peak-caption\">Your answer to question 1: one cell of 2 rows and 3 columns</p>"))
        #expect(html.contains("<table class=\"cell-grid\" role=\"grid\" id=\"quiz-peak-grid\" aria-labelledby=\"quiz-peak-caption\" "
                              + "aria-describedby=\"quiz-peak-prompt quiz-peak-help\">"))
        let values = [[0.852, 0.789, 0.1], [0.817, 0.874, -0.2]]
        let (low, high) = (-0.2, 0.874)
        var stops = 0
        for (r, row) in values.enumerated() {
            for (c, v) in row.enumerated() {
                let l = Int((255 * (v - low) / (high - low)).rounded(.toNearestOrEven))
                let tabindex = r == 0 && c == 0 ? "0" : "-1"
                let text = String(format: "%.3f", v)
                let cell = "<td role=\"gridcell\" id=\"quiz-peak-cell-\(r)-\(c)\" data-row=\"\(r)\" data-col=\"\(c)\" data-value=\"\(v)\" "
                    + "tabindex=\"\(tabindex)\" aria-selected=\"false\" aria-label=\"Row \(r + 1), column \(c + 1), \(text)\" "
                    + "style=\"background-color: rgb(\(l), \(l), \(l));"
                #expect(html.contains(cell), "cell \(r), \(c)")
                if tabindex == "0" { stops += 1 }
            }
        }
        #expect(stops == 1)
        #expect(html.components(separatedBy: "tabindex=\"0\"").count == 2)
        #expect(html.contains("<p class=\"cell-choice\" id=\"quiz-peak-choice\" aria-live=\"polite\">No cell picked yet.</p>"))
        let data = QuizHTML.dataJSON(questions: lesson.questions, panel: nil, lessonName: "c")
        #expect(data.contains("\"display\":\"row 2, column 2 (0.874)\""))
        #expect(data.contains("\"spec\":{\"columns\":3,\"expected\":[\"1\",\"1\"],\"partial\":false,\"read\":\"cell\",\"rows\":2}"))
    }
}
