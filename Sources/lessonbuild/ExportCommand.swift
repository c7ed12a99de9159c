import ArgumentParser
import Foundation
import LessonKit

/// `lessonbuild export LESSON --format moodle|qti|gift [--out FILE]`: the lesson's questions with
/// their computed answers, for a learning platform. Text formats go to standard output without
/// `--out`; the QTI zip needs `--out`.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export the lesson's quiz as Moodle XML, a QTI 2.1 package (zip) or GIFT."
    )

    @Argument(help: "The lesson file (Markdown).")
    var lesson: String

    @Option(help: "moodle (Moodle XML), qti (QTI 2.1 content package, zip) or gift.")
    var format: QuizExporter.Format

    @Option(help: "The file to write (default: standard output; required for qti).")
    var out: String?

    func validate() throws {
        if format == .qti && out == nil {
            throw ValidationError("--format qti writes a zip package; give --out FILE (e.g. --out quiz.zip)")
        }
    }

    func run() throws {
        let evaluated = try CommandOutput.evaluate(lesson)
        try CommandOutput.finish(QuizCommands.export(evaluated, format: format, outPath: out))
    }
}

extension QuizExporter.Format: ExpressibleByArgument {}
