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
///
/// Everything is read as UTF-8 bytes, as ``LineIndex`` counts columns: the structure (`{`, `}`,
/// `:`, spaces, line breaks) is ASCII, so a combining mark or an emoji next to it never merges
/// with it into one `Character` and shifts a column.
enum DirectiveReader {
    /// The `name` of an info string `{name} …`, or nil when the info does not start that way.
    static func name(inInfo info: String) -> String? {
        let bytes = Array(info.utf8)
        guard bytes.first == InlineExpressionSyntax.openBrace,
              let close = bytes.firstIndex(of: InlineExpressionSyntax.closeBrace) else { return nil }
        let name = String(decoding: bytes[1..<close], as: UTF8.self)
        guard let first = name.unicodeScalars.first, first.properties.isAlphabetic,
              name.unicodeScalars.allSatisfy(isNameScalar) else { return nil }
        return name
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
        let info = Array(block.info.utf8)
        let afterName = info.firstIndex(of: InlineExpressionSyntax.closeBrace).map { $0 + 1 } ?? info.count
        let argument = text(info, InlineExpressionSyntax.trimmed(info, afterName..<info.count))

        var bodyLines = block.literal.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map(Array.init)
        if bodyLines.last?.isEmpty == true { bodyLines.removeLast() }
        let starts = bodyLines.indices.map { offset -> SourceLocation in
            let line = masker.sourceLine(block.span.startLine + offset)
            let source = lines.lineBytes(line)
            let content = bodyLines[offset]
            let column = source.count >= content.count && source.suffix(content.count).elementsEqual(content)
                ? source.count - content.count + 1 : block.span.startColumn
            return lines.location(line: line, column: column)
        }

        var options: [DirectiveOption] = []
        var optionCount = 0
        for (offset, line) in bodyLines.enumerated() {
            let colon = UInt8(ascii: ":")
            guard line.first == colon, let second = line.dropFirst().firstIndex(of: colon) else { break }
            optionCount += 1
            let key = text(line, 1..<second)
            guard !key.isEmpty, key.unicodeScalars.allSatisfy(isNameScalar) else {
                problems.append(SourceError(ParseMessage.malformedOption(text(line, 0..<line.count)), at: starts[offset]))
                continue
            }
            let value = InlineExpressionSyntax.trimmed(line, (second + 1)..<line.count)
            options.append(DirectiveOption(key: key, value: text(line, value),
                                           valueLocation: starts[offset].advanced(by: value.lowerBound)))
        }
        let body = bodyLines.dropFirst(optionCount).map { text($0, 0..<$0.count) + "\n" }.joined()
        return Directive(name: name, argument: argument, argumentLocation: lines.location(line: fenceLine, column: index + 1),
                         options: options, body: body, bodyLineStarts: Array(starts.dropFirst(optionCount)),
                         location: lines.location(line: fenceLine, column: block.span.startColumn))
    }

    /// Letters (with their combining marks), digits, `-` and `_`: what a directive name or an
    /// option key is made of.
    private static func isNameScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return scalar.properties.isAlphabetic || scalar.properties.numericType != nil || scalar == "-" || scalar == "_"
        }
    }

    private static func text(_ bytes: [UInt8], _ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }
}
