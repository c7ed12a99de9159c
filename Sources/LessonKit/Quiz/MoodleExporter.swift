import Foundation

/// Moodle XML (`<quiz>`): numeric questions as `numerical` with an absolute tolerance, choice
/// questions as single-answer `multichoice` (options in lesson order, numbered 1, 2, 3), text
/// questions as case-insensitive `shortanswer` (a literal `*` escaped as `\*`, Moodle's wildcard).
enum MoodleExporter {
    static func xml(questions: [Question], title: String) -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<quiz>\n"
        out += "<!-- \(comment(title)): exported by lessonbuild; answers computed when the lesson was built -->\n"
        for question in questions {
            out += self.question(question)
        }
        return out + "</quiz>\n"
    }

    private static func question(_ q: Question) -> String {
        let type: String
        var body = ""
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
        }
        return """
          <question type="\(type)">
            <name><text>\(XMLEscaping.escape(q.id))</text></name>
            <questiontext format="html"><text>\(XMLEscaping.escape(q.promptHTML))</text></questiontext>
            <defaultgrade>1</defaultgrade>
            <penalty>0</penalty>
            <hidden>0</hidden>
        \(body)  </question>

        """
    }

    /// Text safe inside an XML comment (no `--`).
    static func comment(_ text: String) -> String {
        XMLEscaping.escape(text).replacingOccurrences(of: "--", with: "- -")
    }
}
