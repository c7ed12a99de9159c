import Foundation

/// Resolves a lesson's empty links to names: `[](#name)` against this lesson's anchors,
/// `[](other.md#name)` against the anchors of that lesson, which is read and evaluated (not
/// rendered) once per build of this lesson. An unknown name or lesson is a located error.
struct CrossReferenceResolver {
    let path: String
    let diagnostics: DiagnosticEngine
    let registry: DirectiveRegistry
    /// Each other lesson's anchors by file path, nil when it could not be evaluated.
    private var others: [String: [Anchor]?] = [:]

    init(path: String, diagnostics: DiagnosticEngine, registry: DirectiveRegistry) {
        self.path = path
        self.diagnostics = diagnostics
        self.registry = registry
    }

    mutating func resolve(_ references: [CrossReference], anchors own: [Anchor]) -> [ResolvedReference] {
        references.map { reference in
            guard let lesson = reference.lesson else {
                return resolve(reference, in: own, page: "", described: "this lesson")
                    ?? ResolvedReference(href: "#" + reference.name, label: reference.name)
            }
            let file = (((path as NSString).deletingLastPathComponent) as NSString).appendingPathComponent(lesson)
            let page = (((lesson as NSString).deletingPathExtension) as NSString).appendingPathExtension("html") ?? lesson
            guard let theirs = anchors(of: file, for: reference) else {
                return ResolvedReference(href: page + "#" + reference.name, label: reference.name)
            }
            return resolve(reference, in: theirs, page: page, described: lesson)
                ?? ResolvedReference(href: page + "#" + reference.name, label: reference.name)
        }
    }

    private func resolve(_ reference: CrossReference, in anchors: [Anchor], page: String, described: String) -> ResolvedReference? {
        if let anchor = anchors.first(where: { $0.name == reference.name }) {
            return ResolvedReference(href: page + "#" + anchor.elementID, label: anchor.label)
        }
        var message = "no figure, table, equation or question named '\(reference.name)' in \(described)"
        if let guess = closestName(to: reference.name, among: anchors.map(\.name)) {
            message += "; did you mean '\(guess)'?"
        } else if anchors.isEmpty {
            message += " (give one a ':name:' option)"
        }
        diagnostics.error(path: path, at: reference.location, message)
        return nil
    }

    /// The anchors of the lesson at `file`; nil after reporting why there are none.
    private mutating func anchors(of file: String, for reference: CrossReference) -> [Anchor]? {
        if let known = others[file] { return known }
        var result: [Anchor]?
        if FileManager.default.fileExists(atPath: file), case .success(let source) = LessonSource.read(path: file) {
            let quiet = DiagnosticEngine()
            if let parsed = LessonParser.parse(path: file, source: source, directives: registry.names, diagnostics: quiet) {
                let evaluator = LessonEvaluator(path: file, diagnostics: quiet, registry: registry, resolvesOtherLessons: false)
                result = evaluator.evaluate(parsed, name: "")?.anchors
            }
            if result == nil || quiet.hasErrors {
                result = nil
                diagnostics.error(path: path, at: reference.location,
                                  "cannot resolve this reference: \(reference.lesson ?? file) has errors (build it to see them)")
            }
        } else {
            diagnostics.error(path: path, at: reference.location, "no lesson '\(reference.lesson ?? file)' beside this one")
        }
        others[file] = .some(result)
        return result
    }
}
