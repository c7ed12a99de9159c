import CNNKernels

/// What each directive becomes: `{eval}` echo, `{table}`, `{listing}`, `{output}`, `{math}`.
extension LessonEvaluator {

    func evalBlock(_ directive: Directive) -> EvaluatedLesson.Block {
        checkOptions(directive, allowed: ["echo"])
        guard let echo = directive.option("echo") else { return .nothing }
        switch echo.value.lowercased() {
        case "true", "yes": return .echo(code: trimmingFinalNewline(directive.body))
        case "false", "no": return .nothing
        default:
            error(at: echo.valueLocation, "':echo:' takes true or false, not '\(echo.value)'")
            return .nothing
        }
    }

    func table(_ directive: Directive) -> TableModel? {
        checkOptions(directive, allowed: ["title", "rows", "columns", "format", "caption"])
        guard !directive.argument.isEmpty else {
            error(at: directive.location, "a {table} needs an expression after '{table}', e.g. '{table} feature_map'")
            return nil
        }
        guard let value = evaluate(directive.argument, at: directive.argumentLocation) else { return nil }
        let rows: [[Value]]
        do throws(EvaluationError) {
            rows = try TableCells.rows(of: value, at: directive.argumentLocation)
        } catch {
            report(error)
            return nil
        }
        let format = directive.option("format")
        var cells: [[String]] = []
        for row in rows {
            var texts: [String] = []
            for cell in row {
                guard let format else {
                    texts.append(cell.printed)
                    continue
                }
                do throws(KernelError) {
                    texts.append(try cell.formatted(format.value))
                } catch {
                    self.error(at: format.valueLocation, error.message)
                    return nil
                }
            }
            cells.append(texts)
        }
        let columnPrefix = directive.option("columns")?.value ?? "Column"
        let rowPrefix = directive.option("rows")?.value ?? "Row"
        let width = rows.first?.count ?? 0
        return TableModel(
            title: directive.option("title")?.value ?? "",
            caption: directive.option("caption")?.value,
            columnHeaders: (0..<width).map { "\(columnPrefix) \($0 + 1)" },
            rowHeaders: rows.indices.map { "\(rowPrefix) \($0 + 1)" },
            cells: cells
        )
    }

    func listing(_ directive: Directive) -> ListingModel? {
        checkOptions(directive, allowed: [])
        let language = directive.argument.split(separator: " ").first.map(String.init) ?? ""
        if language.isEmpty {
            error(at: directive.location, "a {listing} needs a language, e.g. '{listing} python'")
        }
        guard let (code, lines) = interpolateTracingLines(directive) else { return nil }
        return ListingModel(language: language, code: code, location: directive.location, lineLocations: lines)
    }

    func output(_ directive: Directive) -> OutputModel? {
        checkOptions(directive, allowed: [])
        return interpolate(directive).map(OutputModel.init(text:))
    }

    func math(_ directive: Directive) -> String? {
        checkOptions(directive, allowed: [])
        let tex = trimmingFinalNewline(directive.body)
        do throws(MathError) {
            return try TeXToMathML.convert(tex)
        } catch {
            self.error(at: directive.location(ofBodyOffset: error.offset), error.message)
            return nil
        }
    }

    /// The index of the `{listing}` whose block ends right where `{output}` number `index` starts.
    func listingDirectlyAbove(_ index: Int, in lesson: ParsedLesson) -> Int? {
        guard index > 0, lesson.directives[index - 1].name == "listing" else { return nil }
        guard let here = lesson.template.firstIndex(of: .directive(index)),
              let above = lesson.template.firstIndex(of: .directive(index - 1)) else { return nil }
        let between = lesson.template[(above + 1)..<here]
        let onlyWhitespace = between.allSatisfy {
            if case .html(let html) = $0 { return html.allSatisfy(\.isWhitespace) }
            return false
        }
        return onlyWhitespace ? index - 1 : nil
    }
}
