/// An expression parsed once, before anything is evaluated, with where it stands in the lesson:
/// a directive's argument or an expression option (`:answer:`) is checked for syntax when the
/// lesson is read, and evaluated later against the finished scope.
///
///     let parsed = try ParsedExpression("feature_map.max()", at: SourceLocation(line: 12, column: 10))
///     let value = try interpreter.evaluate(parsed)
public struct ParsedExpression: Sendable {
    let expr: Expr
    /// The expression as written.
    public let source: String
    /// Where `source` starts in the lesson file (one line: options and arguments never span lines).
    public let location: SourceLocation

    /// - Throws: the syntax error, located in the lesson.
    public init(_ source: String, at location: SourceLocation, limits: EvaluationLimits = .standard) throws(EvaluationError) {
        var parser = Parser(source, limits: limits)
        do {
            expr = try parser.parseStandaloneExpression()
        } catch {
            throw error.located { location.advanced(by: $0) }
        }
        self.source = source
        self.location = location
    }
}

extension Interpreter {
    /// Evaluates an expression parsed up front against the scope.
    public func evaluate(_ parsed: ParsedExpression) throws(EvaluationError) -> Value {
        do {
            return try eval(parsed.expr)
        } catch {
            throw error.located { parsed.location.advanced(by: $0) }
        }
    }
}
