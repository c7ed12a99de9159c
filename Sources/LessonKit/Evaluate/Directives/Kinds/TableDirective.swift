import CNNKernels

/// `{table} EXPR`: a 1-D or 2-D value as an HTML table. Labels are numbered from `:index:`
/// (default 1) after a prefix (`Row 1`, `Column 1`), or given as a list expression.
struct TableDirective: DirectiveKind {
    static let spec = DirectiveSpec("table", argument: .expression(example: "feature_map"), options: [
        .init("title", .text), .init("rows", .labels), .init("columns", .labels), .init("format", .formatSpec),
        .init("caption", .text), .init("index", .integer), .init("name", .identifier),
    ])

    let value: ParsedExpression
    let options: DirectiveOptions

    init?(_ input: DirectiveInput, problems: inout [SourceError]) {
        guard let value = input.expression else { return nil }
        if let index = input.options["index"], let first = input.options.integer("index"), first != 0, first != 1 {
            problems.append(SourceError("':index:' numbers labels from 0 or 1, not \(first)", at: index.location))
        }
        self.value = value
        self.options = input.options
    }

    func evaluate(in context: DirectiveContext) -> EvaluatedLesson.Block {
        let title = options.text("title").flatMap(context.fill)
        let caption = options.text("caption").flatMap(context.fill)
        guard let value = context.evaluate(value) else { return .nothing }
        let rows: [[Value]]
        do throws(EvaluationError) {
            rows = try TableCells.rows(of: value, at: self.value.location)
        } catch {
            context.report(error)
            return .nothing
        }
        guard let cells = format(rows, in: context),
              let rowHeaders = labels("rows", prefix: "Row", count: rows.count, in: context),
              let columnHeaders = labels("columns", prefix: "Column", count: rows.first?.count ?? 0, in: context),
              options.text("title") == nil || title != nil, options.text("caption") == nil || caption != nil
        else { return .nothing }
        // Named tables are numbered, so that `[](#name)` can say "Table 2".
        var anchor: Anchor?
        if let name = options.identifier("name"), let location = options["name"]?.location {
            anchor = Anchor(name: name, label: "Table \(context.nextNumber("Table"))", elementID: name, location: location)
            context.addAnchor(anchor!)
        }
        return .table(TableModel(title: title ?? "", caption: caption, columnHeaders: columnHeaders,
                                 rowHeaders: rowHeaders, cells: cells, anchor: anchor))
    }

    /// Every cell printed, or formatted with `:format:` (whose width and precision are checked
    /// against the output budget first); every cell's text is charged to the output budget.
    private func format(_ rows: [[Value]], in context: DirectiveContext) -> [[String]]? {
        let spec = options.formatSpec("format")
        let location = options["format"]?.location ?? value.location
        if let spec, !context.canFormat(rows.reduce(0) { $0 + $1.count }, with: spec, at: location) { return nil }
        var cells: [[String]] = []
        for row in rows {
            var texts: [String] = []
            for cell in row {
                do throws(KernelError) {
                    let text = try spec.map { spec throws(KernelError) in try cell.formatted(spec) } ?? cell.printed
                    guard context.chargeOutput(text.utf8.count, at: value.location) else { return nil }
                    texts.append(text)
                } catch {
                    context.error(at: location, error.message)
                    return nil
                }
            }
            cells.append(texts)
        }
        return cells
    }

    /// `count` labels: `prefix N` numbered from `:index:`, a filled prefix template, or a list.
    private func labels(_ name: String, prefix: String, count: Int, in context: DirectiveContext) -> [String]? {
        let first = options.integer("index") ?? 1
        switch options.labels(name) {
        case nil:
            return (0..<count).map { "\(prefix) \($0 + first)" }
        case .prefix(let template)?:
            // A bare name bound to a list (`:rows: labels`) is that list, not a prefix.
            if template.isLiteral, DirectiveTyper.isIdentifier(template.source), case .list? = context.interpreter.value(of: template.source),
               let expression = try? ParsedExpression(template.source, at: template.location) {
                return labels(from: expression, name: name, count: count, in: context)
            }
            guard let text = context.fill(template) else { return nil }
            return (0..<count).map { "\(text) \($0 + first)" }
        case .list(let expression)?:
            return labels(from: expression, name: name, count: count, in: context)
        }
    }

    /// A list expression of labels, one per row or column (strings as written, other values printed).
    private func labels(from expression: ParsedExpression, name: String, count: Int, in context: DirectiveContext) -> [String]? {
        guard let value = context.evaluate(expression) else { return nil }
        guard case .list(let items) = value else {
            context.error(at: expression.location, "':\(name):' takes a list of labels such as [\"a\", \"b\"], got \(value.typeDescription)")
            return nil
        }
        guard items.count == count else {
            context.error(at: expression.location, "':\(name):' has \(items.count) label\(items.count == 1 ? "" : "s") for \(count) \(name)")
            return nil
        }
        return items.map { if case .string(let s) = $0 { s } else { $0.printed } }
    }
}
