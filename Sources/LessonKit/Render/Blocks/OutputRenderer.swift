/// Renders an `{output}` as `<pre class="output" aria-label="Output">`; the stylesheet sets
/// it apart from listings and draws the visible "Output" label (hidden from assistive
/// technology, which reads the `aria-label`; `role="group"` lets the element carry a name).
///
///     OutputRenderer.render(OutputModel(text: "first response: 0.852"))
///     // <pre class="output" aria-label="Output" role="group" tabindex="0"><code>first response: 0.852</code></pre>
public enum OutputRenderer {
    public static func render(_ output: OutputModel) -> String {
        "<pre class=\"output\" aria-label=\"Output\" role=\"group\" tabindex=\"0\"><code>\(HTMLEscaping.escape(output.text))</code></pre>\n"
    }
}
