import Foundation
import Testing
import TestSupport
@testable import LessonKit

/// `StrictJSON` against Python's `json` module (an independent reader run live): the same documents
/// parse to the same values, and malformed ones fail at the same line and column. Where the two
/// rules differ on purpose (Python accepts `NaN`, duplicate keys and lone surrogates), ours is checked
/// by hand.
@Suite struct GradeStrictJSONTests {
    static let valid = [
        #"{"q1": "112", "q2": 2, "q3": null, "q4": -0.5e3, "q5": [[1, 2], [3.25, 4]]}"#,
        "{\n  \"a\": \"\\u00e9\\n\\t\\\"\\\\/\",\n  \"b\": \"\\ud83d\\ude00\", \"c\": true, \"d\": false\n}",
        "  {}  ", "[]", "[1, [2, [3, [4]]]]", #"{"é": "ß", "x": 1E+2, "y": 0, "z": -0.0}"#,
    ]

    static let malformed = [
        #"{"q1": "112",}"#, "[1,]", #"{"a" 1}"#, #"{"a": }"#, #"{"a": 1"#, #"{"a": "x"#, #"{"a": 1} x"#,
        #"{"a": "\x"}"#, "{\"a\": \"\u{1}\"}", #"{"a": 01}"#, #"{"a": 1.}"#, #"{"a": -}"#, "{\n  \"a\": tru}", "",
        "{\n\n   \"q1\": [1, 2,, 3]}", #"{'a': 1}"#, #"{"a": .5}"#, "{\"a\": 1,\n}", #"{"a": [1 2]}"#, #"{"é": 1,}"#,
        #"{"a": "\u12"}"#, "{\"a\":\n\n\n  +1}", #"{"a": 1e}"#, #"{"a": 1}}"#, "\t\n  ]",
    ]

    struct PythonResult: Decodable {
        var value: String?
        var line: Int?
        var column: Int?
    }

    /// Canonical text of a parsed value, the same shape as the Python side prints.
    static func canonical(_ node: StrictJSON.Node) -> String {
        switch node.value {
        case .null: return "null"
        case let .bool(b): return b ? "true" : "false"
        case let .number(n): return "n:" + String(Double(n)!)
        case let .string(s): return "s:" + s.unicodeScalars.map { String($0.value, radix: 16) }.joined(separator: ",")
        case let .array(items): return "[" + items.map(canonical).joined(separator: "|") + "]"
        case let .object(members): return "{" + members.map { "k:" + $0.key.unicodeScalars.map { String($0.value, radix: 16) }
            .joined(separator: ",") + "=" + canonical($0.value) }.joined(separator: "|") + "}"
        }
    }

    @Test(.enabled(if: QuizFixtures.tool("python3") != nil, "python3 is not installed"))
    func agreesWithPythonsJSONModule() throws {
        let python = try #require(QuizFixtures.tool("python3"))
        let script = #"""
        import json, sys
        def canon(v):
            if v is None: return "null"
            if v is True: return "true"
            if v is False: return "false"
            if isinstance(v, (int, float)): return "n:" + repr(float(v))
            if isinstance(v, str): return "s:" + ",".join("%x" % ord(c) for c in v)
            if isinstance(v, list): return "[" + "|".join(canon(x) for x in v) + "]"
            return "{" + "|".join("k:" + ",".join("%x" % ord(c) for c in k) + "=" + canon(x) for k, x in v.items()) + "}"
        out = []
        for doc in json.load(sys.stdin):
            try:
                out.append({"value": canon(json.loads(doc))})
            except json.JSONDecodeError as e:
                out.append({"line": e.lineno, "column": e.colno})
        print(json.dumps(out))
        """#
        let documents = Self.valid + Self.malformed
        let input = try JSONSerialization.data(withJSONObject: documents)
        let (status, stdout, stderr) = try QuizFixtures.run(python, ["-c", script], stdin: input)
        try #require(status == 0, "\(stderr)")
        let expected = try JSONDecoder().decode([PythonResult].self, from: Data(stdout.utf8))
        try #require(expected.count == documents.count)
        var compared = 0
        for (doc, want) in zip(documents, expected) {
            do {
                let node = try StrictJSON.parse(doc)
                #expect(want.value == Self.canonical(node), "\(String(reflecting: doc)): Python failed at \(want.line ?? 0):\(want.column ?? 0)")
            } catch {
                #expect(want.value == nil, "\(String(reflecting: doc)) parses in Python but here: \(error.message)")
                #expect(want.line == error.position.line && want.column == error.position.column,
                        "\(String(reflecting: doc)): Python \(want.line ?? 0):\(want.column ?? 0), here \(error.position) \(error.message)")
            }
            compared += 1
        }
        print("GradeStrictJSONTests: compared \(compared) documents with Python's json")
        #expect(compared == Self.valid.count + Self.malformed.count)
    }

    /// Python accepts these; a responses file must not.
    @Test(arguments: [
        (#"{"q1": NaN}"#, "1:8"), (#"{"q1": -Infinity}"#, "1:8"), ("{\"q1\": 1, \"q1\": 2}", "1:11"),
        (#"{"q1": "\ud800"}"#, "1:10"), ("{\"q1\": 1} /* c */", "1:11"),
    ])
    func rejectsWhatPythonTolerates(document: String, position: String) {
        do {
            _ = try StrictJSON.parse(document)
            Issue.record("\(document) parsed")
        } catch {
            #expect(error.position.description == position, "\(document): \(error.message)")
        }
    }

    @Test func nestingIsBounded() {
        let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        do {
            _ = try StrictJSON.parse(deep)
            Issue.record("parsed")
        } catch {
            #expect(error.message == "nested deeper than 64 levels")
            #expect(error.position.column == 65)
        }
    }
}
