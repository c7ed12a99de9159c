import Foundation
import Testing
import TestSupport

/// `docs/ARCHITECTURE.md`'s rule, checked: a phase (a folder of `Sources/LessonKit`) uses only the
/// types of the phases above it. `swift build` cannot enforce it (one module), so this test reads
/// the sources: every type a folder declares belongs to that folder, and a file that names a type
/// owned only by later phases breaks the rule.
@Suite struct PhaseBoundaryTests {
    /// The phases in dependency order; each may use the ones before it.
    static let order = ["Diagnostics", "Support", "Parse", "Figure", "Expression", "Quiz", "Evaluate",
                        "Render", "Commands", "Site", "Verify"]

    /// Known exceptions, each a debt recorded in docs/ARCHITECTURE.md: `{figure}` charges the
    /// figure-output budget with the size of the HTML Render will write for it.
    static let exceptions: Set<String> = ["Evaluate/Directives/Kinds/FigureDirective.swift uses FigureHTMLWriter"]

    static let root = Paths.root.appendingPathComponent("Sources/LessonKit")

    /// Every Swift file under `Sources/LessonKit`, with its phase (its first folder).
    static func sources() throws -> [(phase: String, path: String, text: String)] {
        let files = FileManager.default.enumerator(atPath: root.path)!.compactMap { $0 as? String }
        return try files.filter { $0.hasSuffix(".swift") }.sorted().map { relative in
            let text = try String(contentsOf: root.appendingPathComponent(relative), encoding: .utf8)
            return (String(relative.split(separator: "/")[0]), relative, text)
        }
    }

    /// The code of a Swift file without comments and string literals, so that a doc comment or a
    /// message naming a later phase's type is not a use of it.
    static func code(_ text: String) -> String {
        let noBlockComments = text.replacing(/\/\*[\s\S]*?\*\//, with: " ")
        let noLineComments = noBlockComments.replacing(/\/\/[^\n]*/, with: " ")
        let noMultilineStrings = noLineComments.replacing(/"""[\s\S]*?"""/, with: "\"\"")
        return noMultilineStrings.replacing(/"(?:[^"\\\n]|\\.)*"/, with: "\"\"")
    }

    @Test func everyFolderIsAKnownPhase() throws {
        let phases = Set(try Self.sources().map(\.phase))
        #expect(phases.subtracting(Self.order).isEmpty, "add new folders to the order here and in docs/ARCHITECTURE.md")
    }

    @Test func noPhaseUsesALaterOne() throws {
        let sources = try Self.sources()
        var owners: [String: Set<String>] = [:]
        let declaration = /(?m)^(?:(?:public|internal|fileprivate|final|indirect)\s+)*(?:struct|enum|class|protocol|typealias|actor)\s+([A-Z]\w*)/
        for file in sources {
            for match in file.text.matches(of: declaration) { owners[String(match.1), default: []].insert(file.phase) }
        }
        var violations: [String] = []
        for file in sources {
            let rank = Self.order.firstIndex(of: file.phase)!
            // Identifiers as the longest runs of word characters (not `\b`: Unicode word boundaries
            // join `Writer.render` into one word), those starting with a capital.
            let names = Set(Self.code(file.text).matches(of: /[A-Za-z_]\w*/).map { String($0.output) }.filter { $0.first!.isUppercase })
            for name in names.sorted() {
                guard let phases = owners[name], !phases.contains(file.phase) else { continue }
                if phases.allSatisfy({ Self.order.firstIndex(of: $0)! > rank }),
                   !Self.exceptions.contains("\(file.path) uses \(name)") {
                    violations.append("\(file.path) uses \(name) from \(phases.sorted().joined(separator: ", "))")
                }
            }
        }
        #expect(violations.isEmpty, "\(violations.joined(separator: "\n"))")
    }

    /// The code stripping keeps code and drops comments and strings.
    @Test func commentsAndStringsAreNotUses() {
        let text = "struct X { let w = FigureHTMLWriter.render(f) } // Render is later"
        #expect(Self.code(text).contains("FigureHTMLWriter"))
        #expect(!Self.code("let s = \"FigureHTMLWriter\" // FigureHTMLWriter").contains("FigureHTMLWriter"))
    }
}
