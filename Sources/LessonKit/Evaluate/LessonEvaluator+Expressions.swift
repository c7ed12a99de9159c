import CNNKernels

/// Inline expressions and directive bodies with `{{ }}` holes.
extension LessonEvaluator {

    /// A directive body with its `{{ }}` holes filled; nil after reporting an error.
    func interpolate(_ directive: Directive) -> String? {
        let pieces: [BodyPiece]
        do throws(EvaluationError) {
            pieces = try LessonParser.splitBody(trimmingFinalNewline(directive.body), locate: directive.location(ofBodyOffset:))
        } catch {
            report(error)
            return nil
        }
        var result = ""
        var failed = false
        for piece in pieces {
            switch piece {
            case .text(let text): result += text
            case .expression(let expression):
                if let text = text(of: expression) { result += text } else { failed = true }
            }
        }
        return failed ? nil : result
    }

    /// The text of `{{ EXPR : SPEC }}`: `print(EXPR)` or `format(EXPR, SPEC)`.
    func text(of expression: InlineExpression) -> String? {
        guard let value = evaluate(expression.expression, at: expression.expressionLocation) else { return nil }
        guard let spec = expression.spec else { return value.printed }
        do throws(KernelError) {
            return try value.formatted(spec)
        } catch {
            self.error(at: expression.specLocation ?? expression.expressionLocation, error.message)
            return nil
        }
    }

    func evaluate(_ source: String, at location: SourceLocation) -> Value? {
        do throws(EvaluationError) {
            return try interpreter.evaluate(source, locate: { location.advanced(by: $0) })
        } catch {
            report(error)
            return nil
        }
    }
}
