import Foundation

/// `lessonbuild export`: a lesson's questions, with their computed answers and tolerances, in a
/// format learning platforms import.
public enum QuizExporter {
    public enum Format: String, Sendable, CaseIterable {
        /// Moodle XML: numerical (with tolerance), multichoice, shortanswer.
        case moodle
        /// A QTI 2.1 IMS content package (zip): `imsmanifest.xml`, one assessmentItem per question,
        /// and an assessmentTest.
        case qti
        /// Moodle's GIFT text format.
        case gift
        /// A SCORM 1.2 package (zip): the lesson page and its files with `imsmanifest.xml`.
        case scorm
        /// The quiz as data: every variant's given values, prompt, answer and tolerance.
        case json

        /// The usual file extension.
        public var fileExtension: String {
            switch self {
            case .moodle: "xml"
            case .qti: "zip"
            case .gift: "gift"
            case .scorm: "zip"
            case .json: "json"
            }
        }
    }

    /// A question the format cannot carry faithfully: the export stops and names it.
    public struct Refusal: Error, Sendable, Equatable {
        public var questionID: String
        public var location: SourceLocation
        public var format: String
        public var reason: String
        /// `PATH:LINE:COL: error: FORMAT cannot carry question `ID`: REASON`.
        public func description(path: String) -> String {
            "\(path):\(location.line):\(location.column): error: \(format) cannot carry question `\(questionID)`: \(reason)"
        }
    }

    /// A SCORM package needs the rendered page: use `export(_:format:pageFiles:)`.
    public struct CannotPackage: Error, Sendable, CustomStringConvertible {
        public var format: Format
        public var description: String { "a \(format.rawValue) package needs the rendered lesson page" }
    }

    /// A lesson without questions cannot be exported.
    public struct NoQuestions: Error, Sendable, CustomStringConvertible {
        public var path: String
        public var description: String { "\(path): error: the lesson has no `{question}` blocks to export" }
    }

    /// What a reader without variants gets for `q`: `q` itself, or one question per variant, named
    /// `ID-v1`, `ID-v2`, … (Moodle and GIFT put them in a category, QTI in a section that selects one).
    static func variantQuestions(_ q: Question) -> [Question] {
        guard !q.variants.isEmpty else { return [q] }
        return (1...q.variants.count).map { k in
            var copy = q.variant(k)
            copy.id = "\(q.id)-v\(k)"
            return copy
        }
    }

    /// The category of the lesson's questions in Moodle (`LESSON`) and of a question's variants
    /// (`LESSON/ID`), from which a Moodle quiz draws one at random.
    static func category(lessonName: String, question: Question? = nil) -> String {
        let lesson = lessonName.replacingOccurrences(of: "/", with: "-")
        return question.map { "\(lesson)/\($0.id)" } ?? lesson
    }

    /// The questions of a lesson in `format` (a whole lesson: `QuizExporter.export(_:format:pageFiles:)` in Commands/).
    public static func export(questions: [Question], panel: QuizPanel?, lessonName: String, title: String,
                              format: Format) throws -> Data {
        switch format {
        case .moodle:
            return Data(try MoodleExporter.xml(questions: questions, title: title, lessonName: lessonName).utf8)
        case .gift:
            return Data(try GIFTExporter.text(questions: questions, title: title, lessonName: lessonName).utf8)
        case .json:
            return Data(JSONExporter.text(questions: questions, panel: panel).utf8)
        case .qti:
            return try QTIExporter.package(questions: questions, panel: panel, lessonName: lessonName, title: title)
        case .scorm:
            throw CannotPackage(format: format)
        }
    }
}
