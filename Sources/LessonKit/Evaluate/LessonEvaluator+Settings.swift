import Foundation

/// The lesson-wide settings figures and images need: the folder `loadImage` reads from and the
/// front matter's `work-limit:`.
extension LessonEvaluator {

    /// Applies the lesson-wide settings before anything runs: `loadImage` reads relative to the
    /// lesson's folder, and the front matter's `work-limit:` replaces the default tensor-work budget.
    func configure(for lesson: ParsedLesson) {
        interpreter.resourceDirectory = (path as NSString).deletingLastPathComponent
        guard let text = lesson.frontMatter.extra[WorkLimit.key] else { return }
        do throws(WorkLimit.Problem) {
            interpreter.limits.maxTensorWork = try WorkLimit.parse(text)
        } catch {
            diagnostics.error(path: path, at: frontMatterLocation(of: WorkLimit.key), error.message)
        }
    }

    /// The line of `key:` in the front matter (read again from the file), else the first line.
    private func frontMatterLocation(of key: String) -> SourceLocation {
        guard let data = FileManager.default.contents(atPath: path), let source = String(data: data, encoding: .utf8) else {
            return SourceLocation(line: 1, column: 1)
        }
        for (index, line) in source.split(separator: "\n", omittingEmptySubsequences: false).prefix(200).enumerated()
        where line.hasPrefix(key + ":") {
            return SourceLocation(line: index + 1, column: key.utf8.count + 2 + line.dropFirst(key.count + 1).prefix { $0 == " " }.count)
        }
        return SourceLocation(line: 1, column: 1)
    }
}

/// The front matter's `work-limit:`: how many tensor element operations a lesson may spend.
///
///     ---
///     title: A CNN over a photo
///     work-limit: 2e10
///     ---
///
/// Accepts a positive whole number written as `20000000000`, `20_000_000_000` or `2e10`, up to
/// `maximum` (2^40, about a minute of kernels).
enum WorkLimit {
    static let key = "work-limit"
    static let maximum = 1 << 40

    struct Problem: Error { let message: String }

    static func parse(_ text: String) throws(Problem) -> Int {
        let cleaned = text.replacingOccurrences(of: "_", with: "").replacingOccurrences(of: ",", with: "")
        guard let number = Double(cleaned), number.isFinite, number >= 1, number == number.rounded(.down) else {
            throw Problem(message: "'work-limit:' must be a positive whole number of element operations, e.g. 'work-limit: 2e10'; got '\(text)'")
        }
        guard number <= Double(maximum) else {
            throw Problem(message: "'work-limit:' can be at most \(maximum) (2^40) element operations; got '\(text)'")
        }
        return Int(number)
    }
}

extension WorkLimit {
    /// A round limit well above `limit` to suggest in the message: `2e10` above 4294967296.
    static func suggestion(above limit: Int) -> String {
        var exponent = 0
        var value = Double(limit) * 4
        while value >= 10 { value /= 10; exponent += 1 }
        return "\(Int(value.rounded(.up)))e\(exponent)"
    }
}

extension EvaluatedLesson {
    /// The files this lesson's figures add to the site (PNG images), without duplicates, in lesson order.
    public var assets: [SiteAsset] {
        var seen: Set<String> = []
        return blocks.flatMap { block -> [SiteAsset] in
            guard case .figure(let model) = block else { return [] }
            return model.assets.filter { seen.insert($0.path).inserted }
        }
    }
}
