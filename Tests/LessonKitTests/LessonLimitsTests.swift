import Foundation
import Testing
import TestSupport
@testable import LessonKit
import PythonPrinting

/// The front matter's `limits:`, and the budgets it raises: page output, format sizes, figure
/// bytes, statements. Each limit's message is located and says how to raise it.
@Suite struct LessonLimitsTests {
    /// The lesson's diagnostics as `LINE:COL: error: message` (path left out).
    static func errors(_ source: String) -> [String] {
        let diagnostics = DiagnosticEngine()
        _ = LessonPipeline.evaluate(path: "l.md", source: source, diagnostics: diagnostics)
        return diagnostics.sorted.map { "\($0.location): \($0.severity == .error ? "error" : "note"): \($0.message)" }
    }

    @Test func unknownLimitsAndBadValuesAreLocated() {
        let source = "---\ntitle: T\nlimits:\n  wrok: 5\n  output: lots\n  steps: 1e99\n---\n\nText.\n"
        let known = LessonLimit.allCases.map(\.rawValue).joined(separator: ", ")
        #expect(Self.errors(source) == [
            "4:3: error: unknown limit 'wrok'; the limits are \(known)",
            "5:11: error: 'output:' must be a positive whole number of bytes of computed text, e.g. 'output: 8e7'; got 'lots'",
            "6:10: error: 'steps:' can be at most 4294967296 expression steps; got '1e99'",
        ])
        #expect(Self.errors("---\nlimits: 5\n---\n\nText.\n") == [
            "2:9: error: 'limits:' takes one 'name: number' line per limit, indented below it (e.g. '  work: 2e10')"])
    }

    @Test func theOldWorkLimitSpellingStillWorks() {
        let body = "```{eval}\nlet y = ones((30, 30)) + ones((30, 30))\n```\n"
        #expect(Self.errors("---\nwork-limit: 1000\n---\n\n" + body).first?.contains("too much tensor work (limit 1000 ") == true)
        #expect(Self.errors("---\nlimits:\n  work: 1000\n---\n\n" + body).first?.contains("'limits:' then '  work: 4e3'") == true)
        #expect(Self.errors("---\nwork-limit: 1e4\n---\n\n" + body).isEmpty)
    }

    @Test func pageOutputIsCappedAtTheHoleThatCrossesIt() {
        // 100-character string, 1,000-byte budget: holes 1-10 fit, hole 11 crosses.
        var source = "---\nlimits:\n  output: 1000\n---\n\n```{eval}\nlet s = \"\(String(repeating: "ab", count: 50))\"\n```\n"
        let firstHoleLine = source.split(separator: "\n", omittingEmptySubsequences: false).count + 1
        source += String(repeating: "\n{{ s }}\n", count: 40)
        // Hole k (from 1) stands on line firstHoleLine + 2(k-1); its expression starts at column 4.
        #expect(Self.errors(source) == [
            "\(firstHoleLine + 20):4: error: the page's computed text is too large (limit 1000 bytes); "
            + "a lesson that needs more raises it in its front matter: 'limits:' then '  output: 4e3'"])
        #expect(Self.errors(source.replacingOccurrences(of: "output: 1000", with: "output: 4000")).isEmpty)
    }

    @Test func aHugeFormatIsRefusedBeforeFormatting() {
        // 100 x 100 cells at precision 100,000: a gigabyte of text if it were formatted.
        let table = "```{eval}\nlet x = zeros((100, 100))\n```\n\n```{table} x\n:format: .100000f\n```\n"
        #expect(Self.errors(table) == [
            "6:10: error: formatting 10000 values with '.100000f' writes at least 1000000000 bytes, more than the page's "
            + "computed text may take (limit 20000000 bytes); use a smaller width or precision, or raise the limit in the "
            + "front matter: 'limits:' then '  output: 8e7'"])
        let inline = Self.errors("---\nlimits:\n  output: 5000\n---\n\nPi is {{ 3.14159 : 10000.2f }}.\n")
        #expect(inline.first?.hasPrefix("6:20: error: formatting 1 value with '10000.2f' writes at least 10000 bytes") == true,
                "\(inline)")
    }

    @Test func formatSizesInFunctionsAreCheckedBeforeFormatting() {
        let heatmap = Self.errors("```{figure} heatmap(zeros((100, 100)), annotate: true, format: \".100000f\")\n```\n")
        #expect(heatmap.first?.hasSuffix("formatting 10000 values with '.100000f' writes at least 1000000000 characters "
                                         + "(the limit is 1000000); use a smaller width or precision") == true, "\(heatmap)")
        let literal = Self.errors("```{eval}\nlet t = literal(zeros((100, 100)), format: \"200.1f\")\n```\n")
        #expect(literal.first?.hasPrefix("2:") == true
                && literal.first?.contains(": error: formatting 10000 values with '200.1f' writes at least 2000000 characters") == true,
                "\(literal)")
        #expect(formatSpecMinimumLength(".100000g") == 0)
        #expect(formatSpecMinimumLength("8.3e") == 8)
    }

    @Test func tableCellsAreCharged() {
        let table = "---\nlimits:\n  output: 100\n---\n\n```{table} zeros((10, 10))\n```\n"
        #expect(Self.errors(table).first?.hasPrefix("6:12: error: the page's computed text is too large (limit 100 bytes)") == true,
                "\(Self.errors(table))")
    }

    @Test func figureBytesCanBeRaisedAndLowered() {
        let figure = "```{figure} heatmap([[1, 2], [3, 4]])\n```\n"
        let low = Self.errors("---\nlimits:\n  figures: 100\n---\n\n" + figure)
        #expect(low.first?.hasPrefix("6:13: error: the lesson's figures are too large (limit 100 bytes of SVG, HTML and PNG)") == true, "\(low)")
        #expect(low.first?.hasSuffix("'limits:' then '  figures: 4e2'") == true, "\(low)")
        #expect(Self.errors(figure).isEmpty)
    }

    @Test func tooManyStatementsStopsParsingAndSaysHowToRaiseIt() {
        let lets = (0..<10_050).map { "let a\($0) = \($0)" }.joined(separator: "\n")
        let source = "# S\n\n```{eval}\n" + lets + "\n```\n"
        // Statement 10,001 (a10000) is on line 4 + 10,000; the interpreter locates a `let` at its name.
        #expect(Self.errors(source) == [
            "10004:5: error: too many statements in this lesson (limit 10000); "
            + "a lesson that needs more raises it in its front matter: 'limits:' then '  statements: 4e4'"])
        #expect(Self.errors("---\nlimits:\n  statements: 20000\n---\n" + source.dropFirst(4)).isEmpty)
    }

    @Test func suggestionsAreRoundAndWithinTheMaximum() {
        #expect(LessonLimit.work.frontMatterExample(above: 1 << 32) == "'limits:' then '  work: 2e10'")
        #expect(LessonLimit.input.frontMatterExample(above: 20_000_000) == "'limits:' then '  input: 50000000'")
        for limit in LessonLimit.allCases {
            #expect(limit.defaultValue < limit.maximum)
            #expect((try? limit.parse(LessonLimit.roundNumber(above: limit.defaultValue, cap: limit.maximum)).get()) != nil)
        }
    }
}
