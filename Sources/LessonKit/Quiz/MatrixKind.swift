import CNNKernels

extension Question.Kind {
    public static let matrix = Question.Kind(rawValue: "matrix")
}

/// `{question} matrix`: the answer is a 2-D tensor (or a list of equal rows) of numbers, at most
/// `maxCells`; the learner fills one input per cell, labelled with its row and column;
/// `:tolerance:` applies per cell; `:partial: true` scores the fraction of right cells.
///
/// Exports: Moodle XML as a cloze (`multianswer`) question, one `{1:NUMERICAL:=V:T}` per cell in a
/// table (only with `:partial: true`: Moodle scores cloze cells one by one); QTI as one item with a
/// `float` response per cell (`RESPONSE_R1C1` …); GIFT refuses (it has no cloze).
struct MatrixKind: QuizKind {
    static let maxCells = 400

    var kind: Question.Kind { .matrix }
    var options: [String] { ["partial", "tolerance"] }
    var readsOptionList: Bool { false }

    func answer(from value: Value, at location: SourceLocation, optionCount: Int, draft: inout QuestionDraft) -> Question.Answer? {
        var rows: [[Value]] = []
        switch value {
        case let .tensor(t) where t.shape.count == 2:
            let (r, c) = (t.shape[0], t.shape[1])
            let flat: [Value]
            switch t.storage {
            case let .int64(v): flat = v.map { .int(Int($0)) }
            case let .float64(v): flat = v.map { .double($0) }
            case .bool:
                draft.error(location, "a matrix answer must hold numbers, got a bool tensor")
                return nil
            }
            rows = (0..<r).map { i in Array(flat[(i * c)..<((i + 1) * c)]) }
        case let .list(items):
            for item in items {
                guard case let .list(cells) = item else {
                    draft.error(location, "a matrix answer must be a 2-D tensor or a list of rows, got a list holding \(item.quizDescription)")
                    return nil
                }
                rows.append(cells)
            }
        case let .tensor(t):
            draft.error(location, "a matrix answer must be 2-D, got a tensor of shape \(t.shape)")
            return nil
        default:
            draft.error(location, "a matrix answer must be a 2-D tensor or a list of rows, got \(value.quizDescription)")
            return nil
        }
        let columns = rows.first?.count ?? 0
        guard !rows.isEmpty, columns > 0 else {
            draft.error(location, "a matrix answer needs at least one row and one column")
            return nil
        }
        guard rows.count * columns <= Self.maxCells else {
            draft.error(location, "a matrix answer has \(rows.count) x \(columns) cells; at most \(Self.maxCells) cells fit a question (one input each)")
            return nil
        }
        if let ragged = rows.firstIndex(where: { $0.count != columns }) {
            draft.error(location, "matrix answer row \(ragged + 1) has \(rows[ragged].count) cells, row 1 has \(columns): every row needs the same length")
            return nil
        }
        var values: [Double] = []
        var allInt = true
        var texts: [String] = []
        for cell in rows.joined() {
            guard let (number, isInt) = QuestionDraft.number(cell), number.isFinite else {
                draft.error(location, "every matrix cell must be a finite number, got \(cell.quizDescription)")
                return nil
            }
            allInt = allInt && isInt
            values.append(number)
            texts.append(draft.context.display(cell))
        }
        guard let tolerance = draft.tolerance(default: allInt ? 0 : 1e-9) else { return nil }
        var partial = false
        if let option = draft.directive.option("partial") {
            switch option.value.trimmingSpaces {
            case "true": partial = true
            case "false": partial = false
            default:
                draft.error(option.valueLocation, "`:partial:` is `true` or `false`, got `\(option.value.trimmingSpaces)`")
                return nil
            }
        }
        let display = (0..<rows.count).map { r in texts[(r * columns)..<((r + 1) * columns)].joined(separator: " ") }
            .joined(separator: "; ")
        return .matrix(Question.MatrixAnswer(values: values, rows: rows.count, columns: columns, tolerance: tolerance,
                                             partial: partial, display: display))
    }

    func inputsHTML(_ question: Question, base: String, number: Int) -> String {
        guard case let .matrix(m) = question.answer else { return "" }
        var html = "<table class=\"matrix-answer\" aria-describedby=\"\(base)-prompt\">\n"
        html += "<caption>Your answer to question \(number): one value per cell (\(m.rows) rows, \(m.columns) columns)</caption>\n"
        html += "<thead><tr><td></td>"
        for c in 1...max(m.columns, 1) { html += "<th scope=\"col\">Column \(c)</th>" }
        html += "</tr></thead>\n<tbody>\n"
        for r in 1...max(m.rows, 1) {
            html += "<tr><th scope=\"row\">Row \(r)</th>"
            for c in 1...max(m.columns, 1) {
                html += "<td><input type=\"text\" id=\"\(base)-r\(r)c\(c)\" inputmode=\"decimal\" autocomplete=\"off\" "
                html += "spellcheck=\"false\" aria-label=\"Row \(r), column \(c)\"></td>"
            }
            html += "</tr>\n"
        }
        return html + "</tbody>\n</table>\n"
    }

    func gradingSpec(_ answer: Question.Answer, optionCount: Int) -> GradingSpec {
        guard case let .matrix(m) = answer else { return GradingSpec(read: .rows, expected: []) }
        return GradingSpec(read: .rows, expected: m.values.map(QuizNumber.text),
                           tolerance: Array(repeating: QuizNumber.text(m.tolerance), count: m.values.count),
                           rows: m.rows, columns: m.columns, partial: m.partial)
    }

    func moodle(_ q: Question) throws(QuizExporter.Refusal) -> (type: String, promptSuffix: String, body: String) {
        guard case let .matrix(m) = q.answer else { throw refuse(q, format: "Moodle XML", "not a matrix answer") }
        guard m.partial else {
            throw refuse(q, format: "Moodle XML", "Moodle's cloze questions score each cell on its own, so they cannot give this "
                         + "matrix question's all-or-nothing credit; add `:partial: true` to export it (or use --format qti)")
        }
        var html = "<table>\n<thead><tr><td></td>"
        for c in 1...m.columns { html += "<th scope=\"col\">Column \(c)</th>" }
        html += "</tr></thead>\n<tbody>\n"
        for r in 0..<m.rows {
            html += "<tr><th scope=\"row\">Row \(r + 1)</th>"
            for c in 0..<m.columns {
                html += "<td>{1:NUMERICAL:=\(QuizNumber.text(m.values[r * m.columns + c])):\(QuizNumber.text(m.tolerance))}</td>"
            }
            html += "</tr>\n"
        }
        return ("cloze", html + "</tbody>\n</table>\n", "")
    }

    func gift(_ q: Question) throws(QuizExporter.Refusal) -> String {
        throw refuse(q, format: "GIFT", "GIFT has no cloze or multi-part questions for a matrix answer; export it with --format moodle (a cloze question) or --format qti")
    }

    func qti(_ q: Question) throws(QuizExporter.Refusal) -> (declarations: [String], interaction: String, rules: [String]) {
        guard case let .matrix(m) = q.answer else { throw refuse(q, format: "QTI", "not a matrix answer") }
        var declarations: [String] = []
        var interaction = "    <table>\n      <thead><tr><td/>"
        for c in 1...m.columns { interaction += "<th scope=\"col\">Column \(c)</th>" }
        interaction += "</tr></thead>\n      <tbody>\n"
        var tests: [String] = []
        for r in 0..<m.rows {
            interaction += "        <tr><th scope=\"row\">Row \(r + 1)</th>"
            for c in 0..<m.columns {
                let id = "RESPONSE_R\(r + 1)C\(c + 1)"
                declarations.append(QTIExporter.declaration(id, "float", QuizNumber.qti(m.values[r * m.columns + c])))
                interaction += "<td><textEntryInteraction responseIdentifier=\"\(id)\" expectedLength=\"12\"/></td>"
                tests.append(QTIExporter.equal(id, m.tolerance))
            }
            interaction += "</tr>\n"
        }
        interaction += "      </tbody>\n    </table>\n"
        guard m.partial else {
            let all = "<and>\n" + tests.map { "            " + $0 + "\n" }.joined() + "          </and>"
            return (declarations, interaction, [QTIExporter.condition(all, QTIExporter.setScoreOne)])
        }
        // SCORE = (right cells) / cells.
        let addOne = """
        <setOutcomeValue identifier="SCORE"><sum><variable identifier="SCORE"/><baseValue baseType="float">1</baseValue></sum></setOutcomeValue>
        """
        var rules = tests.map { QTIExporter.condition($0, addOne) }
        rules.append("""
            <setOutcomeValue identifier="SCORE">
              <divide><variable identifier="SCORE"/><baseValue baseType="float">\(tests.count)</baseValue></divide>
            </setOutcomeValue>

        """)
        return (declarations, interaction, rules)
    }
}
