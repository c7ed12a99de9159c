import CNNKernels

extension Question.Kind {
    public static let cell = Question.Kind(rawValue: "cell")
}

/// `{question} cell`: `:figure:` is a heatmap (`heatmap(x, …)`, no marks or outlines, at most
/// `maxCells` cells) and `:answer:` the right cell as a `(row, col)` tuple counted from 0, as
/// `x.argmax2d()` gives it. The learner picks a cell of the heatmap with the mouse or the keyboard.
///
/// The page draws the heatmap as a `role="grid"` table (`QuizHTML` ids `quiz-ID-grid`,
/// `quiz-ID-cell-R-C`): one tab stop that the arrow keys move (roving `tabindex`), Enter or Space
/// picks, each cell announced as "Row 2, column 2, 0.874" (counted from 1, like the figure's Data
/// table) and the pick shown by a ring and a check mark (`aria-selected`), not by colour alone.
/// A response is `(1, 1)`, `[1, 1]` or `1, 1`: `GradingSpec.Read.cell`.
///
/// Exports: a multiple-choice question among the cells (Moodle XML `multichoice`, GIFT `{=… ~…}`,
/// QTI `choiceInteraction` with choices `R1C1…`), the heatmap's values as a table under the prompt
/// and each option named "Row R, column C: VALUE"; refused above `maxChoiceCells` cells.
///
///     ```{question} cell
///     :figure: heatmap(featureMap, annotate: true, format: ".3f")
///     :answer: featureMap.argmax2d()
///     Pick the strongest response.
///     ```
struct CellKind: QuizKind {
    /// Each cell is an element of the page (reached with the arrow keys, one tab stop for all).
    static let maxCells = 1024
    /// Options of the multiple-choice question an export makes of the cells.
    static let maxChoiceCells = 100

    var kind: Question.Kind { .cell }
    var options: [String] { ["figure"] }
    var readsOptionList: Bool { false }

    func answer(from value: Value, at location: SourceLocation, optionCount: Int, draft: inout QuestionDraft) -> Question.Answer? {
        let map = heatmap(&draft)
        guard let (row, col) = Self.point(value) else {
            draft.error(location, "a cell answer must be a `(row, col)` tuple of two Ints counted from 0, like `x.argmax2d()`; "
                        + "got \(value.quizDescription)")
            return nil
        }
        guard let map else { return nil }
        guard (0..<map.rows).contains(row), (0..<map.columns).contains(col) else {
            draft.error(location, "cell answer (\(row), \(col)) is outside the figure's \(map.rows) x \(map.columns) grid: rows 0 to "
                        + "\(map.rows - 1), columns 0 to \(map.columns - 1), counted from 0")
            return nil
        }
        return .cell(Question.CellAnswer(row: row, col: col, heatmap: map))
    }

    /// The `:figure:` heatmap, or nil after reporting why it cannot be picked from.
    private func heatmap(_ draft: inout QuestionDraft) -> Heatmap? {
        guard let (value, location) = draft.optionValue("figure", required: "the heatmap to pick from, like `heatmap(featureMap)`") else {
            return nil
        }
        guard case let .figure(figure) = value else {
            draft.error(location, "`:figure:` must be a heatmap figure, like `heatmap(featureMap)`; got \(value.quizDescription)")
            return nil
        }
        guard case let .heatmap(map) = figure.content else {
            draft.error(location, "`:figure:` must be a heatmap, got a \(figure.kindName) figure: the learner picks one cell of a heatmap")
            return nil
        }
        guard figure.marks.isEmpty, figure.outlines.isEmpty else {
            draft.error(location, "a cell question's heatmap cannot have marks or outlines (the learner's pick is drawn on the cells, "
                        + "and a mark would give the answer away); remove `.mark(…)` and `.outline(…)`")
            return nil
        }
        guard map.rows * map.columns <= Self.maxCells else {
            draft.error(location, "the heatmap has \(map.rows) x \(map.columns) cells; a cell question picks from at most "
                        + "\(Self.maxCells) cells (each is an element of the page)")
            return nil
        }
        return map
    }

    /// `(row, col)` from a tuple of two Ints (plain, NumPy or 0-d int64 tensors).
    static func point(_ value: Value) -> (Int, Int)? {
        guard case let .tuple(items, _) = value, items.count == 2 else { return nil }
        func int(_ v: Value) -> Int? {
            switch v {
            case let .int(n): return n
            case let .numpy(.int(n)): return n
            case let .tensor(t) where t.shape.isEmpty:
                if case let .int64(storage) = t.storage { return storage.first.map { Int($0) } }
                return nil
            default: return nil
            }
        }
        guard let row = int(items[0]), let col = int(items[1]) else { return nil }
        return (row, col)
    }

    func inputsHTML(_ question: Question, base: String, number: Int) -> String {
        guard case let .cell(answer) = question.answer else { return "" }
        let map = answer.heatmap
        var html = "<p class=\"cell-help\" id=\"\(base)-help\">Pick one cell: click it, or move with the arrow keys and press Enter.</p>\n"
        html += "<p class=\"cell-caption\" id=\"\(base)-caption\">Your answer to question \(number): one cell of \(map.rows) rows "
        html += "and \(map.columns) columns</p>\n<div class=\"cell-scroll\">\n"
        html += "<table class=\"cell-grid\" role=\"grid\" id=\"\(base)-grid\" aria-labelledby=\"\(base)-caption\" "
        html += "aria-describedby=\"\(base)-prompt \(base)-help\">\n"
        html += "<thead><tr><td class=\"corner\"></td>"
        for c in 1...map.columns { html += "<th scope=\"col\">\(c)</th>" }
        html += "</tr></thead>\n<tbody>\n"
        for r in 0..<map.rows {
            html += "<tr><th scope=\"row\">\(r + 1)</th>"
            for c in 0..<map.columns {
                let i = r * map.columns + c
                let fill = map.color(at: i)
                let text = HTMLEscaping.escape(map.texts[i])
                html += "<td role=\"gridcell\" id=\"\(base)-cell-\(r)-\(c)\" data-row=\"\(r)\" data-col=\"\(c)\" "
                html += "data-value=\"\(HTMLEscaping.escape(map.reprs[i]))\" tabindex=\"\(r == 0 && c == 0 ? 0 : -1)\" "
                html += "aria-selected=\"false\" aria-label=\"Row \(r + 1), column \(c + 1), \(text)\" "
                html += "style=\"background-color: \(fill.css); color: \(fill.readableText.css)\">\(map.annotate ? text : "")</td>"
            }
            html += "</tr>\n"
        }
        html += "</tbody>\n</table>\n</div>\n"
        return html + "<p class=\"cell-choice\" id=\"\(base)-choice\" aria-live=\"polite\">No cell picked yet.</p>\n"
    }

    func gradingSpec(_ answer: Question.Answer, optionCount: Int) -> GradingSpec {
        guard case let .cell(cell) = answer else { return GradingSpec(read: .cell, expected: []) }
        return GradingSpec(read: .cell, expected: [String(cell.row), String(cell.col)], rows: cell.heatmap.rows,
                           columns: cell.heatmap.columns)
    }

    // MARK: Exports: a choice among the cells

    /// The cells as options, in reading order: (label, right).
    private func choices(_ q: Question, format: String) throws(QuizExporter.Refusal) -> (map: Heatmap, options: [(String, Bool)]) {
        guard case let .cell(answer) = q.answer else { throw refuse(q, format: format, "not a cell answer") }
        let map = answer.heatmap
        guard map.rows * map.columns <= Self.maxChoiceCells else {
            throw refuse(q, format: format, "\(format) gets a cell question as a multiple-choice question among its cells, and this "
                         + "heatmap's \(map.rows) x \(map.columns) cells are more than \(Self.maxChoiceCells) options")
        }
        var options: [(String, Bool)] = []
        for r in 0..<map.rows {
            for c in 0..<map.columns {
                options.append(("Row \(r + 1), column \(c + 1): \(map.texts[r * map.columns + c])", r == answer.row && c == answer.col))
            }
        }
        return (map, options)
    }

    /// The heatmap's values as an HTML table with 1-based row and column headers (well-formed XML).
    static func valuesTable(_ map: Heatmap, indent: String = "") -> String {
        var html = indent + "<table>\n" + indent + "  <thead><tr><td></td>"
        for c in 1...map.columns { html += "<th scope=\"col\">Column \(c)</th>" }
        html += "</tr></thead>\n" + indent + "  <tbody>\n"
        for r in 0..<map.rows {
            html += indent + "    <tr><th scope=\"row\">Row \(r + 1)</th>"
            for c in 0..<map.columns { html += "<td>\(HTMLEscaping.escape(map.texts[r * map.columns + c]))</td>" }
            html += "</tr>\n"
        }
        return html + indent + "  </tbody>\n" + indent + "</table>\n"
    }

    func moodle(_ q: Question) throws(QuizExporter.Refusal) -> (type: String, promptSuffix: String, body: String) {
        let (map, options) = try choices(q, format: "Moodle XML")
        var body = "    <single>true</single>\n    <shuffleanswers>0</shuffleanswers>\n    <answernumbering>none</answernumbering>\n"
        for (label, right) in options {
            body += "    <answer fraction=\"\(right ? 100 : 0)\" format=\"html\">\n"
            body += "      <text>\(XMLEscaping.escape(HTMLEscaping.escape(label)))</text>\n"
            body += "      <feedback format=\"html\"><text></text></feedback>\n    </answer>\n"
        }
        return ("multichoice", Self.valuesTable(map), body)
    }

    func gift(_ q: Question) throws(QuizExporter.Refusal) -> String {
        let (_, options) = try choices(q, format: "GIFT")
        var out = "\n"
        for (label, right) in options { out += (right ? "=" : "~") + GIFTExporter.escape(HTMLEscaping.escape(label)) + "\n" }
        return out
    }

    /// GIFT has one place for text: the values table follows the prompt.
    func giftPromptSuffix(_ q: Question) -> String {
        guard case let .cell(answer) = q.answer else { return "" }
        return Self.valuesTable(answer.heatmap)
    }

    func qti(_ q: Question) throws(QuizExporter.Refusal) -> (declarations: [String], interaction: String, rules: [String]) {
        let (map, options) = try choices(q, format: "QTI")
        var interaction = Self.valuesTable(map, indent: "    ")
        interaction += "    <choiceInteraction responseIdentifier=\"RESPONSE\" shuffle=\"false\" maxChoices=\"1\">\n"
        var right = ""
        for (n, (label, isRight)) in options.enumerated() {
            let id = "R\(n / map.columns + 1)C\(n % map.columns + 1)"
            if isRight { right = id }
            interaction += "      <simpleChoice identifier=\"\(id)\">\(XMLEscaping.escape(label))</simpleChoice>\n"
        }
        interaction += "    </choiceInteraction>\n"
        let match = "<match><variable identifier=\"RESPONSE\"/><correct identifier=\"RESPONSE\"/></match>"
        return ([QTIExporter.declaration("RESPONSE", "identifier", right)], interaction,
                [QTIExporter.condition(match, QTIExporter.setScoreOne)])
    }
}
