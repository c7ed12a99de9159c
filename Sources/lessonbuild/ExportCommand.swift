import ArgumentParser
import Foundation
import LessonKit

/// `lessonbuild export LESSON --format moodle|qti|gift [--out FILE]`: the lesson's questions with
/// their computed answers, for a learning platform. Text formats go to standard output without
/// `--out`; the QTI zip needs `--out`.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export the lesson's quiz as Moodle XML, a QTI 2.1 package or GIFT."
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
        let diagnostics = DiagnosticEngine()
        guard let evaluated = LessonPipeline.evaluate(path: lesson, diagnostics: diagnostics), !diagnostics.hasErrors else {
            CommandOutput.printDiagnostics(diagnostics)
            throw ExitCode(1)
        }
        CommandOutput.printDiagnostics(diagnostics)
        let data: Data
        do {
            data = try QuizExporter.export(evaluated, format: format)
        } catch let error as QuizExporter.NoQuestions {
            CommandOutput.error(error.description)
            throw ExitCode(1)
        } catch {
            CommandOutput.error("\(lesson): error: cannot export (\(error))")
            throw ExitCode(1)
        }
        guard let out else {
            FileHandle.standardOutput.write(data)
            return
        }
        do {
            try data.write(to: URL(fileURLWithPath: out), options: .atomic)
        } catch {
            CommandOutput.error("\(out): error: cannot write (\(error.localizedDescription))")
            throw ExitCode(1)
        }
    }
}

extension QuizExporter.Format: ExpressibleByArgument {}
