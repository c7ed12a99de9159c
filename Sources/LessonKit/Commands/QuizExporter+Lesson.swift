import Foundation

extension QuizExporter {
    /// `pageFiles` are the lesson page and its files by name (`cnn.html`, `lessonbuild.css`, …),
    /// rendered by the caller (Render comes after Quiz); only `.scorm` uses them.
    public static func export(_ lesson: EvaluatedLesson, format: Format, pageFiles: [String: String] = [:]) throws -> Data {
        guard !lesson.questions.isEmpty else { throw NoQuestions(path: lesson.path) }
        if format == .scorm {
            return try SCORMExporter.package(files: pageFiles, launchPage: lesson.name + ".html", lessonName: lesson.name,
                                             title: lesson.title, passMark: lesson.quiz?.passMark ?? QuizPanel.defaultPassMark)
        }
        return try export(questions: lesson.questions, panel: lesson.quiz, lessonName: lesson.name,
                          title: lesson.title, format: format)
    }
}
