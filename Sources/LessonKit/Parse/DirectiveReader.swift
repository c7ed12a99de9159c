/// Turns a fenced code block whose info string starts with `{name}` into a ``Directive``,
/// with exact source locations even when the block sits in a list item or blockquote.
///
///     > ```{table} feature_map        fence at 1:3, argument "feature_map" at 1:14
///     > :format: .2f                  option "format" = ".2f", value at 2:12
///     > ```
///
/// Option lines are the body's leading lines that start with `:` and hold a second `:`;
/// the first other line ends them. Columns come from the source lines themselves: cmark's
/// literal has container prefixes removed, so each body line is a suffix of its source line.
enum DirectiveReader {
    /// The `name` of an info string `{name} …`, or nil when the info does not start that way.
    static func name(inInfo info: String) -> String? {
        guard info.first == "{", let close = info.firstIndex(of: "}") else { return nil }
        let name = info[info.index(after: info.startIndex)..<close]
        guard let first = name.first, first.isLetter,
              name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) else { return nil }
        return String(name)
    }

    /// Reads `block` (positions in the masked copy) against the source `lines`.
    static func read(_ block: CommonMarkConverter.FencedBlock, name: String, lines: SourceLines,
                     masker: SourceMasker, problems: inout [SourceError]) -> Directive {
        let fenceLine = masker.sourceLine(block.span.startLine - 1)
        let fenceBytes = Array(lines.lineBytes(fenceLine))
        // Skip the fence characters and the spaces before the info string.
        var index = max(block.span.startColumn - 1, 0)
        while index < fenceBytes.count, fenceBytes[index] == UInt8(ascii: "`") || fenceBytes[index] == UInt8(ascii: "~") {
            index += 1
        }
        while index < fenceBytes.count, InlineExpressionSyntax.isSpace(fenceBytes[index]) { index += 1 }
        // Skip `{name}` and the spaces after it.
        if index < fenceBytes.count, fenceBytes[index] == InlineExpressionSyntax.openBrace {
            while index < fenceBytes.count, fenceBytes[index] != InlineExpressionSyntax.closeBrace { index += 1 }
            index += 1
        }
        while index < fenceBytes.count, InlineExpressionSyntax.isSpace(fenceBytes[index]) { index += 1 }
        let argument = block.info.drop { $0 != "}" }.dropFirst().trimmingSpaces()

        var bodyLines = Self.lines(of: block.literal)
        if bodyLines.last == "" { bodyLines.removeLast() }
        let starts = bodyLines.indices.map { offset -> SourceLocation in
            let line = masker.sourceLine(block.span.startLine + offset)
            let source = lines.lineBytes(line)
            let content = bodyLines[offset].utf8
            let column = source.count >= content.count && source.suffix(content.count).elementsEqual(content)
                ? source.count - content.count + 1 : block.span.startColumn
            return lines.location(line: line, column: column)
        }

        var options: [DirectiveOption] = []
        var optionCount = 0
        for (offset, line) in bodyLines.enumerated() {
            guard line.hasPrefix(":"), let second = line.dropFirst().firstIndex(of: ":") else { break }
            optionCount += 1
            let key = line[line.index(after: line.startIndex)..<second]
            guard !key.isEmpty, key.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) else {
                problems.append(SourceError(ParseMessage.malformedOption(line), at: starts[offset]))
                continue
            }
            let afterColon = line.utf8.distance(from: line.startIndex, to: line.index(after: second))
            let rest = line[line.index(after: second)...]
            let leading = rest.utf8.prefix { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }.count
            options.append(DirectiveOption(key: String(key), value: rest.trimmingSpaces(),
                                           valueLocation: starts[offset].advanced(by: afterColon + leading)))
        }
        let body = bodyLines.dropFirst(optionCount).map { $0 + "\n" }.joined()
        return Directive(name: name, argument: argument, argumentLocation: lines.location(line: fenceLine, column: index + 1),
                         options: options, body: body, bodyLineStarts: Array(starts.dropFirst(optionCount)),
                         location: lines.location(line: fenceLine, column: block.span.startColumn))
    }
}

extension DirectiveReader {
    /// `text.split(separator: "\n", omittingEmptySubsequences: false)` as strings. Without a
    /// carriage return (whose `"\r\n"` is one `Character`, not a line break for `split`), every
    /// line feed is a `Character` of its own, so splitting the UTF-8 bytes gives the same lines
    /// without breaking the text into grapheme clusters first.
    static func lines(of text: String) -> [String] {
        guard !text.utf8.contains(UInt8(ascii: "\r")) else {
            return text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        }
        return text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { String(Substring($0)) }
    }
}

fileprivate extension StringProtocol {
    /// The text without leading and trailing spaces, tabs and line breaks.
    func trimmingSpaces() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[first...last])
    }
}
