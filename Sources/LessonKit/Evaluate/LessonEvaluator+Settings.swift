import Foundation

/// The lesson-wide settings figures and images need: the folder `loadImage` reads from and the
/// front matter's `limits:`.
extension LessonEvaluator {

    /// Applies the lesson-wide settings before anything runs: `loadImage` reads relative to the
    /// lesson's folder, and each `limits:` entry replaces its default budget (`work-limit: N` is
    /// the older spelling of `limits: work: N`). An unknown name or a bad number is a located error.
    func configure(for lesson: ParsedLesson) {
        interpreter.resourceDirectory = (path as NSString).deletingLastPathComponent
        for setting in lesson.frontMatter.limits {
            guard let limit = LessonLimit(rawValue: setting.key) else {
                let known = LessonLimit.allCases.map(\.rawValue).joined(separator: ", ")
                diagnostics.error(path: path, at: setting.keyLocation, "unknown limit '\(setting.key)'; the limits are \(known)")
                continue
            }
            switch limit.parse(setting.value) {
            case .success(let value): interpreter.limits.set(limit, to: value)
            case .failure(let problem): diagnostics.error(path: path, at: setting.valueLocation, problem.message)
            }
        }
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
