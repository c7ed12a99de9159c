/// Converts the TeX subset of `{math}` directives to MathML, with no script and no network:
/// browsers render MathML Core natively.
///
/// Supported: `\frac{}{}`, `\sqrt{}` and `\sqrt[n]{}`, `_` and `^` (braced or one token; both
/// on one base give `<msubsup>`), `\left … \right` with stretchy fences (`( ) [ ] | .`,
/// `\lfloor \rfloor \lceil \rceil \langle \rangle \{ \}`), Greek letters, `\text{}`,
/// `\mathrm{}`, `\operatorname{}`, relations and arrows (`\le \ge \ne \approx \leftarrow \to` …),
/// `\cdot \times \pm \sum`, spacing (`\, \; \quad \qquad`), numbers as `<mn>` and letters as
/// one `<mi>` each. `-` becomes U+2212 MINUS SIGN.
///
///     try TeXToMathML.convert("x^2")
///     // <math display="block" xmlns="http://www.w3.org/1998/Math/MathML"><semantics><mrow>
///     //   <msup><mi>x</mi><mn>2</mn></msup></mrow>
///     //   <annotation encoding="application/x-tex">x^2</annotation></semantics></math>
public enum TeXToMathML {
    /// The `<math>` element for `tex`; `display` chooses `display="block"` or `"inline"`.
    ///
    /// - Throws: `MathError` with the UTF-8 offset of an unknown command, an unbalanced brace,
    ///   a `\left` without `\right`, a missing argument or a double script.
    public static func convert(_ tex: String, display: Bool = true) throws(MathError) -> String {
        var parser = try TeXParser(tex, display: display)
        let nodes = try parser.parseFormula()
        return MathMLWriter.document(nodes, tex: tex, display: display)
    }
}
