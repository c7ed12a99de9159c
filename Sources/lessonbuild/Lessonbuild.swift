import ArgumentParser
import LessonKit

@main
struct Lessonbuild: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lessonbuild",
        abstract: "Build literate lessons: every number, table, output and quiz answer computed at build time.",
        subcommands: [BuildCommand.self, VerifyCommand.self, GradeCommand.self, ExportCommand.self],
        defaultSubcommand: BuildCommand.self
    )
}
