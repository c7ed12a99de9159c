import Foundation
import Yams

/// What the course needs from a lesson's front matter, read without evaluating the lesson:
/// `title` and `order`. A file that cannot be read or whose front matter is not valid YAML gives
/// nothing here (building that lesson reports why).
struct CourseFrontMatter {
    var title: String?
    /// `order:` when it is a number.
    var order: Double?
    /// `order:` present but not a number, with where its value is.
    var orderProblem: (location: SourceLocation, message: String)?

    init(path: String) {
        // Through the read boundary: size-capped, LF line endings (a lone-CR lesson has its title too).
        guard case .success(let text) = LessonSource.read(path: path) else { return }
        let data = Array(text.utf8)
        // Only the lines up to the closing fence are looked at (a lesson may be long).
        var lines: [String] = []
        var start = data.startIndex
        var closed = false
        while start < data.endIndex, lines.count < 10_000 {
            let end = data[start...].firstIndex(of: UInt8(ascii: "\n")) ?? data.endIndex
            var line = String(decoding: data[start..<end], as: UTF8.self)
            while line.last == " " || line.last == "\t" || line.last == "\r" { line.removeLast() }
            start = end < data.endIndex ? data.index(after: end) : end
            if lines.isEmpty && line != "---" { return }
            if !lines.isEmpty && (line == "---" || line == "...") {
                closed = true
                break
            }
            lines.append(line)
        }
        guard closed else { return }
        let yamlLines = Array(lines.dropFirst())
        guard let root = try? Yams.compose(yaml: yamlLines.joined(separator: "\n")), let mapping = root.mapping else { return }
        if let title = mapping["title"], Resolver.default.resolveTag(of: title) == .str {
            self.title = title.scalar?.string
        }
        if let order = mapping["order"] {
            let tag = Resolver.default.resolveTag(of: order)
            if (tag == .int || tag == .float), let value = order.scalar.flatMap({ Double($0.string) }), value.isFinite {
                self.order = value
            } else {
                // The YAML starts on the file's second line.
                var location = CourseFile.location(order.mark, lines: yamlLines)
                location.line += 1
                orderProblem = (location, "`order` must be a number (lessons are sorted by it, then by file name)")
            }
        }
    }
}
