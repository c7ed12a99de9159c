/// `{math}`: a display formula in a TeX subset. `{{ }}` holes are set as numbers (`<mn>`), so a
/// formula can show computed values: `\frac{ {{ total }} }{ {{ count }} }`.
struct MathDirective: DirectiveKind {
    static let spec = DirectiveSpec("math", options: [.init("name", .identifier)], body: .template)

    let template: TextTemplate
    let syntax: Directive
    /// A `:name:` numbers the equation, so that `[](#name)` can say "Equation 1".
    let name: (String, SourceLocation)?

    init?(_ input: DirectiveInput, problems: inout [SourceError]) {
        guard let template = input.template else { return nil }
        self.template = template
        self.syntax = input.syntax
        self.name = input.options.identifier("name").map { ($0, input.options["name"]?.location ?? input.syntax.location) }
    }

    func evaluate(in context: DirectiveContext) -> EvaluatedLesson.Block {
        // The TeX with every hole set, and where each stretch of it comes from in the body.
        var tex = ""
        var origins: [(texOffset: Int, bodyOffset: Int)] = [(0, 0)]
        var bodyOffset = 0
        var failed = false
        for piece in template.pieces {
            switch piece {
            case .text(let text):
                origins.append((tex.utf8.count, bodyOffset))
                tex += text
                bodyOffset += text.utf8.count
            case .expression(let expression):
                let holeStart = syntax.bodyOffset(of: expression.expressionLocation) ?? bodyOffset
                origins.append((tex.utf8.count, holeStart))
                guard let value = context.evaluate(expression.expression, at: expression.expressionLocation) else {
                    failed = true
                    continue
                }
                guard value.isNumber else {
                    context.error(at: expression.expressionLocation,
                                  "a {math} formula sets {{ }} values as numbers; got \(value.typeDescription)")
                    failed = true
                    continue
                }
                let text: String
                if let spec = expression.spec {
                    guard let formatted = try? value.formatted(spec) else {
                        context.error(at: expression.specLocation ?? expression.expressionLocation, "cannot format \(value.printed) with '\(spec)'")
                        failed = true
                        continue
                    }
                    text = formatted
                } else {
                    text = value.printed
                }
                // Braced, so that `x^{{ n }}` raises x to the whole number.
                tex += "{" + text + "}"
                bodyOffset = syntax.bodyOffset(after: expression) ?? bodyOffset
            }
        }
        guard !failed else { return .nothing }
        do throws(MathError) {
            let formula = try MathFormula(tex: tex)
            guard let (name, location) = self.name else { return .math(formula) }
            let number = context.nextNumber("Equation")
            context.addAnchor(Anchor(name: name, label: "Equation \(number)", elementID: name, location: location))
            return .equation(formula, id: name, number: number)
        } catch {
            let origin = origins.last { $0.texOffset <= error.offset } ?? (0, 0)
            context.error(at: syntax.location(ofBodyOffset: origin.bodyOffset + error.offset - origin.texOffset), error.message)
            return .nothing
        }
    }
}

extension Directive {
    /// The body offset of a location inside the body, when it is there.
    func bodyOffset(of location: SourceLocation) -> Int? {
        guard let line = bodyLineStarts.firstIndex(where: { $0.line == location.line }) else { return nil }
        return bodyIndex.lineStarts[line] + location.column - bodyLineStarts[line].column
    }

    /// The body offset just after an inline expression's closing `}}`.
    func bodyOffset(after expression: InlineExpression) -> Int? {
        let end = expression.specLocation ?? expression.expressionLocation
        guard let start = bodyOffset(of: end) else { return nil }
        let bytes = Array(body.utf8)
        var index = start
        while index + 1 < bytes.count, !(bytes[index] == UInt8(ascii: "}") && bytes[index + 1] == UInt8(ascii: "}")) { index += 1 }
        return min(index + 2, bytes.count)
    }
}

extension Value {
    /// Int, Double (and 0-d numeric tensors): what a formula can show as a number.
    var isNumber: Bool {
        switch self {
        case .int, .double: true
        case .tensor(let t): t.shape.isEmpty && t.dtype != .bool
        default: false
        }
    }
}
