/// Writes a `MathNode` tree as MathML Core markup (one line, no insignificant white space).
///
///     .fraction(numerator: .identifier("a", upright: false), denominator: .number("2"))
///     -> <mfrac><mi>a</mi><mn>2</mn></mfrac>
enum MathMLWriter {
    /// The complete `<math>` element: the formula inside `<semantics>`, with the TeX source
    /// kept as an `application/x-tex` annotation.
    static func document(_ nodes: [MathNode], tex: String, display: Bool) -> String {
        let mode = display ? "block" : "inline"
        return "<math display=\"\(mode)\" xmlns=\"http://www.w3.org/1998/Math/MathML\"><semantics><mrow>"
            + nodes.map(write).joined()
            + "</mrow><annotation encoding=\"application/x-tex\">" + HTMLEscaping.escape(tex)
            + "</annotation></semantics></math>"
    }

    static func write(_ node: MathNode) -> String {
        switch node {
        case .identifier(let name, let upright):
            let variant = upright ? " mathvariant=\"normal\"" : ""
            return "<mi\(variant)>\(HTMLEscaping.escape(name))</mi>"
        case .number(let digits):
            return "<mn>\(HTMLEscaping.escape(digits))</mn>"
        case .operation(let symbol, let style):
            return "<mo\(attributes(style))>\(HTMLEscaping.escape(symbol))</mo>"
        case .text(let text):
            return "<mtext>\(HTMLEscaping.escape(keepingEdgeSpaces(text)))</mtext>"
        case .space(let width):
            return "<mspace width=\"\(width)\"/>"
        case .row(let nodes):
            return nodes.count == 1 ? write(nodes[0]) : "<mrow>" + nodes.map(write).joined() + "</mrow>"
        case .fenced(let nodes):
            return "<mrow>" + nodes.map(write).joined() + "</mrow>"
        case .fraction(let numerator, let denominator):
            return "<mfrac>" + write(numerator) + write(denominator) + "</mfrac>"
        case .squareRoot(let radicand):
            return "<msqrt>" + write(radicand) + "</msqrt>"
        case .root(let radicand, let index):
            return "<mroot>" + write(radicand) + write(index) + "</mroot>"
        case .scripts(let base, let sub, let sup, let limits):
            return scripts(base: base, sub: sub, sup: sup, limits: limits)
        }
    }

    private static func scripts(base: MathNode, sub: MathNode?, sup: MathNode?, limits: Bool) -> String {
        let (under, over, both) = limits ? ("munder", "mover", "munderover") : ("msub", "msup", "msubsup")
        switch (sub, sup) {
        case let (sub?, sup?):
            return "<\(both)>" + write(base) + write(sub) + write(sup) + "</\(both)>"
        case let (sub?, nil):
            return "<\(under)>" + write(base) + write(sub) + "</\(under)>"
        case let (nil, sup?):
            return "<\(over)>" + write(base) + write(sup) + "</\(over)>"
        case (nil, nil):
            return write(base)
        }
    }

    private static func attributes(_ style: MathOperatorStyle) -> String {
        switch style {
        case .normal, .functionApplication: return ""
        case .fixedFence: return " stretchy=\"false\""
        case .openingFence: return " fence=\"true\" form=\"prefix\" stretchy=\"true\""
        case .closingFence: return " fence=\"true\" form=\"postfix\" stretchy=\"true\""
        case .largeOperator: return " largeop=\"true\""
        }
    }

    /// MathML trims white space at the edges of token elements; `\text{ if }` keeps its
    /// spaces as U+00A0 NO-BREAK SPACE.
    private static func keepingEdgeSpaces(_ text: String) -> String {
        var scalars = Array(text.unicodeScalars)
        if let first = scalars.first, first == " " { scalars[0] = "\u{A0}" }
        if let last = scalars.indices.last, scalars[last] == " " { scalars[last] = "\u{A0}" }
        var result = ""
        result.unicodeScalars.append(contentsOf: scalars)
        return result
    }
}
