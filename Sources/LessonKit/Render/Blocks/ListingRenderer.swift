/// Renders source code as `<pre class="listing">`: one `<span class="line">` per line, the
/// numbers drawn by CSS counters (`.line::before`) so that copying the code never copies
/// them and screen readers do not read them as content.
///
///     ListingRenderer.render(code: "x = 1", language: "python")
///     // <pre class="listing" data-lang="python" role="group" aria-label="Python code" tabindex="0"><code><span class="line">x <span class="tok-op">=</span> <span class="tok-num">1</span></span></code></pre>
public enum ListingRenderer {
    /// `extraClass` is added to `listing`, e.g. `eval` for an echoed `{eval}`; `label` names the
    /// block for assistive technology (default: "Python code", "Swift code", "Code").
    public static func render(code: String, language: String, extraClass: String? = nil, label: String? = nil) -> String {
        let classes = ["listing", extraClass].compactMap { $0 }.joined(separator: " ")
        let name = label ?? defaultLabel(language)
        let lines = SyntaxHighlighter.html(code, language: language, linePrefix: "<span class=\"line\">", lineSuffix: "</span>")
        return "<pre class=\"\(classes)\" data-lang=\"\(HTMLEscaping.escape(language))\" role=\"group\" "
            + "aria-label=\"\(HTMLEscaping.escape(name))\" tabindex=\"0\"><code>"
            + lines + "</code></pre>\n"
    }

    /// "Python code" for `python`, "Swift code" for `swift`, "Code" for anything else.
    static func defaultLabel(_ language: String) -> String {
        switch language.lowercased() {
        case "python", "py", "python3": return "Python code"
        case "swift": return "Swift code"
        default: return "Code"
        }
    }

    /// A `{listing}`.
    public static func render(_ listing: ListingModel) -> String {
        render(code: listing.code, language: listing.language)
    }
}
