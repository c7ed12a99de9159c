import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Runs `python3` for the render tests' live oracles.
enum RenderPython {
    struct Result {
        var status: Int32
        var output: String
        var errors: String
    }

    /// Runs `python3 arguments…` with `input` on stdin; nil when python3 cannot be started.
    static func run(_ arguments: [String], input: String = "") -> Result? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        do { try process.run() } catch { return nil }
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try? stdin.fileHandleForWriting.close()
        let out = stdout.fileHandleForReading.readDataToEndOfFile()
        let err = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        if process.terminationStatus == 127 { return nil }
        return Result(status: process.terminationStatus, output: String(decoding: out, as: UTF8.self),
                      errors: String(decoding: err, as: UTF8.self))
    }

    /// Runs a Python program given as text.
    static func run(script: String, arguments: [String] = [], input: String = "") -> Result? {
        run(["-c", script] + arguments, input: input)
    }
}

/// Paths of the render tests' fixtures and oracle scripts.
enum RenderPaths {
    static let testsDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let fixtures = testsDirectory.appendingPathComponent("Fixtures/Render")
    static let oracle = testsDirectory.appendingPathComponent("Oracle")
}

/// Reads markup with the XML parser in Foundation (libxml2) and writes its element tree as a
/// compact S-expression, so MathML structure can be compared with expectations written from
/// the MathML spec: `<mfrac><mi>a</mi><mn>2</mn></mfrac>` -> `mfrac(mi"a" mn"2")`.
/// Attributes are listed sorted in brackets: `mo[stretchy=false]"("`.
final class MarkupTree: NSObject, XMLParserDelegate {
    private var stack: [(name: String, attributes: String, children: [String], text: String)] = [("", "", [], "")]

    /// The S-expression of `markup`'s root element, or nil when it is not well-formed XML.
    static func sexpr(_ markup: String, keepAttributes: Set<String> = ["stretchy", "mathvariant", "form", "fence", "width", "display", "largeop", "encoding"]) -> String? {
        let tree = MarkupTree()
        tree.keep = keepAttributes
        let parser = XMLParser(data: Data(markup.utf8))
        parser.delegate = tree
        guard parser.parse(), let root = tree.stack.first?.children.first else { return nil }
        return root
    }

    private var keep: Set<String> = []

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:]) {
        let kept = attributes.filter { keep.contains($0.key) }.sorted { $0.key < $1.key }
        let text = kept.isEmpty ? "" : "[" + kept.map { "\($0.key)=\($0.value)" }.joined(separator: ",") + "]"
        stack.append((elementName, text, [], ""))
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        stack[stack.count - 1].text += string
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        guard let node = stack.popLast() else { return }
        var result = node.name + node.attributes
        if !node.children.isEmpty {
            result += "(" + node.children.joined(separator: " ") + ")"
        } else if !node.text.isEmpty {
            result += "\"" + node.text + "\""
        }
        stack[stack.count - 1].children.append(result)
    }
}

/// Undoes `HTMLEscaping` and drops tags: the text a browser shows for highlighted code.
enum RenderText {
    static func stripTagsAndUnescape(_ html: String) -> String {
        var text = ""
        var inTag = false
        for scalar in html.unicodeScalars {
            if scalar == "<" { inTag = true; continue }
            if scalar == ">" && inTag { inTag = false; continue }
            if !inTag { text.unicodeScalars.append(scalar) }
        }
        return text.replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"")
            .replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}

/// SplitMix64: a small seeded generator for reproducible random tests.
struct RenderRandom: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
