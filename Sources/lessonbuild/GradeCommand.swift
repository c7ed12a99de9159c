import ArgumentParser
import Foundation
import LessonKit

/// `lessonbuild grade LESSON RESPONSES [--json] [--gradebook FILE]`: grades responses against the
/// answers computed from the lesson. Exit 0 when graded (passed or not), 1 on a bad lesson or bad
/// responses, 2 on a usage error.
struct GradeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "grade",
        abstract: "Grade learners' responses against the lesson's computed answers.",
        discussion: """
        RESPONSES is JSON for one learner ({"q1": "112", "q2": 2}) or CSV for a class \
        (header learner,q1,q2,… and one learner a row). Prints each verdict, the score and \
        passed/not passed; for a CSV also a gradebook (learner,score,passed).
        """
    )

    @Argument(help: "The lesson file (Markdown).")
    var lesson: String

    @Argument(help: "The responses file: JSON (one learner) or CSV (a class).")
    var responses: String

    @Flag(help: "Print the report as JSON.")
    var json = false

    @Option(help: "Write the class gradebook CSV to this file instead of standard output.")
    var gradebook: String?

    func run() throws {
        let diagnostics = DiagnosticEngine()
        guard let evaluated = LessonPipeline.evaluate(path: lesson, diagnostics: diagnostics), !diagnostics.hasErrors else {
            CommandOutput.printDiagnostics(diagnostics)
            throw ExitCode(1)
        }
        CommandOutput.printDiagnostics(diagnostics)
        guard !evaluated.questions.isEmpty else {
            CommandOutput.error("\(lesson): error: the lesson has no `{question}` blocks to grade")
            throw ExitCode(1)
        }
        let read: Responses
        do {
            read = try ResponseReader.read(path: responses)
            try read.check(questionIDs: evaluated.questions.map(\.id), path: responses)
        } catch {
            CommandOutput.error(error.description)
            throw ExitCode(1)
        }
        var report = Grader.grade(lessonName: evaluated.name, questions: evaluated.questions, panel: evaluated.quiz,
                                  responses: read)
        if let gradebook {
            do {
                try Data(report.gradebookCSV.utf8).write(to: URL(fileURLWithPath: gradebook), options: .atomic)
            } catch {
                CommandOutput.error("\(gradebook): error: cannot write the gradebook (\(error.localizedDescription))")
                throw ExitCode(1)
            }
            report.isClass = false
        }
        print(json ? report.json : report.text, terminator: "")
    }
}

/// Writing to standard error for the quiz commands.
enum CommandOutput {
    static func error(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    static func printDiagnostics(_ diagnostics: DiagnosticEngine) {
        for diagnostic in diagnostics.sorted { error(diagnostic.description) }
    }
}
