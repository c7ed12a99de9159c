/// Converts the TeX subset of `{math}` directives to MathML, with no script and no network:
/// browsers render MathML Core natively.
///
/// Supported: `\frac{}{}`, `\sqrt{}` and `\sqrt[n]{}`, `_` and `^` (braced or one token; both
/// on one base give `<msubsup>`), `\left … \right` with stretchy fences (`( ) [ ] | .`,
/// `\lfloor \rfloor \lceil \rceil \langle \rangle \{ \}`), Greek letters, `\text{}`,
/// `\mathrm{}`, `\operatorname{}`, relations and arrows (`\le \ge \ne \approx \leftarrow \to` …),
/// `\cdot \times \pm \sum`, spacing (`\, \; \quad \qquad`), numbers as `<mn>` and letters as
/// one `<mi>` each. `-` becomes U+2212 MINUS SIGN. Parsing is Parse/Math's (``MathFormula``);
/// this writes the parsed tree.
///
///     try TeXToMathML.convert("x^2")
///     // <math display="block" xmlns="http://www.w3.org/1998/Math/MathML"><semantics><mrow>
///     //   <msup><mi>x</mi><mn>2</mn></msup></mrow>
///     //   <annotation encoding="application/x-tex">x^2</annotation></semantics></math>
public enum TeXToMathML {
    /// The `<math>` element for a parsed formula.
    public static func render(_ formula: MathFormula) -> String {
        MathMLWriter.document(formula.nodes, tex: formula.tex, display: formula.display)
    }

    /// Parses and renders `tex`; `display` chooses `display="block"` or `"inline"`.
    ///
    /// - Throws: `MathError` (see ``MathFormula/init(tex:display:)``).
    public static func convert(_ tex: String, display: Bool = true) throws(MathError) -> String {
        render(try MathFormula(tex: tex, display: display))
    }
}
