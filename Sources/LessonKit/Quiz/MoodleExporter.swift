import Foundation

/// Moodle XML (`<quiz>`): numeric questions as `numerical` with an absolute tolerance, choice
/// questions as single-answer `multichoice` (options in lesson order, numbered 1, 2, 3), text
/// questions as case-insensitive `shortanswer` (a literal `*` escaped as `\*`, Moodle's wildcard),
/// matrix questions with `:partial: true` as a cloze (`multianswer`) question: a table with one
/// `{1:NUMERICAL:=VALUE:TOLERANCE}` subquestion per cell, each labelled with its row and column.
/// An explanation after `+++` is the question's `<generalfeedback>`.
///
/// A matrix question without `:partial: true` is refused: Moodle scores each cloze cell on its own,
/// so it cannot give all-or-nothing credit as `lessonbuild grade` does.
enum MoodleExporter {
    static func xml(questions: [Question], title: String) throws(QuizExporter.Refusal) -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<quiz>\n"
        out += "<!-- \(comment(title)): exported by lessonbuild; answers computed when the lesson was built -->\n"
        for question in questions {
            out += try self.question(question)
        }
        return out + "</quiz>\n"
    }

    private static func question(_ q: Question) throws(QuizExporter.Refusal) -> String {
        let type: String
        var body = ""
        var prompt = q.promptHTML
        switch q.answer {
        case let .numeric(value, tolerance, _):
            type = "numerical"
            body += "    <answer fraction=\"100\" format=\"moodle_auto_format\">\n"
            body += "      <text>\(QuizNumber.text(value))</text>\n"
            body += "      <tolerance>\(QuizNumber.text(tolerance))</tolerance>\n"
            body += "      <feedback format=\"html\"><text></text></feedback>\n    </answer>\n"
        case let .choice(right):
            type = "multichoice"
            body += "    <single>true</single>\n    <shuffleanswers>0</shuffleanswers>\n    <answernumbering>123</answernumbering>\n"
            for (n, option) in q.optionsHTML.enumerated() {
                body += "    <answer fraction=\"\(n + 1 == right ? 100 : 0)\" format=\"html\">\n"
                body += "      <text>\(XMLEscaping.escape(option))</text>\n"
                body += "      <feedback format=\"html\"><text></text></feedback>\n    </answer>\n"
            }
        case let .text(answer):
            type = "shortanswer"
            body += "    <usecase>0</usecase>\n"
            body += "    <answer fraction=\"100\" format=\"moodle_auto_format\">\n"
            body += "      <text>\(XMLEscaping.escape(answer.replacingOccurrences(of: "*", with: "\\*")))</text>\n"
            body += "      <feedback format=\"html\"><text></text></feedback>\n    </answer>\n"
        case let .matrix(m):
            guard m.partial else {
                throw QuizExporter.Refusal(
                    questionID: q.id, location: q.location, format: "Moodle XML",
                    reason: "Moodle's cloze questions score each cell on its own, so they cannot give this matrix question's "
                        + "all-or-nothing credit; add `:partial: true` to export it (or use --format qti)")
            }
            type = "cloze"
            prompt += clozeTable(m)
        }
        let feedback = q.explanationHTML.map {
            "    <generalfeedback format=\"html\"><text>\(XMLEscaping.escape($0))</text></generalfeedback>\n"
        } ?? ""
        return """
          <question type="\(type)">
            <name><text>\(XMLEscaping.escape(q.id))</text></name>
            <questiontext format="html"><text>\(XMLEscaping.escape(prompt))</text></questiontext>
        \(feedback)    <defaultgrade>1</defaultgrade>
            <penalty>0</penalty>
            <hidden>0</hidden>
        \(body)  </question>

        """
    }

    /// An HTML table of cloze subquestions, one per cell: `{1:NUMERICAL:=0.852:0.001}`.
    static func clozeTable(_ m: Question.MatrixAnswer) -> String {
        var html = "<table>\n<thead><tr><td></td>"
        for c in 1...m.columns { html += "<th scope=\"col\">Column \(c)</th>" }
        html += "</tr></thead>\n<tbody>\n"
        for r in 0..<m.rows {
            html += "<tr><th scope=\"row\">Row \(r + 1)</th>"
            for c in 0..<m.columns {
                let value = m.values[r * m.columns + c]
                html += "<td>{1:NUMERICAL:=\(QuizNumber.text(value)):\(QuizNumber.text(m.tolerance))}</td>"
            }
            html += "</tr>\n"
        }
        return html + "</tbody>\n</table>\n"
    }

    /// Text safe inside an XML comment (no `--`).
    static func comment(_ text: String) -> String {
        XMLEscaping.escape(text).replacingOccurrences(of: "--", with: "- -")
    }
}
