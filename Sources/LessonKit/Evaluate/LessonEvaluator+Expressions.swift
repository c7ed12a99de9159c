import CNNKernels

/// Inline expressions and directive bodies with `{{ }}` holes.
extension LessonEvaluator {

    /// A directive body with its `{{ }}` holes filled; nil after reporting an error.
    func interpolate(_ directive: Directive) -> String? {
        interpolateTracingLines(directive)?.text
    }

    /// The filled body and, for each of its lines, where that line comes from in the lesson: a
    /// literal line maps to itself, every line an interpolated value produces to the line of its
    /// `{{`. `verify` uses this to point a traceback at the lesson.
    func interpolateTracingLines(_ directive: Directive) -> (text: String, lines: [SourceLocation])? {
        let pieces: [BodyPiece]
        do throws(EvaluationError) {
            pieces = try LessonParser.splitBody(trimmingFinalNewline(directive.body), locate: directive.location(ofBodyOffset:))
        } catch {
            report(error)
            return nil
        }
        let starts = directive.bodyLineStarts
        var sourceLine = 0
        func start(_ line: Int) -> SourceLocation { starts.isEmpty ? directive.location : starts[min(line, starts.count - 1)] }
        var lines = [start(0)]
        var result = ""
        var failed = false
        for piece in pieces {
            switch piece {
            case .text(let text):
                result += text
                for character in text where character == "\n" {
                    sourceLine += 1
                    lines.append(start(sourceLine))
                }
            case .expression(let expression):
                guard let value = text(of: expression) else {
                    failed = true
                    continue
                }
                result += value
                let here = SourceLocation(line: expression.expressionLocation.line, column: start(sourceLine).column)
                lines += value.filter { $0 == "\n" }.map { _ in here }
                sourceLine += (expression.expression + (expression.spec ?? "")).filter { $0 == "\n" }.count
            }
        }
        return failed ? nil : (result, lines)
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
