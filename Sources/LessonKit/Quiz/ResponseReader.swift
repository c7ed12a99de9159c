import Foundation

/// Reads a responses file for `lessonbuild grade`.
///
/// - JSON: one learner, an object from question id to answer: `{"q1": "112", "q2": 2, "q3": null}`.
///   Answers are strings or numbers; `null` means unanswered.
/// - CSV (RFC 4180): a header `learner,q1,q2,…` and one learner per row; an empty cell is unanswered.
///
/// The format is taken from the content: a file whose first non-blank character is `{` is JSON.
public enum ResponseReader {
    public static func read(path: String) throws(ResponseError) -> Responses {
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

    static func parseJSON(_ text: String, path: String) throws(ResponseError) -> Responses {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
        } catch {
            throw ResponseError(path: path, row: nil, "not valid JSON (\(error.localizedDescription))")
        }
        guard let dict = object as? [String: Any] else {
            throw ResponseError(path: path, row: nil, "expected a JSON object from question id to answer, like {\"q1\": \"112\", \"q2\": 2}")
        }
        var answers: [String: String] = [:]
        for key in dict.keys.sorted() {
            guard let value = dict[key] else { continue }
            if value is NSNull { continue }
            if let s = value as? String {
                answers[key] = s
            } else if let n = value as? NSNumber {
                let type = String(cString: n.objCType)
                if type == "c" || type == "B" {
                    throw ResponseError(path: path, row: key, "expected a string or a number, got \(n.boolValue)")
                }
                answers[key] = numberText(n, type: type)
            } else {
                throw ResponseError(path: path, row: key, "expected a string or a number, got \(value is [Any] ? "an array" : "an object")")
            }
        }
        return Responses(format: .json, learners: [.init(learner: nil, answers: answers, row: 0)],
                         questionIDs: dict.keys.sorted())
    }

    private static func numberText(_ n: NSNumber, type: String) -> String {
        switch type {
        case "d", "f": return QuizNumber.text(n.doubleValue)
        case "Q", "L", "I", "S", "C": return String(n.uint64Value)
        default: return String(n.int64Value)
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
        let ids = Array(names.dropFirst())
        var seenIDs: Set<String> = []
        for id in ids {
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
            for (id, cell) in zip(ids, record.fields.dropFirst()) where !QuizText.trim(cell).isEmpty {
                answers[id] = cell
            }
            learners.append(.init(learner: learner, answers: answers, row: record.line))
        }
        guard !learners.isEmpty else {
            throw ResponseError(path: path, row: String(header.line), "the header is not followed by any learner row")
        }
        return Responses(format: .csv, learners: learners, questionIDs: ids)
    }
}

extension Responses {
    /// Rejects question ids the lesson does not have (a typo would otherwise grade as unanswered).
    public func check(questionIDs known: [String], path: String) throws(ResponseError) {
        let knownSet = Set(known)
        for id in questionIDs where !knownSet.contains(id) {
            let row = format == .json ? id : "1"
            throw ResponseError(path: path, row: row,
                                "the lesson has no question `\(id)`; its questions are \(known.joined(separator: ", "))")
        }
    }
}
