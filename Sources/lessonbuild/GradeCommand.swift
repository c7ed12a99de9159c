import ArgumentParser
import LessonKit

// TEMPORARY stub, replaced by the owner of `lessonbuild grade`.
struct GradeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "grade")
    func run() throws {}
}
