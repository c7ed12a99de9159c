import Foundation

/// Moodle's GIFT format, `::ID::[html]PROMPT{ANSWER####EXPLANATION}` with the answer part from the
/// question's kind (`QuizKind.gift`), written so that Moodle's importer (`qformat_gift::readquestion`)
/// reads every prompt, option and answer literally:
///
/// - numeric: `::ID::[html]PROMPT{#VALUE:TOLERANCE}`;
/// - choice: `{=right ~wrong …}` (options in lesson order); a wrong option whose text starts with
///   `%` gets an explicit `%0%` weight, since Moodle reads a leading `%N%` as N% credit;
/// - text: `{%100%ANSWER}` with no `=`: Moodle reads an answer part holding both `=` and `->` as a
///   matching question, and a single answer with an explicit 100% weight as a short answer. In the
///   answer, `*` (Moodle's short-answer wildcard) is written `\*`;
/// - an explanation after `+++` is general feedback: `####HTML` before the closing `}`;
/// - a question with variants: `$CATEGORY: LESSON/ID` and one question per variant (`ID-v1`, …),
///   then `$CATEGORY: LESSON` for the questions after it (the lesson's own questions are in
///   `LESSON`; category lines are written only when the lesson has variants).
///
/// In all text GIFT's special characters `~ = # { } :` and the backslash are escaped with a
/// backslash, and line breaks are written `\n`, so that each question stays one paragraph.
/// Refused, naming the question: `matrix` questions (GIFT has no cloze), and a text answer that
/// holds one of the importer's placeholders (`&&058;` …), which it would turn into other characters.
///
///     GIFTExporter.escape("a = {b}: c")   // a \= \{b\}\: c
enum GIFTExporter {
    static func text(questions: [Question], title: String, lessonName: String) throws(QuizExporter.Refusal) -> String {
        var out = "// \(title.replacingOccurrences(of: "\n", with: " ")): exported by lessonbuild\n"
        out += "// answers computed when the lesson was built\n\n"
        let hasVariants = questions.contains { !$0.variants.isEmpty }
        if hasVariants { out += "$CATEGORY: \(QuizExporter.category(lessonName: lessonName))\n\n" }
        for question in questions {
            guard !question.variants.isEmpty else {
                out += try self.question(question)
                continue
            }
            out += "$CATEGORY: \(QuizExporter.category(lessonName: lessonName, question: question))\n\n"
            for variant in QuizExporter.variantQuestions(question) { out += try self.question(variant) }
            out += "$CATEGORY: \(QuizExporter.category(lessonName: lessonName))\n\n"
        }
        return out
    }

    private static func question(_ q: Question) throws(QuizExporter.Refusal) -> String {
        var out = "::\(escape(q.id))::[html]\(escape(q.promptHTML.trimmingCharacters(in: .newlines)))"
        let answer = try QuizKinds.of(q).gift(q)
        let feedback = q.explanationHTML.map { "####" + escape($0.trimmingCharacters(in: .newlines)) } ?? ""
        // A multi-line answer part (choice options) keeps the feedback on its own line.
        out += "{" + answer + (answer.hasSuffix("\n") && !feedback.isEmpty ? feedback + "\n" : feedback) + "}\n\n"
        return out
    }

    /// The placeholders `qformat_gift::escapedchar_pre` uses for escaped characters.
    static let placeholders = ["&&058;", "&&035;", "&&061;", "&&123;", "&&125;", "&&126;", "&&010", "&&092;"]

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
