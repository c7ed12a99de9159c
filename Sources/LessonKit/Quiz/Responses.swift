/// Learners' answers read from a responses file: one learner for JSON, one per row for CSV.
public struct Responses: Sendable, Equatable {
    public enum Format: String, Sendable { case json, csv }

    /// One learner's answers by question id, as text (`2` for a JSON number 2). A missing key or
    /// an empty cell is an unanswered question.
    public struct Learner: Sendable, Equatable {
        /// The CSV `learner` cell; nil for a JSON file.
        public var learner: String?
        public var answers: [String: String]
        /// Where the learner came from: the CSV line number (1-based, header is line 1); 0 for JSON.
        public var row: Int
        /// Where each answer is in the file, by question id: `LINE` for CSV, `LINE:COL` for JSON.
        public var positions: [String: String]
        /// The variant each response answers, by question id (JSON `{"variant": 3, …}`, CSV `ID.variant`).
        public var variants: [String: Int] = [:]
        /// Where each variant number is written, like `positions`.
        public var variantPositions: [String: String] = [:]
        public init(learner: String?, answers: [String: String], row: Int, positions: [String: String] = [:],
                    variants: [String: Int] = [:], variantPositions: [String: String] = [:]) {
            self.learner = learner
            self.answers = answers
            self.row = row
            self.positions = positions
            self.variants = variants
            self.variantPositions = variantPositions
        }
    }

    public var format: Format
    public var learners: [Learner]
    /// The question ids the file mentions (JSON keys or CSV header columns), in file order.
    public var questionIDs: [String]
    /// Where each question id is written: the JSON key's `LINE:COL`, or `1` (the CSV header).
    public var idPositions: [String: String]
    public init(format: Format, learners: [Learner], questionIDs: [String], idPositions: [String: String] = [:]) {
        self.format = format
        self.learners = learners
        self.questionIDs = questionIDs
        self.idPositions = idPositions
    }
}

/// A malformed responses file: `RESPONSES:LINE: error: MESSAGE` (CSV) or `RESPONSES:LINE:COL: error:
/// MESSAGE` (JSON).
public struct ResponseError: Error, Sendable, Equatable, CustomStringConvertible {
    public var path: String
    /// Where: a CSV line number (`3`) or a JSON `LINE:COL` (`2:9`); nil when the problem is the whole file.
    public var row: String?
    public var message: String
    public init(path: String, row: String?, _ message: String) {
        self.path = path
        self.row = row
        self.message = message
    }
    public var description: String {
        if let row { return "\(path):\(row): error: \(message)" }
        return "\(path): error: \(message)"
    }
}
