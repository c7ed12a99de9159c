import Foundation
import TestSupport

/// The rules real importers apply to our exports, transcribed from their sources (read with the
/// search tool) so that tests can hold each export to them. Independent of the exporters.

/// OAT qti-sdk, `qtism\common\utils\Format::isFloat` (used by `Utils::stringToDatatype` for float
/// values and by `EqualMarshaller` for `tolerance`):
///
///     '/^(?:(?:\-|\+){0,1}[0-9]+)$|^(?:(?:\-|\+){0,1}[0-9]+\.[0-9]+)+/'   on trim($string)
///
/// An integer, or text that *starts* with digits, a point and digits (the second branch has no
/// `$`), which PHP's `floatval` then reads whole. `1e-09` fails; `1.0e-09` passes.
enum QTIFloatRule {
    static func accepts(_ text: String) -> Bool {
        let trimmed = text.trimmingCharacters(in: CharacterSet(charactersIn: " \t\n\r\0\u{0B}"))
        let pattern = #"^(?:(?:\-|\+){0,1}[0-9]+)$|^(?:(?:\-|\+){0,1}[0-9]+\.[0-9]+)+"#
        return trimmed.range(of: pattern, options: .regularExpression) != nil
    }
}

/// Moodle's GIFT importer, `qformat_gift::readquestion` (question/format/gift/format.php), for
/// the question types lessonbuild writes: escapes, name, answer part, general feedback (`####`),
/// type detection (`#` numerical, `~` multichoice, `=` with `->` match, T/F, else shortanswer),
/// `%N%` weights and `#` comments.
enum MoodleGIFT {
    struct Answer: Equatable { var text: String; var fraction: Double }
    struct Question: Equatable {
        var name: String
        var qtype: String
        var questionText: String
        var generalFeedback: String
        var answers: [Answer]
        /// numerical: (answer, tolerance)
        var numbers: [(String, String)] = []
        static func == (a: Question, b: Question) -> Bool {
            a.name == b.name && a.qtype == b.qtype && a.questionText == b.questionText && a.answers == b.answers
        }
    }

    static let escaped = ["\\:", "\\#", "\\=", "\\{", "\\}", "\\~", "\\n"]
    static let placeholders = ["&&058;", "&&035;", "&&061;", "&&123;", "&&125;", "&&126;", "&&010"]
    static let characters = [":", "#", "=", "{", "}", "~", "\n"]

    static func pre(_ s: String) -> String {
        var s = s.replacingOccurrences(of: "\\\\", with: "&&092;")
        for (e, p) in zip(escaped, placeholders) { s = s.replacingOccurrences(of: e, with: p) }
        return s.replacingOccurrences(of: "&&092;", with: "\\")
    }

    static func post(_ s: String) -> String {
        var s = s
        for (p, c) in zip(placeholders, characters) { s = s.replacingOccurrences(of: p, with: c) }
        return s
    }

    static func trim(_ s: String) -> String { s.trimmingCharacters(in: CharacterSet(charactersIn: " \t\n\r\0\u{0B}")) }

    /// `parse_text_with_format`: strips a leading `[format]`, unescapes, trims.
    static func textWithFormat(_ s: String) -> String {
        var text = s
        if text.hasPrefix("["), let end = text.firstIndex(of: "]"),
           ["moodle", "html", "plain", "markdown"].contains(String(text[text.index(after: text.startIndex)..<end])) {
            text = String(text[text.index(after: end)...])
        }
        return trim(post(text))
    }

    /// `^%\-*([0-9]{1,2})\.?([0-9]*)%`
    static func weight(_ answer: inout String) -> Double? {
        guard let range = answer.range(of: #"^%\-*([0-9]{1,2})\.?([0-9]*)%"#, options: .regularExpression) else { return nil }
        let inner = answer.dropFirst()
        let end = inner.firstIndex(of: "%")!
        let w = (Double(inner[..<end]) ?? 0) / 100
        answer = String(inner[inner.index(after: end)...])
        _ = range
        return w
    }

    /// `commentparser`: text before the first `#`.
    static func comment(_ answer: String) -> String {
        textWithFormat(String(answer.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0]).trimmingCharacters(in: .whitespaces))
    }

    static func parse(file: String) -> [Question] {
        // Questions are separated by blank lines; comment lines are dropped.
        var blocks: [[String]] = [[]]
        for line in file.components(separatedBy: "\n") {
            if trim(line).isEmpty {
                if !(blocks.last!.isEmpty) { blocks.append([]) }
            } else {
                blocks[blocks.count - 1].append(line)
            }
        }
        return blocks.filter { !$0.isEmpty }.compactMap(read)
    }

    static func read(_ lines: [String]) -> Question? {
        let kept = lines.map { trim($0).hasPrefix("//") ? " " : $0 }
        var text = pre(trim(kept.joined(separator: "\n")))
        guard !text.isEmpty else { return nil }
        var name = ""
        if text.hasPrefix("::") {
            text = String(text.dropFirst(2))
            if let end = text.range(of: "::") {
                name = post(String(text[..<end.lowerBound]))
                text = trim(String(text[end.upperBound...]))
            }
        }
        guard let start = text.firstIndex(of: "{"), let finish = text.firstIndex(of: "}") else { return nil }
        var answerText = trim(String(text[text.index(after: start)..<finish]))
        let questionText = String(text[..<start]) + String(text[text.index(after: finish)...])
        var generalFeedback = ""
        if let gf = answerText.range(of: "####", options: .backwards) {
            generalFeedback = String(answerText[gf.upperBound...])
            answerText = trim(String(answerText[..<gf.lowerBound]))
        }
        var q = Question(name: name, qtype: "", questionText: textWithFormat(questionText),
                         generalFeedback: textWithFormat(generalFeedback), answers: [])
        if answerText.isEmpty {
            q.qtype = "essay"
        } else if answerText.hasPrefix("#") {
            q.qtype = "numerical"
            let parts = String(answerText.dropFirst()).components(separatedBy: "=").map(trim).filter { !$0.isEmpty }
            for var part in parts {
                let w = weight(&part) ?? 1
                let a = comment(part)
                let bits = a.split(separator: ":", maxSplits: 1).map { trim(String($0)) }
                q.numbers.append((bits[0], bits.count > 1 ? bits[1] : "0"))
                q.answers.append(Answer(text: a, fraction: w))
            }
        } else if answerText.contains("~") {
            q.qtype = "multichoice"
            var answers = answerText.replacingOccurrences(of: "=", with: "~=").components(separatedBy: "~")
            if let first = answers.first, trim(first).isEmpty { answers.removeFirst() }
            for raw in answers {
                var answer = trim(raw)
                let w: Double
                if answer.hasPrefix("=") {
                    w = 1
                    answer.removeFirst()
                } else {
                    w = weight(&answer) ?? 0
                }
                q.answers.append(Answer(text: comment(answer), fraction: w))
            }
        } else if answerText.contains("=") && answerText.contains("->") {
            q.qtype = "match"
        } else if ["T", "TRUE", "F", "FALSE"].contains(trim(String(answerText.split(separator: "#", maxSplits: 1,
                                                                                           omittingEmptySubsequences: false)[0]))) {
            q.qtype = "truefalse"
        } else {
            q.qtype = "shortanswer"
            var answers = answerText.components(separatedBy: "=")
            if let first = answers.first, trim(first).isEmpty { answers.removeFirst() }
            for raw in answers {
                var answer = trim(raw)
                let w = weight(&answer) ?? 1
                q.answers.append(Answer(text: comment(answer), fraction: w))
            }
        }
        return q
    }

    /// `qtype_shortanswer_question::compare_string_with_wildcard`: runs of unescaped `*` match any
    /// text; `\*` is a literal `*`; case-insensitive when `ignoreCase`.
    static func shortAnswerMatches(_ response: String, pattern: String, ignoreCase: Bool) -> Bool {
        let bits = pattern.replacingOccurrences(of: #"(?<!\\)\*+"#, with: "\u{0}", options: .regularExpression)
            .components(separatedBy: "\u{0}")
            .map { NSRegularExpression.escapedPattern(for: $0.replacingOccurrences(of: "\\*", with: "*")) }
        let regex = "^" + bits.joined(separator: ".*") + "$"
        return trim(response).range(of: regex, options: ignoreCase ? [.regularExpression, .caseInsensitive] : .regularExpression) != nil
    }
}

/// Moodle's cloze (`qtype_multianswer`) reading of a NUMERICAL subquestion's answer
/// (question/type/multianswer/questiontype.php):
///
///     NUMBER_REGEX = '-?(([0-9]+[.,]?[0-9]*|[.,][0-9]+)([eE][-+]?[0-9]+)?)'
///     NUMERICAL_ALTERNATIVE_REGEX = '^(' . NUMBER_REGEX . ')(:' . NUMBER_REGEX . ')?$'
enum MoodleCloze {
    static let number = #"-?(([0-9]+[.,]?[0-9]*|[.,][0-9]+)([eE][-+]?[0-9]+)?)"#
    static func acceptsNumerical(_ alternative: String) -> Bool {
        alternative.range(of: "^(" + number + ")(:" + number + ")?$", options: .regularExpression) != nil
    }
}
