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

    /// Parses and runs the command, mapping usage errors to exit status 2 (ArgumentParser uses 64).
    static func main() {
        AllocatorTuning.apply()
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}

/// Writes diagnostics to standard error, one per line (each followed by its notes), sorted by
/// file and position.
func printDiagnostics(_ diagnostics: DiagnosticEngine) {
    let text = DiagnosticPrinter.text(diagnostics)
    FileHandle.standardError.write(Data(text.utf8))
}
