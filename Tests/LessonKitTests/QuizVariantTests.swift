import Foundation
import Testing
import ZIPFoundation
import TestSupport
@testable import LessonKit

/// `:variants:`, `:given:`, `:require:` and the seeded random functions (LESSON-FORMAT.md §10):
/// the generator against an independent Python SplitMix64, reproducible builds, one stream per
/// question, every author mistake located, the JSON export recomputed by Python from its given
/// values, grading by variant, and the Moodle, GIFT and QTI (schema-valid) exports.
@Suite struct QuizVariantTests {
    static let fixture = Paths.root.appendingPathComponent("Tests/LessonKitTests/Fixtures/Quiz/variants.md")

    static func built() throws -> QuizBuilderLiveTests.Built {
        try QuizBuilderLiveTests.build(try String(contentsOf: fixture, encoding: .utf8))
    }

    // MARK: The generator

    /// FNV-1a 64 of the seed text, SplitMix64 and `(x * n) >> 64`, written again in Python and run live.
    @Test(.enabled(if: Tools.hasPython, "needs python3"))
    func generatorMatchesAnIndependentSplitMix64() throws {
        let python = try #require(Tools.python3)
        let script = """
        M = (1 << 64) - 1
        h = 0xcbf29ce484222325
        for b in "quiz\\x1fout-size\\x1f7\\x1f3".encode(): h = ((h ^ b) * 0x100000001b3) & M
        s = h
        out = []
        for n in [5, 1000, 2**40]:
            s = (s + 0x9E3779B97F4A7C15) & M
            z = s
            z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & M
            z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & M
            z ^= z >> 31
            out.append(str((z * n) >> 64))
        print(h, " ".join(out))
        """
        let (status, stdout, stderr) = try QuizFixtures.run(python, ["-c", script])
        try #require(status == 0, "\(stderr)")
        var g = VariantGenerator(lesson: "quiz", question: "out-size", variant: 7, attempt: 3)
        let ours = "\(VariantGenerator.fnv1a64("quiz\u{1F}out-size\u{1F}7\u{1F}3")) \(g.below(5)) \(g.below(1000)) \(g.below(1 << 40))"
        #expect(ours == stdout.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// The same stream as TestSupport's SplitMix64 from the same seed.
    @Test func generatorIsSplitMix64() {
        var ours = VariantGenerator(seed: 42), reference = SplitMix64(seed: 42)
        for _ in 0..<100 { #expect(ours.next() == reference.next()) }
    }

    // MARK: Determinism and streams

    @Test func sameLessonSameVariantsAndPage() throws {
        let a = try Self.built(), b = try Self.built()
        #expect(a.diagnostics == [])
        #expect(a.questions == b.questions)
        #expect(a.questions.map(\.variants.count) == [40, 6, 0])
        let page = { (q: [Question]) in QuizHTML.script(questions: q, panel: nil, lessonName: "variants")
            + q.enumerated().map { QuizHTML.question($1, index: $0, lessonName: "variants") }.joined() }
        #expect(page(a.questions) == page(b.questions))
        let area = try #require(a.questions.first)
        #expect(Set(area.variants.map(\.given.description)).count == 40, "variants differ")
        #expect(area.variants.allSatisfy { v in
            guard case let .number(h)? = v.given.first?.value, case let .number(w)? = v.given.last?.value else { return false }
            return h != w  // :require: h != w
        })
        #expect(area.promptHTML == area.variants[0].promptHTML && area.answer == area.variants[0].answer, "the question is its variant 1")
    }

    @Test func eachQuestionNameHasItsOwnStream() throws {
        let question = { (name: String) in """
            ```{question} numeric
            :name: \(name)
            :variants: 5
            :given: let n = randomInt(1...1000000)
            :answer: n
            What is {{ n }}?
            ```

            """ }
        let built = try QuizBuilderLiveTests.build("# Q\n\n" + question("first") + question("second"))
        #expect(built.diagnostics == [])
        let first = built.questions[0].variants.map(\.answer), second = built.questions[1].variants.map(\.answer)
        #expect(first.count == 5 && second.count == 5)
        #expect(first != second, "different names, different draws")
        // The stream also depends on the lesson: the same question in another file draws other values.
        var g1 = VariantGenerator(lesson: "quiz", question: "first", variant: 1, attempt: 0)
        var g2 = VariantGenerator(lesson: "other", question: "first", variant: 1, attempt: 0)
        #expect(g1.next() != g2.next())
    }

    @Test func givenNamesStayInTheirQuestion() throws {
        let built = try QuizBuilderLiveTests.build("""
        # Q

        ```{eval}
        let base = 10
        ```

        ```{question} numeric
        :variants: 3
        :given: let n = base + randomInt(1...50)
        :answer: n
        What is {{ n }}?
        ```

        ```{question} numeric
        :answer: n
        And now?
        ```
        """)
        #expect(built.diagnostics == ["quiz.md:15:10: error: unknown name 'n'"])
        #expect(built.questions.first?.variants.allSatisfy { if case let .numeric(v, _, _) = $0.answer { v > 10 && v <= 60 } else { false } } == true)
    }

    // MARK: Located errors

    static let badLessons: [(String, String)] = [
        (":variants: 5\n:given: let n = choose([1, 2, 3])\n:answer: n\n",
         "quiz.md:4:12: error: only 3 distinct variants of 5 could be drawn: variant 4 repeated an earlier one in all 100 draws; "
            + "ask for fewer `:variants:` or draw from more values"),
        (":variants: 3\n:given: let n = choose([1, 2, 3])\n:require: n > 5\n:answer: n\n",
         "quiz.md:6:11: error: `:require:` never held in 100 draws for variant 1"),
        (":variants: 3\n:given: let n = choose([1, 2, 3])\n:require: n\n:answer: n\n",
         "quiz.md:6:11: error: `:require:` must be a Bool condition such as `n % s == 0`, got Int 1"),
        (":variants: 4\n:given: let n = randomInt(0...5)\n:answer: convOutputSize(n, kernel: 3)\n",
         "quiz.md:6:10: error: variant 1: kernel cannot exceed padded input size"),
        (":given: let n = 3\n:answer: 3\n",
         "quiz.md:4:9: error: `:given:` applies to a question with `:variants: N`; add it (e.g. `:variants: 10`)"),
        (":variants: 3\n:answer: 1\n",
         "quiz.md:4:12: error: `:variants:` needs `:given:` with the values that vary, e.g. `:given: let n = choose([28, 32, 64])`"),
        (":variants: 0\n:given: let n = 1\n:answer: 1\n",
         "quiz.md:4:12: error: `:variants:` must be a whole number from 1 to 100, got `0`"),
        (":variants: 2\n:given: let f = { $0 + 1 }; let n = randomInt(1...9)\n:answer: n\n",
         "quiz.md:5:9: error: variant 1: `:given:` binds `f` to function; given values must be finite numbers, strings, Bools, tuples, lists or tensors "
            + "(they are exported with each variant)"),
        (":variants: 2\n:given: import \"_shared.md\"; let n = randomInt(1...9)\n:answer: n\n",
         "quiz.md:5:16: error: `:given:` fails for variant 1: `import` belongs in an `{eval}` block; a `:given:` binds only its variant's values"),
        (":variants: 10\n:given: let x = randomTensor((100, 100), from: [0.5, 1.5]); let n = randomInt(1...99)\n:answer: n\n",
         "quiz.md:5:9: error: the given values of variants 1 to 10 hold 100010 numbers; at most 100000 are kept per question "
            + "(they are exported with each variant); draw smaller tensors or fewer variants"),
        (":answer: choose([1, 2])\n",
         "quiz.md:4:10: error: random draws (choose, randomInt, randomTensor, shuffled) work only in a question's `:given:`, "
            + "where each variant is seeded; bind a fixed value with `let` here"),
    ]

    @Test(arguments: badLessons)
    func errorsAreLocated(options: String, message: String) throws {
        let built = try QuizBuilderLiveTests.build("# Q\n\n```{question} numeric\n" + options + "How many?\n```\n")
        #expect(built.diagnostics == [message])
        #expect(built.questions.isEmpty)
    }

    /// Distinct variants of `randomInt(1...4)` draw every value, so one of the four variants fails.
    @Test func aGivenThatFailsForOneVariantNamesIt() throws {
        let built = try QuizBuilderLiveTests.build("# Q\n\n```{question} numeric\n:variants: 4\n"
                                                   + ":given: let n = randomInt(1...4); let m = [1, 2, 3][n - 1]\n:answer: m\nHow many?\n```\n")
        let message = try #require(built.diagnostics.first)
        #expect(built.diagnostics.count == 1)
        #expect(message.hasPrefix("quiz.md:5:43: error: `:given:` fails for variant "))
        #expect(message.hasSuffix(": index 3 is out of bounds for axis 0 with size 3"))
        let variant = Int(message.dropFirst("quiz.md:5:43: error: `:given:` fails for variant ".count).prefix { $0.isNumber })
        #expect(variant.map { (1...4).contains($0) } == true, "\(message)")
    }

    @Test func randomDrawsOutsideGivenAreAnError() throws {
        let interpreter = Interpreter()
        let errors = interpreter.run(block: "let x = shuffled([1, 2])", locate: { SourceLocation(line: 1, column: 1 + $0) })
        #expect(errors.map(\.description) == ["1:9: random draws (choose, randomInt, randomTensor, shuffled) work only in a question's "
                                              + "`:given:`, where each variant is seeded; bind a fixed value with `let` here"])
    }

    // MARK: Export as data

    /// Every variant's answer, recomputed by Python from the given values the export reports.
    @Test(.enabled(if: Tools.hasPython, "needs python3"))
    func jsonExportAnswersFollowFromTheGivenValues() throws {
        let built = try Self.built()
        let json = String(decoding: try QuizExporter.export(questions: built.questions, panel: built.panel, lessonName: "variants",
                                                            title: "V", format: .json), as: UTF8.self)
        #expect(json.hasPrefix("{\n  \"pass\": 0.5,\n  \"questions\": [\n    {\n      \"name\": \"area\",\n      \"kind\": \"numeric\",\n"))
        let script = """
        import json, sys
        quiz = json.load(sys.stdin)
        names = [q["name"] for q in quiz["questions"]]
        area = [v["answer"] == v["given"]["h"] * v["given"]["w"] and v["given"]["h"] != v["given"]["w"]
                and "%d rows and %d columns" % (v["given"]["h"], v["given"]["w"]) in v["prompt"] for v in quiz["questions"][0]["variants"]]
        bigger = [v["answer"] == (1 if v["given"]["a"] > v["given"]["b"] else 2) and sorted(v["given"]["sizes"]) == [3, 5, 7]
                  for v in quiz["questions"][1]["variants"]]
        fixed = quiz["questions"][2]["variants"] == [{"given": {}, "prompt": "How many weights has one 3 x 3 kernel on one channel?",
                                                      "answer": 9, "tolerance": 0}]
        print(names, len(area), all(area), len(bigger), all(bigger), fixed, list(quiz["questions"][0]["variants"][0]))
        """
        let python = try #require(Tools.python3)
        let (status, out, err) = try QuizFixtures.run(python, ["-c", script], stdin: Data(json.utf8))
        try #require(status == 0, "\(err)")
        #expect(out == "['area', 'bigger', 'fixed'] 40 True 6 True True ['given', 'prompt', 'answer', 'tolerance', 'explanation']\n")
    }

    // MARK: Grading by variant

    static func grade(_ text: String, path: String = "r.json") throws -> GradeReport {
        let built = try built()
        let responses = try ResponseReader.parse(text, path: path)
        let counts = Dictionary(uniqueKeysWithValues: built.questions.filter { !$0.variants.isEmpty }.map { ($0.id, $0.variants.count) })
        try responses.check(variantCounts: counts, path: path)
        return Grader.grade(lessonName: "variants", questions: built.questions, panel: built.panel, responses: responses)
    }

    @Test func gradesEachResponseAgainstItsVariant() throws {
        let built = try Self.built()
        let area = built.questions[0]
        guard case let .numeric(v7, _, _) = area.variants[6].answer, case let .numeric(v1, _, _) = area.variants[0].answer else {
            Issue.record("area is numeric")
            return
        }
        let json = try Self.grade(#"{"area": {"variant": 7, "answer": "\#(QuizNumber.text(v7))"}, "fixed": 9}"#)
        #expect(json.learners[0].questions.map(\.verdict) == [.correct, .unanswered, .correct])
        #expect(json.learners[0].questions[0].variant == 7)
        #expect(json.text.contains("area    correct     (variant 7, answer \(QuizNumber.text(v7)))"))
        let csv = try Self.grade("learner,area,area.variant,fixed\nada,\(QuizNumber.text(v7)),7,9\nbob,\(QuizNumber.text(v7)),1,9\n"
                                 + "cy,\(QuizNumber.text(v1)),1,9\n", path: "class.csv")
        #expect(csv.learners.map { $0.questions[0].verdict } == (v1 == v7 ? [.correct, .correct, .correct] : [.correct, .incorrect, .correct]))
    }

    static let badResponses: [(String, String, String)] = [
        (#"{"area": {"variant": 41, "answer": "1"}}"#, "r.json",
         "r.json:1:22: error: variant 41 of question `area` is out of range: it has 40 variants, numbered 1 to 40"),
        (#"{"area": "12"}"#, "r.json",
         #"r.json:1:10: error: question `area` has 40 variants; say which one this answer is for with {"area": {"variant": 3, "answer": …}}"#),
        (#"{"fixed": {"variant": 1, "answer": "9"}}"#, "r.json",
         "r.json:1:23: error: question `fixed` has no variants; give its answer alone"),
        (#"{"area": {"answer": "12"}}"#, "r.json",
         #"r.json:1:10: error: this response has no `variant`; write {"variant": 3, "answer": "112"}"#),
        (#"{"area": {"variant": 0, "answer": "12"}}"#, "r.json",
         #"r.json:1:22: error: `variant` must be a variant number (1, 2, …), like {"variant": 3, "answer": "112"}"#),
        ("learner,area,area.variant\nada,12,3\nbob,12,41\n", "class.csv",
         "class.csv:3: error: learner `bob`: variant 41 of question `area` is out of range: it has 40 variants, numbered 1 to 40"),
        ("learner,area\nada,12\n", "class.csv",
         "class.csv:2: error: learner `ada`: question `area` has 40 variants; say which one this answer is for with a column `area.variant`"),
        ("learner,area,area.variant\nada,12,three\n", "class.csv",
         "class.csv:2: error: `area.variant` must be a variant number (1, 2, …), got `three`"),
        ("learner,area,nope.variant\nada,12,3\n", "class.csv",
         "class.csv:1: error: the lesson has no question `nope`; its questions are area, bigger, fixed"),
    ]

    @Test(arguments: badResponses)
    func badVariantsNameFileAndRow(text: String, path: String, message: String) throws {
        let built = try Self.built()
        do {
            let responses = try ResponseReader.parse(text, path: path)
            try responses.check(questionIDs: built.questions.map(\.id), path: path)
            try responses.check(variantCounts: ["area": 40, "bigger": 6], path: path)
            Issue.record("no error for \(text)")
        } catch {
            #expect(error.description == message)
        }
    }

    // MARK: Exports for readers without variants

    @Test func moodleAndGIFTPutVariantsInACategory() throws {
        let built = try Self.built()
        let xml = try QuizExporter.export(questions: built.questions, panel: built.panel, lessonName: "variants", title: "V", format: .moodle)
        let quiz = try XMLNode.parse(xml)
        let entries = quiz.all("question").map { q in
            q.attributes["type"] == "category" ? "category " + (q.first("category")?.first("text")?.text ?? "")
                : q.first("name")?.first("text")?.text ?? ""
        }
        #expect(entries == ["category variants", "category variants/area"] + (1...40).map { "area-v\($0)" }
                + ["category variants", "category variants/bigger"] + (1...6).map { "bigger-v\($0)" } + ["category variants", "fixed"])
        let gift = String(decoding: try QuizExporter.export(questions: built.questions, panel: built.panel, lessonName: "variants",
                                                            title: "V", format: .gift), as: UTF8.self)
        let lines = gift.split(separator: "\n").filter { $0.hasPrefix("$CATEGORY:") || $0.hasPrefix("::") }
            .map { $0.hasPrefix("::") ? String($0.dropFirst(2).prefix { $0 != ":" }) : String($0) }
        #expect(lines == ["$CATEGORY: variants", "$CATEGORY: variants/area"] + (1...40).map { "area-v\($0)" }
                + ["$CATEGORY: variants", "$CATEGORY: variants/bigger"] + (1...6).map { "bigger-v\($0)" } + ["$CATEGORY: variants", "fixed"])
        guard case let .numeric(v2, _, _) = built.questions[0].variants[1].answer else { return }
        #expect(gift.contains("::area-v2::[html]" + GIFTExporter.escape(built.questions[0].variants[1].promptHTML.trimmingCharacters(in: .newlines))
                              + "{#\(QuizNumber.text(v2)):0####"))
    }

    /// A section per variant question that selects one of its items; every file valid against the
    /// IMS QTI 2.1 and CP schemas (offline copies, `xmllint --schema`).
    @Test(.enabled(if: ExportReaderFindingTests.canValidate, "xmllint or the offline schemas are missing"))
    func qtiSelectsOneItemPerVariantQuestion() throws {
        let built = try Self.built()
        let data = try QuizExporter.export(questions: built.questions, panel: built.panel, lessonName: "variants", title: "V", format: .qti)
        let dir = try QuizFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        var archive: [String: Data] = [:]
        let zip = try Archive(data: data, accessMode: .read)
        for entry in zip {
            var bytes = Data()
            _ = try zip.extract(entry) { bytes.append($0) }
            archive[entry.path] = bytes
        }
        var xml: [String] = []
        for (name, bytes) in archive {
            let url = dir.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try bytes.write(to: url)
            if name != "imsmanifest.xml" { xml.append(url.path) }
        }
        #expect(xml.count == 1 + 40 + 6 + 1)
        let test = try XMLNode.parse(try #require(archive["assessment.xml"]))
        let sections = test.descendants("assessmentSection").filter { $0.first("selection") != nil }
        #expect(sections.map { $0.attributes["identifier"] ?? "" } == ["variants-area", "variants-bigger"])
        #expect(sections.map { $0.first("selection")?.attributes["select"] ?? "" } == ["1", "1"])
        #expect(sections.map { $0.all("assessmentItemRef").count } == [40, 6])
        let xmllint = try #require(QuizFixtures.tool("xmllint"))
        let schemas = ExportReaderFindingTests.schemas
        let (status, _, err) = try QuizFixtures.run(xmllint, ["--noout", "--nonet", "--schema",
                                                              schemas.appendingPathComponent("qti21/qtiv2p1/imsqti_v2p1.xsd").path] + xml.sorted())
        #expect(status == 0, "\(err)")
        let (mstatus, _, merr) = try QuizFixtures.run(xmllint, ["--noout", "--nonet", "--schema", schemas.appendingPathComponent("qti21/imscp_v1p1.xsd").path,
                                                                dir.appendingPathComponent("imsmanifest.xml").path])
        #expect(mstatus == 0, "\(merr)")
    }
}

extension Question.GivenValue: CustomStringConvertible {
    public var description: String { "\(name)=\(value.json)" }
}
