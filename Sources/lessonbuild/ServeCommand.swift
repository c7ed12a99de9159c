import ArgumentParser
import Foundation
import LessonKit

/// `lessonbuild serve [PATH...] [--port 8000] [--host 127.0.0.1] [--out DIR]`: checks the options
/// and hands over (exec) to `lessonbuild-serve` beside this binary, which builds, serves and
/// watches (`LessonServe`). The server is a program of its own so that `lessonbuild` itself does
/// not load FlyingFox's networking libraries on every build.
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
        let helper = Self.helperPath()
        guard FileManager.default.isExecutableFile(atPath: helper) else {
            FileHandle.standardError.write(Data("""
                error: \(helper) is missing; build it with `swift build --product lessonbuild-serve` \
                (or `swift build`, which builds both)

                """.utf8))
            throw ExitCode(1)
        }
        let arguments = [helper, "--out", out, "--host", host, "--port", String(port), "--"] + paths
        var argv = arguments.map { strdup($0) } + [nil]
        execv(helper, &argv)
        FileHandle.standardError.write(Data("error: cannot run \(helper): \(String(cString: strerror(errno)))\n".utf8))
        throw ExitCode(1)
    }

    /// `lessonbuild-serve` in the folder of this executable (links resolved).
    static func helperPath() -> String {
        let me = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        return ((me as NSString).deletingLastPathComponent as NSString).appendingPathComponent("lessonbuild-serve")
    }
}
