import Foundation

/// Writes a `SitePlan` into the locked site folder so that the site changes all at once or not
/// at all, and a build killed at any instant leaves every file either its old or its new version:
///
/// 1. remove the staging files an earlier, killed build left (`.lessonbuild-tmp-*`: the lock says
///    no other build is staging now);
/// 2. check that every target can be replaced (a folder where a file goes fails here);
/// 3. write each changed file to `.lessonbuild-tmp-new-NAME` and `fsync` it;
/// 4. hard-link each file about to be replaced or removed to `.lessonbuild-tmp-old-NAME`;
/// 5. rename the staged files over their targets, remove the files no lesson owns any more,
///    rename the manifest last, and `fsync` the folder;
/// 6. remove the links of step 4.
///
/// A failure in 1–3 leaves the site byte-identical. A failure in 5 (which step 2 makes unlikely)
/// puts the old files back from the links of step 4. Files whose bytes are already right are not
/// touched.
///
/// For the crash-consistency test (`Tests/Adversarial/crash_consistency.py`), the environment
/// variable `LESSONBUILD_CRASH_TEST_STEP=N` makes the process kill itself with SIGKILL just before
/// its Nth file operation (stage, link, rename or remove): a kill -9 at an exact point of the
/// renames, which a kill from outside after a random delay almost never hits.
struct SiteTransaction {
    /// The folder, as named in messages.
    let directory: String
    /// An open descriptor of the folder; every name is resolved against it.
    let descriptor: Int32

    static let stagingPrefix = ".lessonbuild-tmp-"

    /// Names a lesson cannot produce: staging files and the manifest.
    static func isReserved(_ name: String) -> Bool {
        name.hasPrefix(stagingPrefix) || name == SiteManifest.fileName
    }

    /// The step `LESSONBUILD_CRASH_TEST_STEP` names, and the steps taken so far.
    private final class CrashTestCounter {
        let killAt = ProcessInfo.processInfo.environment["LESSONBUILD_CRASH_TEST_STEP"].flatMap { Int($0) }
        var taken = 0
    }
    private let counter = CrashTestCounter()

    private func next() {
        counter.taken += 1
        if counter.taken == counter.killAt { kill(getpid(), SIGKILL) }
    }

    /// Carries out `plan`; returns the names of the files written or removed, sorted.
    func commit(_ plan: SitePlan) throws -> [String] {
        removeStaging()
        let targets = plan.files.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        for name in targets + plan.removed where kind(of: name) == S_IFDIR {
            throw SiteError("cannot replace \(path(name)): it is a folder; move it out of the site and build again")
        }
        // The manifest goes last: it never claims files that are not there yet.
        let changed = targets.filter { name in
            name != SiteManifest.fileName && FileManager.default.contents(atPath: path(name)) != plan.files[name]
        } + [SiteManifest.fileName].filter { FileManager.default.contents(atPath: path($0)) != plan.files[$0] }
        let removed = plan.removed.filter { kind(of: $0) != nil }

        do {
            for name in changed {
                next()
                try stage(plan.files[name]!, as: name)
            }
        } catch {
            // Every staging file, the one half written too.
            removeStaging()
            throw error
        }

        var existed: Set<String> = []
        var saved: Set<String> = []
        for name in changed + removed where kind(of: name) != nil {
            existed.insert(name)
            next()
            if linkat(descriptor, name, descriptor, Self.oldName(name), 0) == 0 { saved.insert(name) }
        }
        var done: [String] = []
        do {
            for name in changed where name != SiteManifest.fileName {
                next()
                try step(renameat(descriptor, Self.newName(name), descriptor, name), "replace", name)
                done.append(name)
            }
            for name in removed {
                next()
                try step(unlinkat(descriptor, name, 0), "remove", name)
                done.append(name)
            }
            if changed.last == SiteManifest.fileName {
                next()
                try step(renameat(descriptor, Self.newName(SiteManifest.fileName), descriptor, SiteManifest.fileName),
                         "replace", SiteManifest.fileName)
                done.append(SiteManifest.fileName)
            }
        } catch {
            for name in done.reversed() {
                if saved.contains(name) {
                    renameat(descriptor, Self.oldName(name), descriptor, name)
                } else if !existed.contains(name) {
                    unlinkat(descriptor, name, 0)
                }
            }
            removeStaging()
            throw error
        }
        fsync(descriptor)
        for name in saved { unlinkat(descriptor, Self.oldName(name), 0) }
        return (changed + removed).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    /// Writes `data` to the staging name of `name` and flushes it to the disk.
    private func stage(_ data: Data, as name: String) throws {
        let file = openat(descriptor, Self.newName(name), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o666)
        guard file >= 0 else { throw failure("write", name) }
        defer { close(file) }
        try data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(file, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 && errno == EINTR { continue }
                guard written > 0 else { throw failure("write", name) }
                offset += written
            }
        }
        guard fsync(file) == 0 else { throw failure("write", name) }
    }

    private func step(_ result: Int32, _ verb: String, _ name: String) throws {
        guard result == 0 else { throw failure(verb, name) }
    }

    private func failure(_ verb: String, _ name: String) -> SiteError {
        let reason = errno == 0 ? "unknown error" : String(cString: strerror(errno))
        return SiteError("cannot \(verb) \(path(name)): \(reason)")
    }

    /// Removes every staging file in the folder (best effort: a read-only folder keeps them).
    func removeStaging() {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        for name in names where name.hasPrefix(Self.stagingPrefix) {
            unlinkat(descriptor, name, 0)
        }
    }

    /// The file type bits of `name` (`S_IFREG`, `S_IFDIR`, …, links not followed); nil when absent.
    private func kind(of name: String) -> mode_t? {
        var status = stat()
        guard fstatat(descriptor, name, &status, AT_SYMLINK_NOFOLLOW) == 0 else { return nil }
        return status.st_mode & S_IFMT
    }

    private func path(_ name: String) -> String {
        (directory as NSString).appendingPathComponent(name)
    }

    static func newName(_ name: String) -> String { stagingPrefix + "new-" + name }
    static func oldName(_ name: String) -> String { stagingPrefix + "old-" + name }
}
