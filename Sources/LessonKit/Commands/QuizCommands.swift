import Foundation

/// What a command produced: bytes for standard output, lines for standard error, an exit status.
public struct CommandResult: Sendable, Equatable {
    public var stdout: Data
    public var stderr: [String]
    /// 0 done, 1 bad input.
    public var status: Int32
    public init(stdout: Data = Data(), stderr: [String] = [], status: Int32 = 0) {
        self.stdout = stdout
        self.stderr = stderr
        self.status = status
    }
}

/// The work of `lessonbuild grade` and `lessonbuild export` after the lesson is evaluated, so that
/// the commands stay thin and this is testable without spawning a process.
public enum QuizCommands {
    /// Grades the responses file at `responsesPath`: the text report (or JSON with `json`), and for a
    /// class the gradebook, on stdout or written to `gradebookPath`.
    ///
    /// Exit status 0 when graded (passed or not); 1 when the lesson has no questions, the responses are
    /// malformed (`RESPONSES:LINE: error: …`, `RESPONSES:LINE:COL: error: …` for JSON) or the gradebook
    /// cannot be written. Each `invalid` response (unreadable as its question's kind) is also a
    /// warning on standard error naming the learner and the question.
    public static func grade(_ lesson: EvaluatedLesson, responsesPath: String, json: Bool, gradebookPath: String?) -> CommandResult {
        guard !lesson.questions.isEmpty else {
            return CommandResult(stderr: ["\(lesson.path): error: the lesson has no `{question}` blocks to grade"], status: 1)
        }
        let responses: Responses
        do {
            responses = try ResponseReader.read(path: responsesPath)
            try responses.check(questionIDs: lesson.questions.map(\.id), path: responsesPath)
            let counts = lesson.questions.filter { !$0.variants.isEmpty }.map { ($0.id, $0.variants.count) }
            try responses.check(variantCounts: Dictionary(counts, uniquingKeysWith: { first, _ in first }), path: responsesPath)
        } catch {
            return CommandResult(stderr: [error.description], status: 1)
        }
        var report = Grader.grade(lessonName: lesson.name, questions: lesson.questions, panel: lesson.quiz, responses: responses)
        let warnings = report.invalidWarnings(path: responsesPath)
        if let gradebookPath {
            do {
                try Data(report.gradebookCSV.utf8).write(to: URL(fileURLWithPath: gradebookPath), options: .atomic)
            } catch {
                return CommandResult(stderr: ["\(gradebookPath): error: cannot write the gradebook (\(error.localizedDescription))"], status: 1)
            }
            report.isClass = false
        }
        return CommandResult(stdout: Data((json ? report.json : report.text).utf8), stderr: warnings)
    }

    /// Exports the quiz; with `outPath` writes the file (atomically), otherwise returns the bytes.
    /// `pageFiles` (the rendered page and its files) are needed for `.scorm`. A question the format
    /// cannot carry is an error at the question: `PATH:LINE:COL: error: GIFT cannot carry question …`.
    public static func export(_ lesson: EvaluatedLesson, format: QuizExporter.Format, outPath: String?,
                              pageFiles: [String: String] = [:]) -> CommandResult {
        let data: Data
        do {
            data = try QuizExporter.export(lesson, format: format, pageFiles: pageFiles)
        } catch let error as QuizExporter.NoQuestions {
            return CommandResult(stderr: [error.description], status: 1)
        } catch let refusal as QuizExporter.Refusal {
            return CommandResult(stderr: [refusal.description(path: lesson.path)], status: 1)
        } catch {
            return CommandResult(stderr: ["\(lesson.path): error: cannot export the quiz (\(error))"], status: 1)
        }
        guard let outPath else { return CommandResult(stdout: data) }
        do {
            try data.write(to: URL(fileURLWithPath: outPath), options: .atomic)
        } catch {
            return CommandResult(stderr: ["\(outPath): error: cannot write (\(error.localizedDescription))"], status: 1)
        }
        return CommandResult()
    }
}
