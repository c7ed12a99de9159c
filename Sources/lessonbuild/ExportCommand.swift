import ArgumentParser
import Foundation
import LessonKit

/// `lessonbuild export LESSON --format moodle|qti|gift|scorm|json [--out FILE]`: the lesson's questions with
/// their computed answers, for a learning platform. Text formats go to standard output without
/// `--out`; the QTI and SCORM zips need `--out`.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export the lesson's quiz as Moodle XML, a QTI 2.1 package (zip), GIFT, a SCORM 1.2 package (zip) or JSON data."
    )

    @Argument(help: "The lesson file (Markdown).")
    var lesson: String

    @Option(help: "moodle (Moodle XML), qti (QTI 2.1 content package, zip), gift, scorm (SCORM 1.2 package, zip), or json (every variant's given values, prompt and answer).")
    var format: QuizExporter.Format

    @Option(help: "The file to write (default: standard output; required for qti and scorm).")
    var out: String?

    func validate() throws {
        if (format == .qti || format == .scorm) && out == nil {
            throw ValidationError("--format \(format.rawValue) writes a zip package; give --out FILE (e.g. --out quiz.zip)")
        }
    }

    func run() throws {
        let evaluated = try CommandOutput.evaluate(lesson)
        var pageFiles: [String: String] = [:]
        if format == .scorm {
            // The page as the site has it, its stylesheet, and an index for its "All lessons" link.
            pageFiles = ["index.html": IndexRenderer.render([evaluated]), Stylesheet.fileName: Stylesheet.css]
            pageFiles[evaluated.name + ".html"] = PageRenderer.render(evaluated)
        }
        try CommandOutput.finish(QuizCommands.export(evaluated, format: format, outPath: out, pageFiles: pageFiles))
    }
}

extension QuizExporter.Format: ExpressibleByArgument {}
