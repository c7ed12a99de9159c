import ArgumentParser
import LessonKit

// TEMPORARY stub, replaced by the owner of `lessonbuild verify`.
struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "verify")
    func run() throws {}
}
