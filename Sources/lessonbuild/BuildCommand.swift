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
        Nothing is written unless every lesson builds; then the site changes as one transaction \
        (every file staged, then renamed into place; a concurrent build waits). Building a folder \
        removes the pages of lessons deleted from it. DIR/lessonbuild-manifest.json records \
        which lesson owns each file.

        Example:
          lessonbuild lessons/cnn.md            writes site/cnn.html, site/index.html, site/lessonbuild.css
          lessonbuild lessons --check           exits 1 naming each stale, missing or unexpected file in site/
        """
    )

    @Argument(help: "Lesson files (.md) or folders of lessons.")
    var paths: [String]

    @Option(name: .shortAndLong, help: "The site folder.")
    var out: String = "site"

    @Flag(help: "Build in memory and exit 1 naming each stale, missing or unexpected file; write nothing.")
    var check = false

    @Flag(name: .shortAndLong, help: "Print nothing on success.")
    var quiet = false

    func validate() throws {
        guard !paths.isEmpty else { throw ValidationError("give at least one lesson file or folder") }
    }

    func run() throws {
        let lessons: [String]
        do {
            lessons = try LessonFiles.expand(paths)
        } catch {
            throw ValidationError("\(error)")
        }
        let diagnostics = DiagnosticEngine()
        let builder = SiteBuilder(outputDirectory: out, diagnostics: diagnostics)
        guard let files = builder.render(lessonPaths: lessons, folders: LessonFiles.folders(paths)) else {
            printDiagnostics(diagnostics)
            throw ExitCode(1)
        }
        do {
            if check {
                let problems = try builder.check(files)
                for problem in problems { FileHandle.standardError.write(Data("\(problem)\n".utf8)) }
                if !problems.isEmpty { throw ExitCode(1) }
                if !quiet { print("\(out) is up to date (\(lessons.count) lesson\(lessons.count == 1 ? "" : "s"))") }
                return
            }
            try builder.write(files)
        } catch let error as SiteError {
            FileHandle.standardError.write(Data("lessonbuild: error: \(error)\n".utf8))
            throw ExitCode(1)
        }
        if !quiet {
            print("built \(lessons.count) lesson\(lessons.count == 1 ? "" : "s") into \(out)/")
        }
    }
}
