import Foundation
import Testing
import TestSupport
@testable import LessonKit

/// The site as a transaction: the manifest, staging, the lock, removing what no lesson owns, and
/// `--check`. Hashes and the manifest's form are checked by Python (`hashlib`, `json`); the
/// write-failure cases run the built binary and compare every byte of the folder before and after.
@Suite("Site transaction", .serialized)
struct SiteTransactionTests {
    static func lesson(_ title: String, _ body: String = "Some text.", figure: String? = nil) -> String {
        var text = "---\ntitle: \(title)\nsummary: About \(title).\n---\n\n\(body)\n"
        if let figure { text += "\n```{figure} image(\(figure))\n:caption: A figure.\n```\n" }
        return text
    }

    /// A fresh folder with `lessons/` holding `files` and an empty place for `site/`.
    static func workspace(_ files: [String: String]) throws -> (root: URL, lessons: URL, site: URL) {
        let root = try temporaryDirectory()
        let lessons = root.appendingPathComponent("lessons")
        try FileManager.default.createDirectory(at: lessons, withIntermediateDirectories: true)
        for (name, text) in files { try Data(text.utf8).write(to: lessons.appendingPathComponent(name)) }
        return (root, lessons, root.appendingPathComponent("site"))
    }

    /// Every entry under `folder` (recursively), with the bytes of files; folders map to nil.
    static func tree(_ folder: URL) throws -> [String: Data?] {
        var result: [String: Data?] = [:]
        let manager = FileManager.default
        guard let walker = manager.enumerator(atPath: folder.path) else { return result }
        for case let name as String in walker {
            let path = folder.appendingPathComponent(name).path
            var isFolder: ObjCBool = false
            _ = manager.fileExists(atPath: path, isDirectory: &isFolder)
            result[name] = isFolder.boolValue ? nil : manager.contents(atPath: path)
        }
        return result
    }

    static func build(_ arguments: [String]) throws -> ProcessResult {
        try runProcess(Paths.binary, arguments)
    }

    static func staging(in site: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: site.path).filter { $0.hasPrefix(".lessonbuild-tmp-") }
    }

    // MARK: write failures

    @Test func aFolderWhereTheStylesheetGoesLeavesTheSiteByteIdentical() throws {
        let (root, lessons, site) = try Self.workspace(["a.md": Self.lesson("A", figure: "[[0.0, 1.0]]"), "b.md": Self.lesson("B")])
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(try Self.build([lessons.path, "--out", site.path, "--quiet"]).status == 0)
        let stylesheet = site.appendingPathComponent("lessonbuild.css")
        try FileManager.default.removeItem(at: stylesheet)
        try FileManager.default.createDirectory(at: stylesheet, withIntermediateDirectories: false)
        try Data("x".utf8).write(to: stylesheet.appendingPathComponent("inside.txt"))
        // Every page, the index, the figure and the manifest would change.
        try Data(Self.lesson("A changed", figure: "[[1.0, 0.0]]").utf8).write(to: lessons.appendingPathComponent("a.md"))
        try Data(Self.lesson("B changed").utf8).write(to: lessons.appendingPathComponent("b.md"))
        let before = try Self.tree(site)

        let result = try Self.build([lessons.path, "--out", site.path])
        #expect(result.status == 1)
        let lines = result.stderr.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count == 1, "\(result.stderr)")
        #expect(result.stderr.hasPrefix("lessonbuild: error: cannot replace \(stylesheet.path): it is a folder"), "\(result.stderr)")
        #expect(try Self.tree(site) == before, "the failed build changed the site")
    }

    /// The read-only folder: a bubblewrap read-only bind when running as root (root ignores
    /// permissions), the folder's mode otherwise.
    static let canMakeReadOnly = getuid() != 0
        || ((try? runProcess(URL(fileURLWithPath: "/usr/bin/bwrap"), ["--bind", "/", "/", "--ro-bind", "/tmp", "/tmp", "true"]))?.status == 0)

    @Test(.enabled(if: canMakeReadOnly, "needs a non-root user or bubblewrap for a read-only folder"))
    func aReadOnlySiteFolderFailsInOneLineAndStaysAsItWas() throws {
        let (root, lessons, site) = try Self.workspace(["a.md": Self.lesson("A"), "b.md": Self.lesson("B", figure: "[[0.5]]")])
        defer {
            chmod(site.path, 0o755)
            try? FileManager.default.removeItem(at: root)
        }
        #expect(try Self.build([lessons.path, "--out", site.path, "--quiet"]).status == 0)
        try Data(Self.lesson("A changed").utf8).write(to: lessons.appendingPathComponent("a.md"))
        let before = try Self.tree(site)

        let arguments = [lessons.path, "--out", site.path]
        let result: ProcessResult
        if getuid() == 0 {
            result = try runProcess(URL(fileURLWithPath: "/usr/bin/bwrap"),
                                    ["--bind", "/", "/", "--ro-bind", site.path, site.path, Paths.binary.path] + arguments)
        } else {
            chmod(site.path, 0o555)
            result = try Self.build(arguments)
        }
        #expect(result.status == 1)
        #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
        #expect(result.stderr.hasPrefix("lessonbuild: error: cannot write \(site.path)/"), "\(result.stderr)")
        #expect(result.stderr.contains("Read-only file system") || result.stderr.contains("Permission denied"), "\(result.stderr)")
        #expect(try Self.tree(site) == before)
        // Nothing to change is not a failure, even read-only.
        try Data(Self.lesson("A").utf8).write(to: lessons.appendingPathComponent("a.md"))
        let unchanged = getuid() == 0
            ? try runProcess(URL(fileURLWithPath: "/usr/bin/bwrap"),
                             ["--bind", "/", "/", "--ro-bind", site.path, site.path, Paths.binary.path] + arguments)
            : try Self.build(arguments)
        #expect(unchanged.status == 0, "\(unchanged.stderr)")
    }

    static let hasBubblewrapTmpfs = (try? runProcess(URL(fileURLWithPath: "/usr/bin/bwrap"),
        ["--bind", "/", "/", "--dev", "/dev", "--size", "65536", "--tmpfs", "/mnt", "true"]))?.status == 0

    /// A full disk: the site on a 64 KB tmpfs (bubblewrap), the second build adds a 70 KB photo, so
    /// staging runs out of space half way through a file. The folder must be as it was, to the byte.
    @Test(.enabled(if: hasBubblewrapTmpfs, "needs bubblewrap with --size"))
    func aFullDiskHalfWayThroughStagingLeavesTheSiteByteIdentical() throws {
        let (root, lessons, _) = try Self.workspace(["a.md": Self.lesson("A"), "b.md": Self.lesson("B")])
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.copyItem(at: Paths.root.appendingPathComponent("lessons/images/cracked-panel.png"),
                                         to: lessons.appendingPathComponent("panel.png"))
        let changed = Self.lesson("A with a photo") + "\n```{figure} image(loadImage(\"panel.png\", mode: \"RGB\"))\n```\n"
        try Data(changed.utf8).write(to: root.appendingPathComponent("a-changed.md"))
        // Inside the sandbox: build, list every file with its hash, break the disk, list again.
        let script = """
            set -u
            cd "$1"; bin="$2"; site=/mnt/site
            listing() { (cd "$site" && ls -A | sort | while read -r f; do printf '%s ' "$f"; sha256sum < "$f"; done); }
            "$bin" lessons --out "$site" --quiet || exit 9
            listing > before.txt
            cp a-changed.md lessons/a.md
            "$bin" lessons --out "$site" 2> stderr.txt
            echo $? > status.txt
            listing > after.txt
            """
        let result = try runProcess(URL(fileURLWithPath: "/usr/bin/bwrap"), [
            "--bind", "/", "/", "--dev", "/dev", "--size", "65536", "--tmpfs", "/mnt",
            "/bin/sh", "-c", script, "sh", root.path, Paths.binary.path,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let read = { (name: String) in try String(contentsOf: root.appendingPathComponent(name), encoding: .utf8) }
        #expect(try read("status.txt") == "1\n")
        let stderr = try read("stderr.txt")
        #expect(stderr.hasPrefix("lessonbuild: error: cannot write /mnt/site/") && stderr.hasSuffix("No space left on device\n"), "\(stderr)")
        #expect(stderr.split(separator: "\n").count == 1)
        let before = try read("before.txt")
        #expect(before.contains("a.html ") && before.contains("lessonbuild-manifest.json "))
        #expect(try read("after.txt") == before)
    }

    /// A rename that fails after others succeeded: inside bubblewrap, `index.html` is a bind mount
    /// (renaming onto it is EBUSY) and comes after the pages in the order of renames. The pages
    /// already replaced must be put back from their links: the folder ends as it was.
    @Test(.enabled(if: hasBubblewrapTmpfs, "needs bubblewrap"))
    func aRenameThatFailsAfterOthersPutsTheOldFilesBack() throws {
        let (root, lessons, site) = try Self.workspace(["a.md": Self.lesson("A"), "b.md": Self.lesson("B", figure: "[[0.5]]")])
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(try Self.build([lessons.path, "--out", site.path, "--quiet"]).status == 0)
        try Data(Self.lesson("A renamed").utf8).write(to: lessons.appendingPathComponent("a.md"))
        try Data(Self.lesson("B renamed", figure: "[[0.25]]").utf8).write(to: lessons.appendingPathComponent("b.md"))
        let before = try Self.tree(site)
        let index = site.appendingPathComponent("index.html").path
        let result = try runProcess(URL(fileURLWithPath: "/usr/bin/bwrap"), [
            "--bind", "/", "/", "--dev", "/dev", "--bind", index, index, Paths.binary.path, lessons.path, "--out", site.path,
        ])
        #expect(result.status == 1)
        #expect(result.stderr == "lessonbuild: error: cannot replace \(index): Device or resource busy\n", "\(result.stderr)")
        #expect(try Self.tree(site) == before, "the renames before the failing one were not undone")
        // Without the mount the same build goes through.
        #expect(try Self.build([lessons.path, "--out", site.path, "--quiet"]).status == 0)
        #expect(try String(contentsOf: site.appendingPathComponent("a.html"), encoding: .utf8).contains("A renamed"))
    }

    // MARK: the manifest

    /// Python checks the manifest: JSON with sorted keys at every level, format 1, each file's
    /// SHA-256 from hashlib, every file of the site owned once by a lesson or the site, and each
    /// lesson's source relative to the site folder.
    static let manifestOracle = """
        import hashlib, json, os, sys
        site = sys.argv[1]
        problems = []
        def pairs(items):
            keys = [k for k, _ in items]
            if keys != sorted(keys): problems.append(f"keys not sorted: {keys}")
            return dict(items)
        manifest = json.load(open(os.path.join(site, "lessonbuild-manifest.json")), object_pairs_hook=pairs)
        if manifest.get("format") != 1: problems.append("format is not 1")
        owned = {"lessonbuild-manifest.json"}
        tables = [lesson["files"] for lesson in manifest["lessons"].values()] + [manifest["site"]]
        for files in tables:
            for name, digest in files.items():
                data = open(os.path.join(site, name), "rb").read()
                if hashlib.sha256(data).hexdigest() != digest: problems.append(f"{name}: wrong hash")
                owned.add(name)
        if set(manifest["site"]) != {"index.html", "lessonbuild.css"}: problems.append(f"site files {sorted(manifest['site'])}")
        for name, lesson in manifest["lessons"].items():
            if name + ".html" not in lesson["files"]: problems.append(f"{name} does not own its page")
            if not os.path.isfile(os.path.normpath(os.path.join(site, lesson["source"]))): problems.append(f"{name}: bad source")
        if set(os.listdir(site)) != owned: problems.append(f"unowned {sorted(set(os.listdir(site)) - owned)}")
        print("\\n".join(problems) or "ok")
        """

    @Test(.enabled(if: Tools.hasPython, "needs python3"))
    func theManifestOwnsEveryFileWithItsSHA256() throws {
        let (root, lessons, site) = try Self.workspace([
            "a.md": Self.lesson("A", figure: "[[0.0, 1.0], [0.5, 0.25]]"),
            "b.md": Self.lesson("B ünïcode & <more>", figure: "[[0.0, 1.0], [0.5, 0.25]]"),
            "c.md": Self.lesson("C"),
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(try Self.build([lessons.path, "--out", site.path, "--quiet"]).status == 0)
        let result = try runProcess(URL(fileURLWithPath: Tools.python3!), ["-c", Self.manifestOracle, site.path])
        #expect(result.stdout == "ok\n", "\(result.stdout)\(result.stderr)")
        let manifest = try String(contentsOf: site.appendingPathComponent("lessonbuild-manifest.json"), encoding: .utf8)
        #expect(manifest.contains("\"source\" : \"../lessons/a.md\""))
    }

    @Test(.enabled(if: Tools.hasPython, "needs python3"))
    func sha256IsHashlibs() throws {
        var generator = SplitMix64(seed: 13)
        let lengths = [0, 1, 3, 55, 56, 57, 63, 64, 65, 119, 120, 128, 1000] + (0..<20).map { _ in Int(generator.next() % 5000) }
        let inputs = lengths.map { length in (0..<length).map { _ in UInt8(truncatingIfNeeded: generator.next()) } }
        let hexInputs = inputs.map { $0.map { String(format: "%02x", $0) }.joined() }.joined(separator: "\n")
        let script = "import hashlib, sys\nfor line in sys.stdin.read().split('\\n'):\n    print(hashlib.sha256(bytes.fromhex(line)).hexdigest())"
        let oracle = try runProcessWithInput(URL(fileURLWithPath: Tools.python3!), ["-c", script], input: hexInputs)
        #expect(oracle.split(separator: "\n").map(String.init) == inputs.map { SHA256.hex($0) })
    }

    // MARK: ownership

    /// The `figure-….png` names a page's `<img>` tags point at (read from the HTML, not from the manifest).
    static func figures(inPagesOf site: URL) throws -> Set<String> {
        var names: Set<String> = []
        let regex = try NSRegularExpression(pattern: #"<img[^>]* src="(figure-[0-9a-f]+\.png)""#)
        for file in try FileManager.default.contentsOfDirectory(atPath: site.path) where file.hasSuffix(".html") {
            let html = try String(contentsOf: site.appendingPathComponent(file), encoding: .utf8)
            for match in regex.matches(in: html, range: NSRange(html.startIndex..., in: html)) {
                names.insert(String(html[Range(match.range(at: 1), in: html)!]))
            }
        }
        return names
    }

    static func pngs(in site: URL) throws -> Set<String> {
        Set(try FileManager.default.contentsOfDirectory(atPath: site.path).filter { $0.hasSuffix(".png") })
    }

    @Test func figuresNoLessonDrawsAnyMoreAreRemovedAndSharedOnesKept() throws {
        let (root, lessons, site) = try Self.workspace([
            "a.md": Self.lesson("A", figure: "[[0.0, 1.0]]") + "\n```{figure} image([[0.25, 0.75]])\n```\n",
            "b.md": Self.lesson("B", figure: "[[0.0, 1.0]]"),
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(try Self.build([lessons.path, "--out", site.path, "--quiet"]).status == 0)
        let first = try Self.pngs(in: site)
        let drawnFirst = try Self.figures(inPagesOf: site)
        #expect(first.count == 2 && first == drawnFirst)
        // a now draws one new figure only; the one b shares stays, a's other one goes.
        try Data(Self.lesson("A", figure: "[[1.0, 0.5]]").utf8).write(to: lessons.appendingPathComponent("a.md"))
        #expect(try Self.build([lessons.appendingPathComponent("a.md").path, "--out", site.path, "--quiet"]).status == 0)
        let second = try Self.pngs(in: site)
        let drawnSecond = try Self.figures(inPagesOf: site)
        #expect(second.count == 2 && second == drawnSecond, "\(second)")
        #expect(second.intersection(first).count == 1)
        #expect(try Self.build([lessons.path, "--out", site.path, "--check"]).status == 0)
    }

    @Test func aDeletedLessonIsReportedByCheckAndRemovedByBuildingItsFolder() throws {
        let (root, lessons, site) = try Self.workspace(["a.md": Self.lesson("A"), "b.md": Self.lesson("Bee", figure: "[[0.5, 0.0]]")])
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(try Self.build([lessons.path, "--out", site.path, "--quiet"]).status == 0)
        try FileManager.default.removeItem(at: lessons.appendingPathComponent("b.md"))

        let check = try Self.build([lessons.path, "--out", site.path, "--check"])
        #expect(check.status == 1)
        #expect(check.stderr.contains("\(site.path)/b.html: left over"), "\(check.stderr)")
        let checkOne = try Self.build([lessons.appendingPathComponent("a.md").path, "--out", site.path, "--check"])
        #expect(checkOne.stderr.contains("\(site.path)/b.html: orphaned (its lesson ../lessons/b.md no longer exists"), "\(checkOne.stderr)")

        // Building one lesson keeps it (the folder was not built); building the folder removes it.
        #expect(try Self.build([lessons.appendingPathComponent("a.md").path, "--out", site.path, "--quiet"]).status == 0)
        #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("b.html").path))
        #expect(try Self.build([lessons.path, "--out", site.path, "--quiet"]).status == 0)
        #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent("b.html").path))
        #expect(try Self.pngs(in: site).isEmpty)
        let index = try String(contentsOf: site.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(index.contains("a.html") && !index.contains("b.html") && !index.contains("Bee"))
        let clean = try Self.build([lessons.path, "--out", site.path, "--check"])
        #expect(clean.status == 0, "\(clean.stderr)")
    }

    @Test func checkReportsUnexpectedFilesAndTheNextBuildRemovesStagingLitter() throws {
        let (root, lessons, site) = try Self.workspace(["a.md": Self.lesson("A")])
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(try Self.build([lessons.path, "--out", site.path, "--quiet"]).status == 0)
        try Data("mine".utf8).write(to: site.appendingPathComponent("notes.txt"))
        try Data("half".utf8).write(to: site.appendingPathComponent(".lessonbuild-tmp-new-a.html"))
        try Data("old".utf8).write(to: site.appendingPathComponent(".lessonbuild-tmp-old-index.html"))

        let check = try Self.build([lessons.path, "--out", site.path, "--check"])
        #expect(check.status == 1)
        #expect(check.stderr.split(separator: "\n").map(String.init) == [
            "\(site.path)/.lessonbuild-tmp-new-a.html: unexpected (left by an interrupted build; the next build removes it)",
            "\(site.path)/.lessonbuild-tmp-old-index.html: unexpected (left by an interrupted build; the next build removes it)",
            "\(site.path)/notes.txt: unexpected (no lesson owns it)",
        ])
        #expect(try Self.build([lessons.path, "--out", site.path, "--quiet"]).status == 0)
        #expect(try Self.staging(in: site).isEmpty)
        #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("notes.txt").path), "a file lessonbuild does not own is kept")
    }

    @Test func aPageEditedByHandIsStaleForCheckEvenWhenItsLessonIsNotBuilt() throws {
        let (root, lessons, site) = try Self.workspace(["a.md": Self.lesson("A"), "b.md": Self.lesson("B")])
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(try Self.build([lessons.path, "--out", site.path, "--quiet"]).status == 0)
        try Data("edited".utf8).write(to: site.appendingPathComponent("b.html"))
        let check = try Self.build([lessons.appendingPathComponent("a.md").path, "--out", site.path, "--check"])
        #expect(check.status == 1)
        #expect(check.stderr == "\(site.path)/b.html: stale (changed since lessonbuild wrote it)\n")
    }

    // MARK: the lock and the index

    @Test func aSecondBuildWaitsForTheLockAndGivesUpWithAClearError() throws {
        let (root, lessons, site) = try Self.workspace(["a.md": Self.lesson("A")])
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: site, withIntermediateDirectories: true)
        let held = open(site.path, O_RDONLY | O_DIRECTORY)
        #expect(flock(held, LOCK_EX) == 0)
        var builder = SiteBuilder(outputDirectory: site.path, diagnostics: DiagnosticEngine())
        builder.lockTimeout = 0.3
        let files = try #require(builder.render(lessonPaths: [lessons.appendingPathComponent("a.md").path]))
        #expect {
            try builder.write(files)
        } throws: { error in
            "\(error)" == "another lessonbuild is writing \(site.path) and still was after 0.3 s; wait for it to finish and build again"
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: site.path).isEmpty)
        close(held)
        #expect(try builder.write(files).contains("a.html"))
    }

    @Test func theIndexDependsOnWhatTheSiteHoldsNotOnTheOrderOfBuilds() throws {
        let (root, lessons, _) = try Self.workspace([
            "a.md": Self.lesson("A"), "b.md": Self.lesson("B", figure: "[[0.5]]"), "c.md": Self.lesson("C"),
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        let orders = [["a", "b", "c"], ["c", "a", "b"], ["b", "c", "a"]]
        var sites: [[String: Data?]] = []
        for (number, order) in orders.enumerated() {
            let site = root.appendingPathComponent("site\(number)")
            for name in order {
                #expect(try Self.build([lessons.appendingPathComponent(name + ".md").path, "--out", site.path, "--quiet"]).status == 0)
            }
            sites.append(try Self.tree(site))
        }
        let whole = root.appendingPathComponent("whole")
        #expect(try Self.build([lessons.path, "--out", whole.path, "--quiet"]).status == 0)
        let wholeTree = try Self.tree(whole)
        for site in sites { #expect(site == wholeTree) }
        let index = try String(contentsOf: whole.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(index.components(separatedBy: "<li><a href=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
                == ["a.html", "b.html", "c.html"])
    }

    @Test func aSiteFromBeforeManifestsKeepsItsPagesOnTheIndex() throws {
        let (root, lessons, site) = try Self.workspace(["a.md": Self.lesson("Alpha"), "b.md": Self.lesson("Beta")])
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(try Self.build([lessons.appendingPathComponent("a.md").path, "--out", site.path, "--quiet"]).status == 0)
        try FileManager.default.removeItem(at: site.appendingPathComponent("lessonbuild-manifest.json"))
        #expect(try Self.build([lessons.appendingPathComponent("b.md").path, "--out", site.path, "--quiet"]).status == 0)
        let index = try String(contentsOf: site.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(index.contains(">Alpha</a>") && index.contains(">Beta</a>"))
        let check = try Self.build([lessons.appendingPathComponent("b.md").path, "--out", site.path, "--check"])
        #expect(check.stderr.contains("a.html: orphaned (lessonbuild does not know its lesson"), "\(check.stderr)")
        // Building it again gives it a source, and the site is whole.
        #expect(try Self.build([lessons.path, "--out", site.path, "--quiet"]).status == 0)
        #expect(try Self.build([lessons.path, "--out", site.path, "--check"]).status == 0)
    }

    @Test func aManifestThatIsNotOneStopsTheBuildInOneLine() throws {
        let (root, lessons, site) = try Self.workspace(["a.md": Self.lesson("A")])
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: site, withIntermediateDirectories: true)
        try Data("{\"format\": 1, \"lessons\": {\"x\": {\"files\": {\"../../etc/passwd\": \"0\"}, \"title\": \"x\"}}, \"site\": {}}".utf8)
            .write(to: site.appendingPathComponent("lessonbuild-manifest.json"))
        let before = try Self.tree(site)
        let result = try Self.build([lessons.path, "--out", site.path])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("lessonbuild: error: \(site.path)/lessonbuild-manifest.json names `../../etc/passwd`"), "\(result.stderr)")
        #expect(try Self.tree(site) == before)
    }
}

/// Runs `executable` with `input` on standard input; its standard output.
private func runProcessWithInput(_ executable: URL, _ arguments: [String], input: String) throws -> String {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    let stdin = Pipe(), stdout = Pipe()
    process.standardInput = stdin
    process.standardOutput = stdout
    try process.run()
    let writer = Thread {
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try? stdin.fileHandleForWriting.close()
    }
    writer.start()
    let output = stdout.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: output, as: UTF8.self)
}
