import Foundation
import Testing
import TestSupport
@testable import LessonKit

@Suite struct GradeResponseReaderTests {
    @Test func jsonStringsNumbersAndNull() throws {
        let r = try ResponseReader.parse(#"{"q1": "112", "q2": 2, "q3": null, "pixel-mean": 0.874, "q5": 1e-5, "q6": -38535424}"#, path: "r.json")
        #expect(r.format == .json)
        #expect(r.learners.count == 1)
        let a = r.learners[0].answers
        // Numbers keep the text they were written with; ids stay in file order.
        #expect(a == ["q1": "112", "q2": "2", "pixel-mean": "0.874", "q5": "1e-5", "q6": "-38535424"])
        #expect(r.questionIDs == ["q1", "q2", "q3", "pixel-mean", "q5", "q6"])
        #expect(r.learners[0].positions["q2"] == "1:21")
    }

    @Test(arguments: [
        (#"{"q1": true}"#, "r.json:1:8: error: expected a string or a number, got true"),
        (#"{"q2": [1, 2]}"#, "r.json:1:9: error: a matrix answer is a list of rows, each a list of numbers: [[1, 2], [3, 4]]"),
        ("{\n  \"q2\": [[1, 2], [3, {}]]}", "r.json:2:22: error: a matrix cell must be a number (or a string without spaces or `;`)"),
        (#"{"q3": {"a": 1}}"#, "r.json:1:9: error: unknown key `a`; a response to a question with variants is {\"variant\": 3, \"answer\": \"112\"}"),
        (#"["q1"]"#, "r.json:1:1: error: expected a JSON object from question id to answer, like {\"q1\": \"112\", \"q2\": 2}"),
        // Strict JSON: what Foundation's JSONSerialization accepted or reported without a position.
        (#"{"q1": "112",}"#, "r.json:1:14: error: malformed JSON: expected a \"quoted\" key after `,` (no trailing commas in JSON)"),
        ("{\"q1\": \"1\",\n \"q1\": \"2\"}", "r.json:2:2: error: malformed JSON: duplicate key \"q1\" (first at line 1, column 2)"),
        ("{\"q1\": [[1, 2],]}", "r.json:1:16: error: malformed JSON: expected a value after `,` (no trailing commas in JSON)"),
        ("{\"q1\": NaN}", "r.json:1:8: error: malformed JSON: expected a value (a string, number, object, array, true, false or null)"),
        ("{\"q1\": 1} // note", "r.json:1:11: error: malformed JSON: extra text after the JSON value"),
    ])
    func malformedJSON(text: String, message: String) {
        #expect(throws: ResponseError.self) { try ResponseReader.parse(text, path: "r.json") }
        do {
            _ = try ResponseReader.parse(text, path: "r.json")
        } catch {
            #expect(error.description == message)
        }
    }

    @Test func brokenJSONNamesTheFileLineAndColumn() {
        do {
            _ = try ResponseReader.parse("{\n  \"q1\": \"112\",,\n}", path: "bad.json")
            Issue.record("no error")
        } catch {
            #expect(error.path == "bad.json")
            #expect(error.description.hasPrefix("bad.json:2:15: error: malformed JSON: "))
        }
    }

    @Test func csvWithQuotingAndBlankCells() throws {
        let text = "learner,q1,q2,q3\r\nada,112,2,Max pooling\r\n\"Lee, Ann\",\"38,535,424\",,\"say \"\"max\"\"\"\nbo,,1,\"two\nlines\"\n\n"
        let r = try ResponseReader.parse(text, path: "class.csv")
        #expect(r.format == .csv)
        #expect(r.questionIDs == ["q1", "q2", "q3"])
        #expect(r.learners.map(\.learner) == ["ada", "Lee, Ann", "bo"])
        #expect(r.learners.map(\.row) == [2, 3, 4])
        #expect(r.learners[1].answers == ["q1": "38,535,424", "q3": "say \"max\""])
        #expect(r.learners[2].answers == ["q2": "1", "q3": "two\nlines"])
    }

    @Test(arguments: [
        ("learner,q1\nada,1,2\n", "c.csv:2: error: this row has 3 fields, the header has 2"),
        ("learner,q1\nada,1\nbo\n", "c.csv:3: error: this row has 1 field, the header has 2"),
        ("name,q1\nada,1\n", "c.csv:1: error: the first column must be `learner`, got `name`"),
        ("learner,q1,q1\nada,1,2\n", "c.csv:1: error: question `q1` appears twice in the header"),
        ("learner,q1,\nada,1,2\n", "c.csv:1: error: a column has no question id"),
        ("learner,q1\nada,1\nada,2\n", "c.csv:3: error: learner `ada` already has a row (line 2)"),
        ("learner,q1\n,1\n", "c.csv:2: error: the learner cell is empty"),
        ("learner,q1\nada,\"12\n", "c.csv:2: error: a quoted field is not closed"),
        ("learner,q1\nada,1\"2\"\n", "c.csv:2: error: a double quote inside an unquoted field (quote the field and double the quote: \"\"\"\")"),
        ("learner,q1\nada,\"12\"x\n", "c.csv:2: error: text after a closing double quote"),
        ("learner,q1\n", "c.csv:1: error: the header is not followed by any learner row"),
        ("", "c.csv: error: the file is empty; expected a header learner,q1,q2,…"),
    ])
    func malformedCSV(text: String, message: String) {
        do {
            _ = try ResponseReader.parse(text, path: "c.csv")
            Issue.record("no error for \(String(reflecting: text))")
        } catch {
            #expect(error.description == message)
        }
    }

    @Test func rowNumbersCountLinesInsideQuotedFields() {
        // Line 2 holds a field spanning lines 2-3; the broken row starts on line 4.
        do {
            _ = try ResponseReader.parse("learner,q1\nada,\"a\nb\"\nbo,1,2\n", path: "c.csv")
            Issue.record("no error")
        } catch {
            #expect(error.description == "c.csv:4: error: this row has 3 fields, the header has 2")
        }
    }

    @Test func unknownQuestionIdsAreRejected() throws {
        let json = try ResponseReader.parse(#"{"q1": "1", "q9": "2"}"#, path: "r.json")
        #expect(throws: ResponseError(path: "r.json", row: "1:13", "the lesson has no question `q9`; its questions are q1, q2")) {
            try json.check(questionIDs: ["q1", "q2"], path: "r.json")
        }
        let csv = try ResponseReader.parse("learner,q1,Q2\nada,1,2\n", path: "c.csv")
        #expect(throws: ResponseError(path: "c.csv", row: "1", "the lesson has no question `Q2`; its questions are q1, q2")) {
            try csv.check(questionIDs: ["q1", "q2"], path: "c.csv")
        }
    }

    @Test func oversizedFilesAreRefusedBeforeReading() throws {
        let dir = try QuizFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("huge.csv")
        FileManager.default.createFile(atPath: file.path, contents: nil)
        let handle = try FileHandle(forWritingTo: file)
        try handle.truncate(atOffset: UInt64(ResponseReader.maxBytes + 1))  // sparse: no 16 MB written
        try handle.close()
        #expect(throws: ResponseError(path: file.path, row: nil, "the responses file has 16777217 bytes; at most 16777216 (16 MB) are read")) {
            try ResponseReader.read(path: file.path)
        }
    }

    @Test func readsFilesAndReportsUnreadableOnes() throws {
        let dir = try QuizFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("r.json")
        try Data(#"  {"q1": "112"}"#.utf8).write(to: file)
        #expect(try ResponseReader.read(path: file.path).learners[0].answers == ["q1": "112"])
        let missing = dir.appendingPathComponent("none.csv").path
        #expect(throws: ResponseError(path: missing, row: nil, "cannot read the responses file")) {
            try ResponseReader.read(path: missing)
        }
    }
}

@Suite struct GradeReportTests {
    static let questions = Array(QuizFixtures.questions.prefix(4))

    @Test func oneLearnerTextReport() throws {
        let responses = try ResponseReader.parse(#"{"q1": "112", "q2": 3, "q3": " max POOLING "}"#, path: "r.json")
        let report = Grader.grade(lessonName: "cnn", questions: Self.questions, panel: QuizFixtures.panel, responses: responses)
        #expect(report.text == """
        q1          correct     (answer 112)
        q2          incorrect   (answer 2)
        q3          correct     (answer Max pooling)
        pixel-mean  unanswered  (answer 0.874 ± 0.001)
        score 50% (2 of 4)
        not passed (needs more than 75%)

        """)
    }

    @Test func classReportGradebookAndStrictPass() throws {
        // ada: 4 of 4; bo: 3 of 4 = 75% is not above 75%; "Lee, Ann": 0 of 4.
        let csv = "learner,q1,q2,q3,pixel-mean\nada,112,2,max pooling,0.8745\nbo,112,2,max pooling,0.9\n\"Lee, Ann\",,,,\n"
        let responses = try ResponseReader.parse(csv, path: "c.csv")
        let report = Grader.grade(lessonName: "cnn", questions: Self.questions, panel: QuizFixtures.panel, responses: responses)
        #expect(report.learners.map(\.passed) == [true, false, false])
        #expect(report.learners.map(\.correct) == [4, 3, 0])
        #expect(report.gradebookCSV == "learner,score,passed\nada,100,true\nbo,75,false\n\"Lee, Ann\",0,false\n")
        #expect(report.text.contains("learner bo\n"))
        #expect(report.text.hasSuffix("\ngradebook\n" + report.gradebookCSV))
    }

    @Test func jsonReportDecodes() throws {
        let responses = try ResponseReader.parse(#"{"q1": "112", "q2": "2", "q3": "max pooling", "pixel-mean": "0.874"}"#, path: "r.json")
        let report = Grader.grade(lessonName: "cnn", questions: Self.questions, panel: nil, responses: responses)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(report.json.utf8)) as? [String: Any])
        #expect(object["lesson"] as? String == "cnn")
        #expect((object["passMark"] as? NSNumber)?.doubleValue == 0.75)
        let learner = try #require((object["learners"] as? [[String: Any]])?.first)
        #expect(learner["passed"] as? Bool == true)
        #expect((learner["score"] as? NSNumber)?.doubleValue == 1.0)
        let verdicts = (learner["questions"] as? [[String: Any]])?.compactMap { $0["verdict"] as? String }
        #expect(verdicts == ["correct", "correct", "correct", "correct"])
        #expect(report.json == Grader.grade(lessonName: "cnn", questions: Self.questions, panel: nil, responses: responses).json)
    }
}
