import ArgumentParser
import Foundation
import LessonKit
import LessonServe

/// `lessonbuild serve [PATH...] [--port 8000] [--host 127.0.0.1] [--out DIR]`
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Build the site, serve it, and rebuild on every save; open pages update themselves.",
        discussion: """
        Builds exactly as `lessonbuild build` does (the files in DIR are the same bytes), serves DIR \
        over HTTP, and watches the lesson folders: a saved lesson, course.yml, imported file or \
        image rebuilds what it affects, and open pages refresh in place, keeping their scroll \
        position. While a lesson has errors its page shows them over the last good version. \
        Ctrl-C stops the server.

        Example:
          lessonbuild serve lessons              http://127.0.0.1:8000/
          lessonbuild serve lessons --port 0     any free port (printed)
        """
    )

    @Argument(help: "Lesson files (.md) or folders of lessons.")
    var paths: [String] = ["lessons"]

    @Option(name: .shortAndLong, help: "The site folder.")
    var out: String = "site"

    @Option(help: "The address to listen on.")
    var host: String = "127.0.0.1"

    @Option(help: "The port to listen on (0: any free port).")
    var port: UInt16 = 8000

    func validate() throws {
        do {
            _ = try LessonFiles.expand(paths)
        } catch {
            throw ValidationError("\(error)")
        }
    }

    func run() throws {
        let server = LessonServer(
            options: .init(paths: paths, outputDirectory: out, host: host, port: port),
            log: { line in FileHandle.standardOutput.write(Data((line + "\n").utf8)) },
            logError: { line in FileHandle.standardError.write(Data((line + "\n").utf8)) }
        )
        do {
            try server.run()
        } catch {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitCode(1)
        }
    }
}
