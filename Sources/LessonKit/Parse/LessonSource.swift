import Foundation

/// The one way lesson text enters the build — a lesson, a file it imports, a lesson it
/// cross-references — so every file gets the same three guarantees:
///
/// - a file above the input limit is refused before it is read whole (so before cmark-gfm, which
///   aborts the process on huge input), with a message naming the limit and how to raise it;
/// - CRLF and lone CR line endings become LF, so the three encodings give the same lesson, with
///   the line numbers an editor shows;
/// - invalid UTF-8 is reported at the first bad byte's line and (byte) column.
///
///     LessonSource.read(path: "old-mac.md")        // .success("# Title\n\nText\n") from "# Title\r\rText\r"
///     LessonSource.normalizingLineEndings("a\r\nb\rc")   // "a\nb\nc"
public enum LessonSource {
    /// Bytes read from the top of a file above the default input limit, to look for its own
    /// `limits: input:` (front matter is short).
    static let headBytes = 64 << 10

    /// The text of the file at `path`, or a located problem. `maxBytes` is the input limit in
    /// force (an importing lesson's); nil for a lesson itself, whose front matter may raise the default.
    public static func read(path: String, maxBytes: Int? = nil) -> Result<String, SourceError> {
        let start = SourceLocation(line: 1, column: 1)
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            return .failure(SourceError("cannot read the lesson file: \(String(cString: strerror(errno)))", at: start))
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            return .failure(SourceError("cannot read the lesson file: \(String(cString: strerror(errno)))", at: start))
        }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            return .failure(SourceError("this is a folder, not a lesson file", at: start))
        }
        var limit = maxBytes ?? LessonLimit.input.defaultValue
        if maxBytes == nil, Int(info.st_size) > limit, let raised = inputLimit(inHeadOf: descriptor) {
            limit = raised
        }
        guard let bytes = readUpTo(limit + 1, from: descriptor) else {
            return .failure(SourceError("cannot read the lesson file: \(String(cString: strerror(errno)))", at: start))
        }
        guard bytes.count <= limit else {
            let size = max(Int(info.st_size), bytes.count)
            let sizeText = (info.st_mode & S_IFMT) == S_IFREG ? "\(size) bytes" : "more than \(limit) bytes"
            return .failure(SourceError("the file is too large (\(sizeText); the limit is \(limit) bytes, checked before "
                                        + "reading); " + LessonLimit.input.howToRaise(above: max(size, limit)), at: start))
        }
        return decode(bytes)
    }

    /// `bytes` as text with LF line endings, or the location of the first byte that is not UTF-8.
    static func decode(_ bytes: [UInt8]) -> Result<String, SourceError> {
        let normalized = normalizingLineEndings(bytes)
        if let text = String(validating: normalized, as: UTF8.self) { return .success(text) }
        let offset = firstInvalidOffset(normalized)
        let index = LineIndex(bytes: normalized)
        let line = index.line(ofOffset: offset)
        let location = SourceLocation(line: line + 1, column: offset - index.lineStarts[line] + 1)
        return .failure(SourceError(String(format: "the file is not valid UTF-8: byte 0x%02X cannot start or continue a character here "
                                           + "(save the file as UTF-8)", normalized[offset]), at: location))
    }

    /// The text with CRLF and lone CR replaced by LF (unchanged, without copying, when it has no CR).
    public static func normalizingLineEndings(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "\r")) else { return text }
        return String(decoding: normalizingLineEndings(Array(text.utf8)), as: UTF8.self)
    }

    static func normalizingLineEndings(_ bytes: [UInt8]) -> [UInt8] {
        let cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")
        guard bytes.contains(cr) else { return bytes }
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            guard byte == cr else {
                result.append(byte)
                continue
            }
            result.append(lf)
            if index < bytes.count, bytes[index] == lf { index += 1 }
        }
        return result
    }

    /// The offset of the first byte of the first ill-formed sequence (the text is known to have one).
    private static func firstInvalidOffset(_ bytes: [UInt8]) -> Int {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var offset = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): offset += UTF8.width(scalar)
            case .emptyInput: return min(offset, max(bytes.count - 1, 0))
            case .error: return offset
            }
        }
    }

    /// Up to `count` bytes from the current position of `descriptor`; nil on a read error.
    private static func readUpTo(_ count: Int, from descriptor: Int32) -> [UInt8]? {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: min(count, 1 << 20))
        while bytes.count < count {
            let wanted = min(chunk.count, count - bytes.count)
            let got = chunk.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress, wanted) }
            if got < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if got == 0 { break }
            bytes += chunk[0..<got]
        }
        return bytes
    }

    /// The `limits: input:` of a file's front matter, read from its first `headBytes` (then the
    /// descriptor is back at the start); nil when absent or not a valid value (evaluation reports that).
    private static func inputLimit(inHeadOf descriptor: Int32) -> Int? {
        defer { lseek(descriptor, 0, SEEK_SET) }
        guard let head = readUpTo(headBytes, from: descriptor) else { return nil }
        let text = String(decoding: normalizingLineEndings(head), as: UTF8.self)
        let reader = FrontMatterReader(SourceLines(text))
        guard let setting = reader.frontMatter.limits.last(where: { $0.key == LessonLimit.input.rawValue }),
              case .success(let value) = LessonLimit.input.parse(setting.value) else { return nil }
        return value
    }
}
