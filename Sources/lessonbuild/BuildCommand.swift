import ArgumentParser
import LessonKit

// TEMPORARY stub, replaced by the owner of `lessonbuild build`.
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "build")
    func run() throws {}
}
