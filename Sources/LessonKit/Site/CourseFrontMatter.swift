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
        guard let data = FileManager.default.contents(atPath: path) else { return }
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        func fence(_ line: Substring, closing: Bool) -> Bool {
            let text = line.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "\r", with: "")
            return text == "---" || (closing && text == "...")
        }
        guard lines.count > 1, fence(lines[0], closing: false),
              let end = (1..<lines.count).first(where: { fence(lines[$0], closing: true) }) else { return }
        let yamlLines = lines[1..<end].map(String.init)
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
