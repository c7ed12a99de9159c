/// `lessonbuild export LESSON --format json`: the quiz as data (LESSON-FORMAT.md §10), keys in a
/// fixed order, so that an independent oracle can recompute every variant's answer from its given
/// values:
///
///     {"pass": 0.75, "questions": [{"name": "out-size", "kind": "numeric", "variants": [
///       {"given": {"n": 64, "s": 2}, "prompt": "A 64-pixel row …", "answer": 32, "tolerance": 0}]}]}
///
/// A question without variants has one variant with empty `given`. `prompt` (and `options`,
/// `explanation` when present) are plain text; `answer` is a number (numeric; the option number for
/// choice), a string (text) or a list of rows (matrix); `tolerance` is 0 where a kind has none.
enum JSONExporter {
    static func text(questions: [Question], panel: QuizPanel?) -> String {
        let mark = panel?.passMark ?? QuizPanel.defaultPassMark
        let document = QuizData.object([("pass", .number(QuizNumber.text(mark))),
                                        ("questions", .list(questions.map(question)))])
        return document.prettyJSON() + "\n"
    }

    static func question(_ q: Question) -> QuizData {
        let variants = (1...q.variantCount).map { k in
            variant(q.variant(k), given: q.variants[safe: k - 1]?.given ?? [])
        }
        return .object([("name", .string(q.id)), ("kind", .string(q.kind.rawValue)), ("variants", .list(variants))])
    }

    static func variant(_ q: Question, given: [Question.GivenValue]) -> QuizData {
        var members: [(String, QuizData)] = [("given", .object(given.map { ($0.name, $0.value) })),
                                             ("prompt", .string(plain(q.promptHTML)))]
        if !q.optionsHTML.isEmpty { members.append(("options", .list(q.optionsHTML.map { .string(plain($0)) }))) }
        members += [("answer", answer(q.answer)), ("tolerance", .number(QuizNumber.text(tolerance(q.answer))))]
        if let explanation = q.explanationHTML { members.append(("explanation", .string(plain(explanation)))) }
        return .object(members)
    }

    static func answer(_ answer: Question.Answer) -> QuizData {
        switch answer {
        case let .numeric(value, _, _): return .number(QuizNumber.text(value))
        case let .choice(n): return .number(String(n))
        case let .text(text): return .string(text)
        case let .matrix(m):
            let rows = (0..<m.rows).map { r in
                QuizData.list((0..<m.columns).map { c in .number(QuizNumber.text(m.values[r * m.columns + c])) })
            }
            return .list(rows)
        }
    }

    static func tolerance(_ answer: Question.Answer) -> Double {
        switch answer {
        case let .numeric(_, tolerance, _): return tolerance
        case let .matrix(m): return m.tolerance
        default: return 0
        }
    }

    /// The text of rendered HTML: tags dropped, entities decoded, runs of white space made one space.
    static func plain(_ html: String) -> String {
        QTIExporter.plainText(html).split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}

extension QuizData {
    /// JSON with objects and lists of objects one member per line, two-space indents; lists of
    /// numbers, strings and Bools (given tensors, matrix answers) stay on one line.
    func prettyJSON(indent: String = "") -> String {
        let inner = indent + "  "
        switch self {
        case .object(let members) where !members.isEmpty:
            return "{\n" + members.map { inner + Self.quoted($0.0) + ": " + $0.1.prettyJSON(indent: inner) }.joined(separator: ",\n")
                + "\n" + indent + "}"
        case .list(let items) where items.contains(where: { if case .object = $0 { true } else { false } }):
            return "[\n" + items.map { inner + $0.prettyJSON(indent: inner) }.joined(separator: ",\n") + "\n" + indent + "]"
        default:
            return json
        }
    }
}
