/// The MathML Core tree a TeX formula becomes, before it is written out as markup.
indirect enum MathNode: Equatable, Sendable {
    /// `<mi>`; `upright` adds `mathvariant="normal"` (single upright letters such as `Γ`).
    case identifier(String, upright: Bool)
    /// `<mn>`: digits with an optional decimal part.
    case number(String)
    /// `<mo>` with how it may stretch.
    case operation(String, MathOperatorStyle)
    /// `<mtext>`.
    case text(String)
    /// `<mspace width="…"/>`, e.g. `0.2778em` for `\;`.
    case space(width: String)
    /// `<mrow>` (written without the wrapper when it holds exactly one node).
    case row([MathNode])
    /// `<mrow>` always written, e.g. around a `\left … \right` pair.
    case fenced([MathNode])
    case fraction(numerator: MathNode, denominator: MathNode)
    case squareRoot(MathNode)
    case root(radicand: MathNode, index: MathNode)
    /// `<msub>`, `<msup>`, `<msubsup>`; or `<munder>`, `<mover>`, `<munderover>` when `limits`.
    case scripts(base: MathNode, sub: MathNode?, sup: MathNode?, limits: Bool)
}

/// How an `<mo>` is written.
enum MathOperatorStyle: Equatable, Sendable {
    /// The operator dictionary decides (`+`, `=`, `⋅`).
    case normal
    /// A fence written inline, e.g. a bare `(`: `stretchy="false"`, as TeX never stretches it.
    case fixedFence
    /// `\left` delimiter: `fence="true" form="prefix" stretchy="true"`.
    case openingFence
    /// `\right` delimiter: `fence="true" form="postfix" stretchy="true"`.
    case closingFence
    /// A large operator such as `∑` (`largeop="true"` in display style).
    case largeOperator
    /// The invisible function application U+2061 after `\operatorname{…}`.
    case functionApplication
}
