import Foundation

/// `{figure} EXPR` (LESSON-FORMAT.md §6) and the lesson-wide settings figures and images need:
/// the folder `loadImage` reads from and the front matter's `work-limit:`.
extension LessonEvaluator {

    /// A `{figure}` as figure number `number` (figures are numbered in lesson order); nil after reporting.
    func figure(_ directive: Directive, number: Int, state: inout FigureState) -> FigureModel? {
        checkOptions(directive, allowed: ["name", "caption", "alt"])
        guard !directive.argument.isEmpty else {
            error(at: directive.location, "a {figure} needs an expression after '{figure}', e.g. '{figure} heatmap(feature_map)'")
            return nil
        }
        if directive.body.contains(where: { !$0.isWhitespace }) {
            error(at: directive.location, "a {figure} takes only options (':name:', ':caption:', ':alt:') below its expression")
        }
        var id: String?
        if let name = directive.option("name") {
            guard FigureModel.isValidID(name.value) else {
                error(at: name.valueLocation, "':name:' must be an id of letters, digits, '-' and '_' starting with a letter, e.g. 'fig-feature-map'; got '\(name.value)'")
                return nil
            }
            guard !state.ids.contains(name.value) else {
                error(at: name.valueLocation, "':name: \(name.value)' is already the id of another figure in this lesson")
                return nil
            }
            id = name.value
        }
        guard let value = evaluate(directive.argument, at: directive.argumentLocation) else { return nil }
        guard case .figure(let figure) = value else {
            error(at: directive.argumentLocation,
                  "a {figure} needs a figure (heatmap(x), image(x), bars(...), line(...), panels([...])), got \(value.typeDescription)")
            return nil
        }
        var captionHTML = ""
        if let caption = directive.option("caption") {
            guard let html = inlineMarkdown(caption.value, at: caption.valueLocation) else { return nil }
            captionHTML = html
        }
        var alt = FigureDescription.alt(figure)
        if let option = directive.option("alt") {
            guard let text = plainText(option.value, at: option.valueLocation) else { return nil }
            alt = text
        }
        let model = FigureModel(number: number, id: id ?? "figure-\(number)", captionHTML: captionHTML, alt: alt, figure: figure)
        guard !state.ids.contains(model.id) else {
            error(at: directive.location, "this figure's default id '\(model.id)' is already used by a ':name:'; give it a ':name:' of its own")
            return nil
        }
        state.ids.insert(model.id)
        guard state.bytesLeft >= 0 else { return nil }  // the first figure past the budget was reported
        let size = FigureHTMLWriter.render(model).utf8.count + model.assets.reduce(0) { $0 + $1.bytes.count }
        state.bytesLeft -= size
        guard state.bytesLeft >= 0 else {
            error(at: directive.argumentLocation,
                  "the lesson's figures are too large (limit \(FigureLimits.maxLessonBytes) bytes of SVG, HTML and PNG); draw fewer or smaller figures")
            return nil
        }
        return model
    }

    /// One line of Markdown (a caption) rendered by cmark-gfm as inline HTML, `{{ }}` filled.
    func inlineMarkdown(_ source: String, at location: SourceLocation) -> String? {
        guard let fragment = LessonParser.parseFragment(source, lineStarts: [location], path: path,
                                                        splitTrailingOrderedList: false, diagnostics: diagnostics) else { return nil }
        var html = ""
        var failed = false
        for piece in fragment.pieces {
            switch piece {
            case .html(let text): html += text
            case .expression(let index):
                guard fragment.expressions.indices.contains(index), let value = text(of: fragment.expressions[index]) else {
                    failed = true
                    continue
                }
                html += HTMLEscaping.escape(value)
            case .directive: continue
            }
        }
        guard !failed else { return nil }
        var trimmed = html.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.hasPrefix("<p>"), trimmed.hasSuffix("</p>"), trimmed.components(separatedBy: "<p>").count == 2 {
            trimmed = String(trimmed.dropFirst(3).dropLast(4))
        }
        return trimmed
    }

    /// An option's text with its `{{ }}` filled (an `:alt:` citing computed numbers); nil after reporting.
    func plainText(_ source: String, at location: SourceLocation) -> String? {
        let pieces: [BodyPiece]
        do throws(EvaluationError) {
            pieces = try LessonParser.splitBody(source, locate: { location.advanced(by: $0) })
        } catch {
            report(error)
            return nil
        }
        var result = ""
        for piece in pieces {
            switch piece {
            case .text(let text): result += text
            case .expression(let expression):
                guard let value = text(of: expression) else { return nil }
                result += value
            }
        }
        return result
    }

    /// Applies the lesson-wide settings before anything runs: `loadImage` reads relative to the
    /// lesson's folder, and the front matter's `work-limit:` replaces the default tensor-work budget.
    func configure(for lesson: ParsedLesson) {
        interpreter.resourceDirectory = (path as NSString).deletingLastPathComponent
        guard let text = lesson.frontMatter.extra[WorkLimit.key] else { return }
        do throws(WorkLimit.Problem) {
            interpreter.limits.maxTensorWork = try WorkLimit.parse(text)
        } catch {
            self.error(at: frontMatterLocation(of: WorkLimit.key), error.message)
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

/// What the `{figure}`s of one lesson share: the ids taken so far and the output bytes left.
struct FigureState {
    var ids: Set<String> = []
    var bytesLeft = FigureLimits.maxLessonBytes
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
