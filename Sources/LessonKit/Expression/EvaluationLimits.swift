import CNNKernels

/// Caps that keep any lesson — however wrong or hostile — from hanging the build, exhausting
/// the stack or allocating without bound. Each cap fails with a message naming the limit.
///
///     let lesson = Interpreter(limits: EvaluationLimits(maxStatements: 100))
public struct EvaluationLimits: Sendable, Equatable {
    /// Nested parentheses, brackets, calls and unary operators in one expression.
    public var maxNesting: Int
    /// The height of one expression's syntax tree (long operator chains are deep trees).
    public var maxTreeHeight: Int
    /// Characters in any string the language builds (`repr`, `lines`, `+` on strings, ...).
    public var maxStringLength: Int
    /// Statements per lesson, over all `{eval}` blocks.
    public var maxStatements: Int
    /// Expression nodes evaluated per lesson.
    public var maxSteps: Int
    /// Tensor elements read or written by kernels per lesson (a proxy for compute time).
    public var maxTensorWork: Int
    /// Elements of a list built from a tensor (`x.tolist()`).
    public var maxListElements: Int

    public init(maxNesting: Int = 64, maxTreeHeight: Int = 256, maxStringLength: Int = 1_000_000,
                maxStatements: Int = 10_000, maxSteps: Int = 5_000_000, maxTensorWork: Int = 1 << 30,
                maxListElements: Int = 100_000) {
        self.maxNesting = maxNesting
        self.maxTreeHeight = maxTreeHeight
        self.maxStringLength = maxStringLength
        self.maxStatements = maxStatements
        self.maxSteps = maxSteps
        self.maxTensorWork = maxTensorWork
        self.maxListElements = maxListElements
    }

    /// The limits every lesson builds with.
    public static let standard = EvaluationLimits()

    /// The largest tensor a lesson may create (CNNKernels' `Limits.maxElements`).
    public var maxTensorElements: Int { Limits.maxElements }

    /// Throws when `text` is longer than `maxStringLength`.
    func check(_ text: String, at range: Range<Int>) throws(ExpressionFailure) {
        let count = text.utf8.count
        guard count > maxStringLength else { return }
        throw ExpressionFailure(
            "result is too long (\(text.count) characters; the limit is \(maxStringLength))", at: range, kind: .limit)
    }
}
