import Foundation

/// Moodle XML (`<quiz>`): one `<question>` per question, its type, answers and any addition to the
/// prompt from its kind (`QuizKind.moodle`: `numerical`, `multichoice`, `shortanswer`, `cloze`).
/// An explanation after `+++` is the question's `<generalfeedback>`.
enum MoodleExporter {
    ///
    /// A question with variants becomes a category `LESSON/ID` holding one question per variant
    /// (`ID-v1`, …), for a quiz's "random question" slot; the other questions are in the category
    /// `LESSON` (categories are written only when the lesson has variants).
    static func xml(questions: [Question], title: String, lessonName: String) throws(QuizExporter.Refusal) -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<quiz>\n"
        out += "<!-- \(comment(title)): exported by lessonbuild; answers computed when the lesson was built -->\n"
        let hasVariants = questions.contains { !$0.variants.isEmpty }
        if hasVariants { out += category(QuizExporter.category(lessonName: lessonName)) }
        for question in questions {
            guard !question.variants.isEmpty else {
                out += try self.question(question)
                continue
            }
            out += category(QuizExporter.category(lessonName: lessonName, question: question))
            for variant in QuizExporter.variantQuestions(question) { out += try self.question(variant) }
            out += category(QuizExporter.category(lessonName: lessonName))
        }
        return out + "</quiz>\n"
    }

    /// A pseudo-question that puts the questions after it into category `path`.
    private static func category(_ path: String) -> String {
        "  <question type=\"category\">\n    <category><text>\(XMLEscaping.escape(path))</text></category>\n  </question>\n\n"
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
