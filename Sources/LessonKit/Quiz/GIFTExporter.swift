import Foundation

/// Moodle's GIFT format: `::ID::[html]PROMPT{#VALUE:TOLERANCE}` for numeric questions,
/// `{=right ~wrong …}` for choice (options in lesson order), `{=answer}` for text.
///
/// In text, GIFT's special characters `~ = # { } :` and the backslash are escaped with a backslash,
/// and line breaks are written `\n`, so that each question stays one paragraph.
///
///     GIFTExporter.escape("a = {b}: c")   // a \= \{b\}\: c
enum GIFTExporter {
    static func text(questions: [Question], title: String) -> String {
        var out = "// \(title.replacingOccurrences(of: "\n", with: " ")): exported by lessonbuild\n"
        out += "// answers computed when the lesson was built\n\n"
        for q in questions {
            out += "::\(escape(q.id))::[html]\(escape(q.promptHTML.trimmingCharacters(in: .newlines)))"
            switch q.answer {
            case let .numeric(value, tolerance, _):
                out += "{#\(QuizNumber.text(value)):\(QuizNumber.text(tolerance))}\n\n"
            case let .choice(right):
                out += "{\n"
                for (n, option) in q.optionsHTML.enumerated() {
                    out += "\(n + 1 == right ? "=" : "~")\(escape(option))\n"
                }
                out += "}\n\n"
            case let .text(answer):
                out += "{=\(escape(answer))}\n\n"
            }
        }
        return out
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
