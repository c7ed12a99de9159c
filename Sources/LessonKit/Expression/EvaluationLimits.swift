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
    /// Tensor elements read or written by kernels per lesson (a proxy for compute time). The default,
    /// 2^32, runs a small CNN over a 224 × 224 × 3 photo (conv2d charges input × kernel elements:
    /// 3 × 224 × 224 → 16 filters 3 × 3 is 6.5e7); a lesson raises it with `limits: work:` in its front matter.
    public var maxTensorWork: Int
    /// Bytes of computed text one page may hold (`{{ }}` holes, table cells, filled listings and outputs).
    public var maxOutputBytes: Int = LessonLimit.output.defaultValue
    /// Bytes of SVG, HTML and PNG all the lesson's figures may add.
    public var maxFigureBytes: Int = LessonLimit.figures.defaultValue
    /// Bytes of the lesson file and of each file it imports, checked before reading them.
    public var maxInputBytes: Int = LessonLimit.input.defaultValue
    /// Elements of a list built from a tensor (`x.tolist()`) or by `+`.
    public var maxListElements: Int
    /// Tensor elements held by all bound names together (a cap on the lesson's memory).
    public var maxBoundElements: Int
    /// Tuples and lists nested inside each other (printing and comparing recurse this deep).
    public var maxValueNesting: Int
    /// Function and closure calls in progress at once (recursion depth).
    public var maxCallDepth: Int
    /// Loop iterations and calls of lesson functions per lesson: a `while true {}` ends here, fast.
    public var maxIterations: Int
    /// Stack bytes an evaluation may use; a deeper recursion fails before the thread's stack could
    /// overflow. A debug build spends about 60 KB of stack per nested lesson call, a release build far
    /// less, so `maxCallDepth` (64 calls, about 4 MB in a debug build) is the limit lessons meet, the
    /// same in every build; this one is the guarantee.
    public var maxStackBytes: Int

    public init(maxNesting: Int = 64, maxTreeHeight: Int = 256, maxStringLength: Int = 1_000_000,
                maxStatements: Int = LessonLimit.statements.defaultValue, maxSteps: Int = LessonLimit.steps.defaultValue,
                maxTensorWork: Int = LessonLimit.work.defaultValue,
                maxListElements: Int = 100_000, maxBoundElements: Int = 1 << 25, maxValueNesting: Int = 64,
                maxCallDepth: Int = 64, maxStackBytes: Int = 6 << 20, maxIterations: Int = 100_000) {
        self.maxCallDepth = maxCallDepth
        self.maxIterations = maxIterations
        self.maxStackBytes = maxStackBytes
        self.maxNesting = maxNesting
        self.maxTreeHeight = maxTreeHeight
        self.maxStringLength = maxStringLength
        self.maxStatements = maxStatements
        self.maxSteps = maxSteps
        self.maxTensorWork = maxTensorWork
        self.maxListElements = maxListElements
        self.maxBoundElements = maxBoundElements
        self.maxValueNesting = maxValueNesting
    }

    /// The limits every lesson builds with.
    public static let standard = EvaluationLimits()

    /// Sets the budget `limit` names (`input` too, which the read boundary applies).
    public mutating func set(_ limit: LessonLimit, to value: Int) {
        switch limit {
        case .work: maxTensorWork = value
        case .steps: maxSteps = value
        case .statements: maxStatements = value
        case .output: maxOutputBytes = value
        case .figures: maxFigureBytes = value
        case .input: maxInputBytes = value
        }
    }

    /// The largest tensor a lesson may create (CNNKernels' `Limits.maxElements`).
    public var maxTensorElements: Int { Limits.maxElements }

    /// Throws when `value` nests tuples and lists more than `maxValueNesting` deep.
    func checkNesting(_ value: Value, at range: Range<Int>) throws(ExpressionFailure) {
        guard value.nestingDepth > maxValueNesting else { return }
        throw ExpressionFailure("values nest too deeply (limit \(maxValueNesting) levels of tuples and lists)", at: range, kind: .limit)
    }

    /// Throws when `text` is longer than `maxStringLength`.
    func check(_ text: String, at range: Range<Int>) throws(ExpressionFailure) {
        let count = text.utf8.count
        guard count > maxStringLength else { return }
        throw ExpressionFailure(
            "result is too long (\(text.count) characters; the limit is \(maxStringLength))", at: range, kind: .limit)
    }
}
