/// A `{math}` formula parsed from its TeX source: the tree Render writes as MathML.
///
///     let formula = try MathFormula(tex: "x^2")
///     formula.nodes   // [.scripts(base: .identifier("x", upright: false), sub: nil, sup: .number("2"), limits: false)]
public struct MathFormula: Sendable, Equatable {
    /// The TeX as written (after `{{ }}` values were set), kept as the MathML annotation.
    public let tex: String
    /// `display="block"` (a `{math}` directive) or inline.
    public let display: Bool
    let nodes: [MathNode]

    /// - Throws: `MathError` with the UTF-8 offset of an unknown command, an unbalanced brace,
    ///   a `\left` without `\right`, a missing argument or a double script.
    public init(tex: String, display: Bool = true) throws(MathError) {
        var parser = try TeXParser(tex, display: display)
        self.nodes = try parser.parseFormula()
        self.tex = tex
        self.display = display
    }
}
