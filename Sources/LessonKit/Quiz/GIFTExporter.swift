import Foundation

/// Moodle's GIFT format, written so that Moodle's importer (`qformat_gift::readquestion`) reads
/// every prompt, option and answer literally:
///
/// - numeric: `::ID::[html]PROMPT{#VALUE:TOLERANCE}`;
/// - choice: `{=right ~wrong …}` (options in lesson order); a wrong option whose text starts with
///   `%` gets an explicit `%0%` weight, since Moodle reads a leading `%N%` as N% credit;
/// - text: `{%100%ANSWER}` with no `=`: Moodle reads an answer part holding both `=` and `->` as a
///   matching question, and a single answer with an explicit 100% weight as a short answer. In the
///   answer, `*` (Moodle's short-answer wildcard) is written `\*`;
/// - an explanation after `+++` is general feedback: `####HTML` before the closing `}`.
///
/// In all text GIFT's special characters `~ = # { } :` and the backslash are escaped with a
/// backslash, and line breaks are written `\n`, so that each question stays one paragraph.
/// Refused, naming the question: `matrix` questions (GIFT has no cloze), and a text answer that
/// holds one of the importer's placeholders (`&&058;` …), which it would turn into other characters.
///
///     GIFTExporter.escape("a = {b}: c")   // a \= \{b\}\: c
enum GIFTExporter {
    static func text(questions: [Question], title: String) throws(QuizExporter.Refusal) -> String {
        var out = "// \(title.replacingOccurrences(of: "\n", with: " ")): exported by lessonbuild\n"
        out += "// answers computed when the lesson was built\n\n"
        for q in questions {
            out += "::\(escape(q.id))::[html]\(escape(q.promptHTML.trimmingCharacters(in: .newlines)))"
            let feedback = q.explanationHTML.map { "####" + escape($0.trimmingCharacters(in: .newlines)) } ?? ""
            switch q.answer {
            case let .numeric(value, tolerance, _):
                out += "{#\(QuizNumber.text(value)):\(QuizNumber.text(tolerance))\(feedback)}\n\n"
            case let .choice(right):
                out += "{\n"
                for (n, option) in q.optionsHTML.enumerated() {
                    let marker = n + 1 == right ? "=" : (QuizText.trim(option).hasPrefix("%") ? "~%0%" : "~")
                    out += "\(marker)\(escape(option))\n"
                }
                out += feedback.isEmpty ? "}\n\n" : "\(feedback)\n}\n\n"
            case let .text(answer):
                if let placeholder = placeholders.first(where: { answer.contains($0) }) {
                    throw refusal(q, "its answer contains `\(placeholder)`, which Moodle's GIFT importer turns into another character")
                }
                out += "{%100%\(escape(wildcardEscape(answer)))\(feedback)}\n\n"
            case .matrix:
                throw refusal(q, "GIFT has no cloze or multi-part questions for a matrix answer; export it with --format moodle (a cloze question) or --format qti")
            }
        }
        return out
    }

    /// The placeholders `qformat_gift::escapedchar_pre` uses for escaped characters.
    static let placeholders = ["&&058;", "&&035;", "&&061;", "&&123;", "&&125;", "&&126;", "&&010", "&&092;"]

    static func refusal(_ q: Question, _ reason: String) -> QuizExporter.Refusal {
        QuizExporter.Refusal(questionID: q.id, location: q.location, format: "GIFT", reason: reason)
    }

    /// A short answer that Moodle's `compare_string_with_wildcard` matches literally: `*` → `\*`.
    static func wildcardEscape(_ answer: String) -> String {
        answer.replacingOccurrences(of: "*", with: "\\*")
    }

    static func escape(_ text: String) -> String {
        var out = ""
        for c in text {
            switch c {
            case "~", "=", "#", "{", "}", ":", "\\": out += "\\\(c)"
            case "\n", "\r\n": out += "\\n"
            case "\r": continue
            default: out.append(c)
            }
        }
        return out
    }
}
