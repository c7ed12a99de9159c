import Foundation
import LessonServe

// `lessonbuild-serve --out DIR --host HOST --port PORT -- PATH...`: run by `lessonbuild serve`
// (which parses and checks the user's options) through exec. Exit status: 0 stopped by
// SIGINT/SIGTERM, 1 the server could not run, 2 bad arguments.

func usage() -> Never {
    FileHandle.standardError.write(Data("usage: lessonbuild-serve --out DIR --host HOST --port PORT -- PATH... (run `lessonbuild serve`)\n".utf8))
    exit(2)
}

var arguments = Array(CommandLine.arguments.dropFirst())
var out = "site", host = "127.0.0.1", port: UInt16 = 8000
while let first = arguments.first, first != "--" {
    guard arguments.count >= 2 else { usage() }
    switch first {
    case "--out": out = arguments[1]
    case "--host": host = arguments[1]
    case "--port": port = UInt16(arguments[1]) ?? { usage() }()
    default: usage()
    }
    arguments.removeFirst(2)
}
guard arguments.first == "--", arguments.count > 1 else { usage() }
let server = LessonServer(
    options: .init(paths: Array(arguments.dropFirst()), outputDirectory: out, host: host, port: port),
    log: { line in FileHandle.standardOutput.write(Data((line + "\n").utf8)) },
    logError: { line in FileHandle.standardError.write(Data((line + "\n").utf8)) }
)
do {
    try server.run()
} catch {
    FileHandle.standardError.write(Data("error: \(error)\n".utf8))
    exit(1)
}
