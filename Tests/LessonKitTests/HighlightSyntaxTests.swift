import Foundation
import Testing
import TestSupport
@testable import LessonKit

/// SyntaxHighlighter: Python spans checked against Python's own `tokenize` (live, with the
/// committed `Fixtures/Render/highlight_oracle.json` from `Oracle/highlight_oracle.py` as the
/// fallback), Swift spans against hand-written expectations from the Swift grammar, and the
/// round-trip property (strip tags, unescape -> the source) on fixtures and random text.
@Suite struct HighlightSyntaxTests {
    /// The edge cases here, and the seed listings shared by every suite.
    static let directories = [RenderPaths.fixtures.appendingPathComponent("highlight"), Paths.fixture("Seed")]

    /// Every `.py` file of the fixture folders by name.
    static func sources() throws -> [(name: String, url: URL)] {
        try directories.flatMap { folder in
            try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".py") }
                .map { ($0, folder.appendingPathComponent($0)) }
        }.sorted { $0.name < $1.name }
    }

    /// (kind, start, end) in Unicode scalar offsets, for the kinds the oracle reports.
    static func spans(_ source: String, language: String) -> Set<[String]> {
        var result: Set<[String]> = []
        var offset = 0
        for token in SyntaxHighlighter.tokens(source, language: language) {
            let length = token.text.unicodeScalars.count
            if let kind = token.kind, [.keyword, .string, .number, .comment].contains(kind) {
                result.insert([kind.rawValue, String(offset), String(offset + length)])
            }
            offset += length
        }
        return result
    }

    static func oracle() throws -> (spans: [String: [[String]]], live: Bool) {
        let script = RenderPaths.oracle.appendingPathComponent("highlight_oracle.py").path
        var text: String
        var live = false
        if let result = RenderPython.run([script] + directories.map(\.path)), result.status == 0 {
            text = result.output
            live = true
        } else {
            let url = RenderPaths.fixtures.appendingPathComponent("highlight_oracle.json")
            text = try String(contentsOf: url, encoding: .utf8)
        }
        let json = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: [[Any]]] ?? [:]
        var spans: [String: [[String]]] = [:]
        for (file, tokens) in json {
            spans[file] = tokens.map { token in token.map { "\($0)" } }
        }
        return (spans, live)
    }

    @Test func pythonSpansAgreeWithTokenize() throws {
        let (oracle, live) = try Self.oracle()
        #expect(oracle.count >= 11, "expected the ten seed listings and the edge cases")
        var compared = 0
        let urls = Dictionary(uniqueKeysWithValues: try Self.sources().map { ($0.name, $0.url) })
        for (file, expected) in oracle.sorted(by: { $0.key < $1.key }) {
            let url = try #require(urls[file], "no fixture named \(file)")
            let source = try String(contentsOf: url, encoding: .utf8)
            let mine = Self.spans(source, language: "python")
            let theirs = Set(expected)
            let missing = theirs.subtracting(mine).sorted { Int($0[1]) ?? 0 < Int($1[1]) ?? 0 }
            let extra = mine.subtracting(theirs).sorted { Int($0[1]) ?? 0 < Int($1[1]) ?? 0 }
            func show(_ span: [String]?) -> String {
                guard let span, let start = Int(span[1]), let end = Int(span[2]) else { return "none" }
                let scalars = Array(source.unicodeScalars)[start..<min(end, source.unicodeScalars.count)]
                var text = ""
                text.unicodeScalars.append(contentsOf: scalars)
                return "\(span[0]) \(start)..<\(end) \(text.debugDescription)"
            }
            #expect(missing.isEmpty && extra.isEmpty,
                    "\(file): first token tokenize has and the highlighter lacks: \(show(missing.first)); first extra: \(show(extra.first))")
            compared += theirs.count
        }
        print("highlighter vs tokenize (\(live ? "live python3" : "committed fixture")): \(compared) spans in \(oracle.count) files")
    }

    @Test(arguments: ["python", "swift", "text"])
    func roundTripOnFixtures(language: String) throws {
        for (file, url) in try Self.sources() {
            let source = try String(contentsOf: url, encoding: .utf8)
            let html = SyntaxHighlighter.html(source, language: language)
            #expect(RenderText.stripTagsAndUnescape(html) == source, "\(file) as \(language)")
        }
    }

    @Test(arguments: ["python", "swift", "unknown"])
    func roundTripOnRandomText(language: String) {
        let seed: UInt64 = 20_261_127
        var generator = SplitMix64(seed: seed)
        let alphabet = Array("ab_1 9.e+-'\"\\#/*@(){}[]<>&;:\n\trRbfx0jé𝛼\"\"\"'''`$%".unicodeScalars)
        var compared = 0
        for _ in 0..<3000 {
            let length = Int(generator.next() % 40)
            var source = ""
            for _ in 0..<length { source.unicodeScalars.append(alphabet[Int(generator.next() % UInt64(alphabet.count))]) }
            let html = SyntaxHighlighter.html(source, language: language)
            let lines = SyntaxHighlighter.htmlLines(source, language: language)
            let back = RenderText.stripTagsAndUnescape(html)
            #expect(back == source, "seed \(seed): \(source.debugDescription) came back as \(back.debugDescription)")
            #expect(lines.count == source.split(separator: "\n", omittingEmptySubsequences: false).count)
            #expect(lines.allSatisfy { $0.components(separatedBy: "<span").count == $0.components(separatedBy: "</span>").count })
            compared += 1
            if back != source { break }
        }
        print("highlighter round trip (\(language)): seed \(seed), \(compared) inputs")
    }

    static func kinds(_ source: String, _ language: String) -> [String] {
        SyntaxHighlighter.tokens(source, language: language).compactMap { token in
            token.kind.map { "\($0.rawValue):\(token.text)" }
        }
    }

    @Test func swiftTokens() {
        #expect(Self.kinds(#"let x = "a\(b["k"])c" // note"#, "swift")
                == ["kw:let", "op:=", #"str:"a\(b["k"])c""#, "com:// note"])
        #expect(Self.kinds("/* outer /* inner */ still */ var", "swift") == ["com:/* outer /* inner */ still */", "kw:var"])
        #expect(Self.kinds(##"#"a"b"# + 1"##, "swift") == [##"str:#"a"b"#"##, "op:+", "num:1"])
        #expect(Self.kinds("@MainActor func run() {}", "swift") == ["dec:@MainActor", "kw:func", "fn:run"])
        #expect(Self.kinds("0x1F + 1_000.5e-3", "swift") == ["num:0x1F", "op:+", "num:1_000.5e-3"])
        #expect(Self.kinds("1...5, 0..<n", "swift") == ["num:1", "op:...", "num:5", "num:0", "op:..<"])
        #expect(Self.kinds("let s = \"\"\"\nline \"q\"\n\"\"\"", "swift") == ["kw:let", "op:=", "str:\"\"\"\nline \"q\"\n\"\"\""])
        #expect(Self.kinds("print(Int(x.sum(axis: 1)))", "swift") == ["bi:print", "bi:Int", "fn:sum", "num:1"])
        #expect(Self.kinds("let y = conv2d(x, k, stride: 2)", "swift") == ["kw:let", "op:=", "fn:conv2d", "num:2"])
        #expect(Self.kinds("a -> b", "swift") == ["op:->"])
    }

    @Test func pythonNamesAndDecorators() {
        #expect(Self.kinds("@dataclass\ndef f(x): return print(len(x))", "python")
                == ["dec:@dataclass", "kw:def", "fn:f", "kw:return", "bi:print", "bi:len"])
        #expect(Self.kinds("np.round(a @ b)", "python") == ["fn:round", "op:@"])
        #expect(Self.kinds("class Net(Module): pass", "python") == ["kw:class", "fn:Net", "kw:pass"])
    }

    @Test func unknownLanguageIsEscapedPlainText() {
        let html = SyntaxHighlighter.html("if <a> & 'b' # c", language: "ruby")
        #expect(html == "if &lt;a&gt; &amp; &#39;b&#39; # c")
    }

    @Test func tokensSpanningLinesAreClosedPerLine() {
        let lines = SyntaxHighlighter.htmlLines("s = '''a\nb'''  # c", language: "python")
        #expect(lines == [
            "s <span class=\"tok-op\">=</span> <span class=\"tok-str\">&#39;&#39;&#39;a</span>",
            "<span class=\"tok-str\">b&#39;&#39;&#39;</span>  <span class=\"tok-com\"># c</span>",
        ])
    }

    /// Non-ASCII names go through `String` equality like any other: KELVIN SIGN (U+212A) is
    /// canonically equivalent to `K` (its NFD is U+004B), so `\u{212A}eyError` is the builtin;
    /// `π²` is one plain name (`²` has a numeric type), `é` may start a called name.
    @Test func nonASCIINames() {
        #expect(Self.kinds("x = \u{212A}eyError(π²)", "python") == ["op:=", "bi:\u{212A}eyError"])
        #expect(Self.kinds("def é1(x): pass", "python") == ["kw:def", "fn:é1", "kw:pass"])
        #expect(Self.kinds("@é.b\nx", "python") == ["dec:@é.b"])
    }

    /// `ListingRenderer`'s one-pass line wrapping equals wrapping each of `htmlLines`, on the
    /// seed listings and on seeded random text with `\r`, `\r\n` and non-ASCII scalars; prints
    /// the time per seed listing (no assertion on it).
    @Test(arguments: ["python", "swift", "unknown"])
    func lineWrappingMatchesHTMLLines(language: String) throws {
        let seed: UInt64 = 20_261_128
        var generator = SplitMix64(seed: seed)
        let alphabet = Array("ab_1.e'\"\\#/*@(\n\r\r\n\tré\u{212A}²😀&<".unicodeScalars)
        let listings = try Self.sources().map { try String(contentsOf: $0.url, encoding: .utf8) }
        var inputs = listings
        for _ in 0..<2000 {
            let length = Int(generator.next() % 30)
            var source = ""
            for _ in 0..<length { source.unicodeScalars.append(alphabet[Int(generator.next() % UInt64(alphabet.count))]) }
            inputs.append(source)
        }
        var compared = 0
        for source in inputs {
            let expected = SyntaxHighlighter.htmlLines(source, language: language)
                .map { "<span class=\"line\">\($0)</span>" }.joined(separator: "\n")
            let wrapped = SyntaxHighlighter.html(source, language: language, linePrefix: "<span class=\"line\">", lineSuffix: "</span>")
            #expect(Array(wrapped.utf8) == Array(expected.utf8), "seed \(seed): \(source.debugDescription)")
            compared += 1
            if wrapped != expected { break }
        }
        let clock = ContinuousClock()
        let rounds = 20
        let elapsed = clock.measure {
            for _ in 0..<rounds { for listing in listings { _ = ListingRenderer.render(code: listing, language: language) } }
        }
        let perListing = elapsed / (rounds * max(listings.count, 1))
        print("line wrapping (\(language)): seed \(seed), \(compared) inputs; \(perListing) per seed listing (debug build)")
    }
}
