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
        let evaluated = try CommandOutput.evaluate(lesson)
        try CommandOutput.finish(QuizCommands.grade(evaluated, responsesPath: responses, json: json, gradebookPath: gradebook))
    }
}

/// Shared plumbing of the quiz commands: evaluate the lesson, print a `CommandResult`.
enum CommandOutput {
    static func error(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    /// The evaluated lesson, or exit 1 after printing its diagnostics.
    static func evaluate(_ path: String) throws -> EvaluatedLesson {
        let diagnostics = DiagnosticEngine()
        let evaluated = LessonPipeline.evaluate(path: path, diagnostics: diagnostics)
        printDiagnostics(diagnostics)
        guard let evaluated, !diagnostics.hasErrors else { throw ExitCode(1) }
        return evaluated
    }

    static func finish(_ result: CommandResult) throws {
        for line in result.stderr { error(line) }
        FileHandle.standardOutput.write(result.stdout)
        if result.status != 0 { throw ExitCode(result.status) }
    }
}
