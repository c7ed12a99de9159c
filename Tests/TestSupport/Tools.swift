import Foundation

/// The external programs the tests use as independent oracles, and whether this machine has
/// them. A test that needs one says so with a trait, so a missing tool shows as skipped, never
/// as passed:
///
///     @Test(.enabled(if: Tools.hasNumPy, "needs python3 with NumPy"))
public enum Tools {
    /// The absolute path of `name` on PATH, or nil.
    public static func which(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            let candidate = "\(directory)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    public static let python3: String? = which("python3")
    public static let hasPython = python3 != nil
    /// `python3 -c "import numpy"` succeeds.
    public static let hasNumPy = pythonCanImport("numpy")
    /// Pillow and NumPy both import.
    public static let hasPillow = pythonCanImport("numpy", "PIL")
    public static let hasNode = which("node") != nil
    public static let hasCmarkGFM = which("cmark-gfm") != nil
    public static let hasXmllint = which("xmllint") != nil
    /// Headless Chromium with its driver and selenium, for the browser checks.
    public static let hasChromium = (which("chromium") != nil || which("chromium-browser") != nil)
        && which("chromedriver") != nil && pythonCanImport("selenium")

    /// Whether `python3` imports every module named, asked of Python itself.
    public static func pythonCanImport(_ modules: String...) -> Bool {
        guard let python3 else { return false }
        let result = try? runProcess(URL(fileURLWithPath: python3), ["-c", "import " + modules.joined(separator: ", ")])
        return result?.status == 0
    }
}
