import ArgumentParser
import Foundation
import LessonKit

@main
struct Lessonbuild: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lessonbuild",
        abstract: "Build literate lessons: every number, table, output and quiz answer computed at build time.",
        discussion: """
        Exit status: 0 success, 1 lesson errors (or a stale site with --check, a failed \
        verification or bad responses), 2 usage errors.
        """,
        subcommands: [BuildCommand.self, VerifyCommand.self, GradeCommand.self, ExportCommand.self, ServeCommand.self],
        defaultSubcommand: BuildCommand.self
    )

    /// Parses and runs the command. Every failure ends in one line on standard error,
    /// `lessonbuild: error: …` (lesson problems print their own `PATH:LINE:COL: error: …` lines
    /// first and exit with `ExitCode`); usage errors exit 2 (ArgumentParser uses 64).
    static func main() {
        AllocatorTuning.apply()
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let code as ExitCode {
            exit(withError: code)
        } catch {
            let code = exitCode(for: error)
            guard code != .success else { exit(withError: error) }  // --help, --version
            CommandLineError.print(message(for: error))
            Foundation.exit(code == .validationFailure ? 2 : code.rawValue)
        }
    }
}

/// The one-line form of every failure that has no lesson location.
enum CommandLineError {
    /// Prints `lessonbuild: error: MESSAGE` on one line (any line breaks in `message` joined with "; ").
    static func print(_ message: String) {
        let line = message.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }.joined(separator: "; ")
        FileHandle.standardError.write(Data("lessonbuild: error: \(line.isEmpty ? "failed" : line)\n".utf8))
    }

    /// A Foundation or POSIX error as a short reason ("Permission denied"), never a raw dump.
    static func reason(_ error: any Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? any Error {
            let posix = underlying as NSError
            if posix.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(posix.code))) }
        }
        if nsError.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(nsError.code))) }
        if nsError.domain == NSCocoaErrorDomain { return "file system error \(nsError.code)" }
        return "\(error)"
    }
}

/// Writes diagnostics to standard error, one per line (each followed by its notes), sorted by
/// file and position.
func printDiagnostics(_ diagnostics: DiagnosticEngine) {
    let text = DiagnosticPrinter.text(diagnostics)
    FileHandle.standardError.write(Data(text.utf8))
}
