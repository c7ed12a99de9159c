/// Page names a lesson cannot have because the site already uses the file: `index.md` would become
/// `index.html`, which is the site index; a name starting with `.` would be hidden among the build's
/// temporary files. (The stylesheet, `lessonbuild.css`, and figure files, `figure-<hash>.png`, never
/// end in `.html`, so no page name reaches them.)
///
///     ReservedNames.problem(forPage: "index")   // "the page name 'index' is reserved for the site index …"
///     ReservedNames.problem(forPage: "cnn")     // nil
public enum ReservedNames {
    /// Why `name` (a lesson's file name without `.md`) cannot be a page, or nil when it can.
    public static func problem(forPage name: String) -> String? {
        if name == "index" {
            return "the page name 'index' is reserved for the site index (index.html); rename the lesson"
        }
        if name.isEmpty || name.hasPrefix(".") {
            return "the page name '\(name)' would be a hidden file (\(name).html); rename the lesson"
        }
        return nil
    }
}
