import Foundation

/// Reads a responses file for `lessonbuild grade`.
///
/// - JSON: one learner, an object from question id to answer: `{"q1": "112", "q2": 2, "q3": null}`.
///   Answers are strings or numbers; `null` means unanswered; a matrix answer may be a nested list.
///   Read strictly (`StrictJSON`): errors are at `FILE:LINE:COL`.
/// - CSV (RFC 4180): a header `learner,q1,q2,…` and one learner per row; an empty cell is unanswered.
///
/// The format is taken from the content: a file whose first non-blank character is `{` is JSON.
public enum ResponseReader {
    /// The largest responses file read (a class of thousands of learners is well under 1 MB).
    public static let maxBytes = 16 << 20

    public static func read(path: String) throws(ResponseError) -> Responses {
        if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int, size > maxBytes {
            throw ResponseError(path: path, row: nil, "the responses file has \(size) bytes; at most \(maxBytes) (16 MB) are read")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ResponseError(path: path, row: nil, "cannot read the responses file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ResponseError(path: path, row: nil, "the responses file is not UTF-8 text")
        }
        return try parse(text, path: path)
    }

    /// Parses responses from text; `path` is only used in errors.
    public static func parse(_ text: String, path: String) throws(ResponseError) -> Responses {
        let first = text.unicodeScalars.first { !QuizText.trimmed.contains($0) }
        if first == "{" || first == "[" { return try parseJSON(text, path: path) }
        return try parseCSV(text, path: path)
    }

    /// A strict reader (`StrictJSON`): a trailing comma, a duplicate key or any other malformed
    /// JSON is an error at its line and column. A value is a string, a number (kept as written),
    /// `null` (unanswered) or a list of rows for a matrix (`[[1, 2], [3, 4]]`, read as `"1 2; 3 4"`).
    static func parseJSON(_ text: String, path: String) throws(ResponseError) -> Responses {
        let root: StrictJSON.Node
        do {
            root = try StrictJSON.parse(text)
        } catch {
            throw ResponseError(path: path, row: error.position.description, "malformed JSON: \(error.message)")
        }
        guard case let .object(members) = root.value else {
            throw ResponseError(path: path, row: root.position.description,
                                "expected a JSON object from question id to answer, like {\"q1\": \"112\", \"q2\": 2}")
        }
        var answers: [String: String] = [:]
        var positions: [String: String] = [:]
        var variants: [String: Int] = [:]
        var variantPositions: [String: String] = [:]
        for member in members {
            positions[member.key] = member.value.position.description
            var answer = member.value
            if case let .object(fields) = member.value.value {
                // A variant question: {"variant": 3, "answer": "112"}.
                answer = try variantAnswer(fields, at: member.value, path: path, variant: &variants[member.key],
                                           variantPosition: &variantPositions[member.key])
                positions[member.key] = answer.position.description
            }
            guard let text = try answerText(answer, path: path) else { continue }
            answers[member.key] = text
        }
        return Responses(format: .json, learners: [.init(learner: nil, answers: answers, row: 0, positions: positions,
                                                         variants: variants, variantPositions: variantPositions)],
                         questionIDs: members.map(\.key), idPositions: Dictionary(uniqueKeysWithValues: members.map {
                             ($0.key, $0.keyPosition.description)
                         }))
    }

    /// The `answer` of `{"variant": N, "answer": A}` (a `null` answer when left out), with `variant`
    /// and where it is written.
    private static func variantAnswer(_ fields: [StrictJSON.Member], at node: StrictJSON.Node, path: String,
                                      variant: inout Int?, variantPosition: inout String?) throws(ResponseError) -> StrictJSON.Node {
        var answer = StrictJSON.Node(value: .null, position: node.position)
        for field in fields {
            switch field.key {
            case "answer": answer = field.value
            case "variant":
                guard case let .number(text) = field.value.value, let n = Int(text), n >= 1 else {
                    throw ResponseError(path: path, row: field.value.position.description,
                                        "`variant` must be a variant number (1, 2, …), like {\"variant\": 3, \"answer\": \"112\"}")
                }
                variant = n
                variantPosition = field.value.position.description
            default:
                throw ResponseError(path: path, row: field.keyPosition.description,
                                    "unknown key `\(field.key)`; a response to a question with variants is {\"variant\": 3, \"answer\": \"112\"}")
            }
        }
        guard variant != nil else {
            throw ResponseError(path: path, row: node.position.description,
                                "this response has no `variant`; write {\"variant\": 3, \"answer\": \"112\"}")
        }
        return answer
    }

    /// The response text of one JSON value; nil for `null`.
    private static func answerText(_ node: StrictJSON.Node, path: String) throws(ResponseError) -> String? {
        switch node.value {
        case .null: return nil
        case let .string(s): return s
        case let .number(n): return n
        case let .array(rows):
            var lines: [String] = []
            for row in rows {
                guard case let .array(cells) = row.value else {
                    throw ResponseError(path: path, row: row.position.description,
                                        "a matrix answer is a list of rows, each a list of numbers: [[1, 2], [3, 4]]")
                }
                var texts: [String] = []
                for cell in cells {
                    switch cell.value {
                    case let .number(n): texts.append(n)
                    case let .string(s) where !s.contains(where: { $0 == ";" || $0.isWhitespace }): texts.append(s)
                    default:
                        throw ResponseError(path: path, row: cell.position.description,
                                            "a matrix cell must be a number (or a string without spaces or `;`)")
                    }
                }
                lines.append(texts.joined(separator: " "))
            }
            return lines.joined(separator: "; ")
        case let .bool(b):
            throw ResponseError(path: path, row: node.position.description, "expected a string or a number, got \(b)")
        case .object:
            throw ResponseError(path: path, row: node.position.description,
                                "expected a string or a number, got an object (only a whole response is {\"variant\": N, \"answer\": …})")
        }
    }

    static func parseCSV(_ text: String, path: String) throws(ResponseError) -> Responses {
        let records: [CSVReader.Record]
        do {
            records = try CSVReader.records(text).filter { $0.fields != [""] }
        } catch {
            throw ResponseError(path: path, row: String(error.line), error.message)
        }
        guard let header = records.first else {
            throw ResponseError(path: path, row: nil, "the file is empty; expected a header learner,q1,q2,…")
        }
        let names = header.fields.map(QuizText.trim)
        guard names.first?.lowercased() == "learner" else {
            throw ResponseError(path: path, row: String(header.line), "the first column must be `learner`, got `\(names.first ?? "")`")
        }
        let columns = Array(names.dropFirst())
        // `ID.variant` columns hold the variant each response to ID answers.
        let ids = columns.filter { !$0.hasSuffix(variantSuffix) }
        var seenIDs: Set<String> = []
        for id in columns {
            guard !id.isEmpty else { throw ResponseError(path: path, row: String(header.line), "a column has no question id") }
            guard seenIDs.insert(id).inserted else {
                throw ResponseError(path: path, row: String(header.line), "question `\(id)` appears twice in the header")
            }
        }
        var learners: [Responses.Learner] = []
        var seenLearners: [String: Int] = [:]
        for record in records.dropFirst() {
            let row = String(record.line)
            guard record.fields.count == names.count else {
                throw ResponseError(path: path, row: row, "this row has \(record.fields.count) field\(record.fields.count == 1 ? "" : "s"), the header has \(names.count)")
            }
            let learner = QuizText.trim(record.fields[0])
            guard !learner.isEmpty else { throw ResponseError(path: path, row: row, "the learner cell is empty") }
            if let earlier = seenLearners[learner] {
                throw ResponseError(path: path, row: row, "learner `\(learner)` already has a row (line \(earlier))")
            }
            seenLearners[learner] = record.line
            var answers: [String: String] = [:]
            var variants: [String: Int] = [:]
            for (column, cell) in zip(columns, record.fields.dropFirst()) where !QuizText.trim(cell).isEmpty {
                guard column.hasSuffix(variantSuffix) else {
                    answers[column] = cell
                    continue
                }
                let text = QuizText.trim(cell)
                guard text.count <= 9, text.allSatisfy({ $0.isASCII && $0.isNumber }), let n = Int(text), n >= 1 else {
                    throw ResponseError(path: path, row: row, "`\(column)` must be a variant number (1, 2, …), got `\(text)`")
                }
                variants[String(column.dropLast(variantSuffix.count))] = n
            }
            let positions = Dictionary(uniqueKeysWithValues: ids.map { ($0, String(record.line)) })
            learners.append(.init(learner: learner, answers: answers, row: record.line, positions: positions,
                                  variants: variants, variantPositions: variants.mapValues { _ in String(record.line) }))
        }
        guard !learners.isEmpty else {
            throw ResponseError(path: path, row: String(header.line), "the header is not followed by any learner row")
        }
        var mentioned = ids
        for column in columns where column.hasSuffix(variantSuffix) {
            let id = String(column.dropLast(variantSuffix.count))
            if !mentioned.contains(id) { mentioned.append(id) }
        }
        return Responses(format: .csv, learners: learners, questionIDs: mentioned)
    }

    /// The CSV column beside `ID` that holds the variant: `ID.variant`.
    static let variantSuffix = ".variant"
}

extension Responses {
    /// Checks the variant of every response against `variantCounts` (question id → N, for questions
    /// with `:variants: N`): an answer to such a question needs its variant, 1…N; a question without
    /// variants takes none. Errors name the file and the row (`LINE`, or `LINE:COL` in JSON).
    public func check(variantCounts: [String: Int], path: String) throws(ResponseError) {
        for learner in learners {
            let who = learner.learner.map { "learner `\($0)`: " } ?? ""
            for (id, n) in learner.variants.sorted(by: { $0.key < $1.key }) {
                let row = learner.variantPositions[id] ?? String(learner.row)
                guard let count = variantCounts[id] else {
                    throw ResponseError(path: path, row: row, "\(who)question `\(id)` has no variants; give its answer alone")
                }
                guard n <= count else {
                    throw ResponseError(path: path, row: row,
                                        "\(who)variant \(n) of question `\(id)` is out of range: it has \(count) variants, numbered 1 to \(count)")
                }
            }
            for (id, count) in variantCounts.sorted(by: { $0.key < $1.key }) where learner.answers[id] != nil && learner.variants[id] == nil {
                let row = learner.positions[id] ?? String(learner.row)
                let how = format == .csv ? "a column `\(id).variant`" : "{\"\(id)\": {\"variant\": 3, \"answer\": …}}"
                throw ResponseError(path: path, row: row,
                                    "\(who)question `\(id)` has \(count) variants; say which one this answer is for with \(how)")
            }
        }
    }

    /// Rejects question ids the lesson does not have (a typo would otherwise grade as unanswered).
    public func check(questionIDs known: [String], path: String) throws(ResponseError) {
        let knownSet = Set(known)
        for id in questionIDs where !knownSet.contains(id) {
            let row = idPositions[id] ?? "1"
            throw ResponseError(path: path, row: row,
                                "the lesson has no question `\(id)`; its questions are \(known.joined(separator: ", "))")
        }
    }
}
