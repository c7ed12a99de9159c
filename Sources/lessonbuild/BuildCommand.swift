import ArgumentParser
import Foundation
import LessonKit

/// `lessonbuild [build] PATH... [--out DIR] [--check]`
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build lessons into an HTML site (the default command).",
        discussion: """
        Each lesson PATH.md becomes DIR/<name>.html; DIR/index.html lists every lesson page in \
        DIR, and DIR/lessonbuild.css styles them. A folder argument builds every .md file in it. \
        Nothing is written unless every lesson builds; each file is replaced atomically.

        Example:
          lessonbuild lessons/cnn.md            writes site/cnn.html, site/index.html, site/lessonbuild.css
          lessonbuild lessons --check           exits 1 naming each stale or missing file in site/
        """
    )

    @Argument(help: "Lesson files (.md) or folders of lessons.")
    var paths: [String]

    @Option(name: .shortAndLong, help: "The site folder.")
    var out: String = "site"

    @Flag(help: "Build in memory and exit 1 naming each stale or missing file; write nothing.")
    var check = false

    @Flag(name: .shortAndLong, help: "Print nothing on success.")
    var quiet = false

    func validate() throws {
        guard !paths.isEmpty else { throw ValidationError("give at least one lesson file or folder") }
        guard !out.isEmpty else { throw ValidationError("--out needs a folder name, got an empty one") }
    }

    func run() throws {
        let lessons: [String]
        do {
            lessons = try LessonFiles.expand(paths)
        } catch {
            throw ValidationError("\(error)")
        }
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: out, isDirectory: &isFolder), !isFolder.boolValue {
            CommandLineError.print("--out \(out) is a file, not a folder; give the site folder (it is created if missing)")
            throw ExitCode(1)
        }
        let diagnostics = DiagnosticEngine()
        let builder = SiteBuilder(outputDirectory: out, diagnostics: diagnostics)
        guard let files = builder.render(lessonPaths: lessons) else {
            printDiagnostics(diagnostics)
            throw ExitCode(1)
        }
        if check {
            let stale = builder.staleFiles(files)
            for name in stale {
                let path = (out as NSString).appendingPathComponent(name)
                let state = FileManager.default.fileExists(atPath: path) ? "stale" : "missing"
                FileHandle.standardError.write(Data("\(path): \(state)\n".utf8))
            }
            if !stale.isEmpty { throw ExitCode(1) }
            if !quiet { print("\(out) is up to date (\(lessons.count) lesson\(lessons.count == 1 ? "" : "s"))") }
            return
        }
        do {
            try builder.write(files)
        } catch {
            CommandLineError.print("cannot write the site into \(out): \(CommandLineError.reason(error))")
            throw ExitCode(1)
        }
        if !quiet {
            print("built \(lessons.count) lesson\(lessons.count == 1 ? "" : "s") into \(out)/")
        }
    }
}
