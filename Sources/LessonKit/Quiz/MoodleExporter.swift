import Foundation

/// Moodle XML (`<quiz>`): one `<question>` per question, its type, answers and any addition to the
/// prompt from its kind (`QuizKind.moodle`: `numerical`, `multichoice`, `shortanswer`, `cloze`).
/// An explanation after `+++` is the question's `<generalfeedback>`.
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
        let (type, promptSuffix, body) = try QuizKinds.of(q).moodle(q)
        let feedback = q.explanationHTML.map {
            "    <generalfeedback format=\"html\"><text>\(XMLEscaping.escape($0))</text></generalfeedback>\n"
        } ?? ""
        return """
          <question type="\(type)">
            <name><text>\(XMLEscaping.escape(q.id))</text></name>
            <questiontext format="html"><text>\(XMLEscaping.escape(q.promptHTML + promptSuffix))</text></questiontext>
        \(feedback)    <defaultgrade>1</defaultgrade>
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
