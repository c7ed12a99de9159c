import ArgumentParser
import LessonKit

// TEMPORARY stub, replaced by the owner of `lessonbuild export`.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "export")
    func run() throws {}
}
