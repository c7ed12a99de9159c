import CNNKernels

/// `:variants: N`, `:given:` and `:require:` (LESSON-FORMAT.md §10).
///
/// For variant k = 1…N, the `:given:` runs in a scope of its own (nested in the lesson's) with a
/// `VariantGenerator` seeded by (lesson, question name, k, attempt). When `:require:` is false or
/// the drawn values repeat an earlier variant's, it draws again with the next attempt, at most
/// `maxDraws` times. Then the prompt, options, explanation, answer and tolerance are evaluated
/// with the given names visible.
///
/// Located errors: `:variants:` that is not 1…100 or has no `:given:`; `:given:`/`:require:`
/// without `:variants:`; a `:given:` that fails ("variant 3: `:given:` fails: …"); a `:require:`
/// that is not a Bool or never holds ("`:require:` never held in 100 draws for variant 7");
/// fewer distinct variants than asked; a given value that is not data (a function, a figure); any
/// problem in the prompt or answer of one variant ("variant 4: kernel cannot exceed padded input size").
extension QuestionDraft {
    static let variantOptions = ["variants", "given", "require"]
    /// The most variants a question may ask for.
    static let maxVariants = 100
    /// Draws per variant before `:require:` or distinctness gives up.
    static let maxDraws = 100
    /// Numbers (tensor elements, list items) the given values of one question's variants may hold
    /// together: they stay in memory and are exported with every variant.
    static let maxGivenValues = 100_000

    /// The lesson's name as seeds use it: the file name without `.md`.
    var lessonName: String {
        let file = path.split(separator: "/").last.map(String.init) ?? path
        return file.hasSuffix(".md") ? String(file.dropLast(3)) : file
    }

    /// N from `:variants: N`; nil without the option (also after reporting a problem with it).
    mutating func variantCount() -> Int? {
        guard let option = directive.option("variants") else {
            for key in ["given", "require"] {
                if let other = directive.option(key) {
                    error(other.valueLocation, "`:\(key):` applies to a question with `:variants: N`; add it (e.g. `:variants: 10`)")
                }
            }
            return nil
        }
        let text = option.value.trimmingSpaces
        guard let n = Int(text), (1...Self.maxVariants).contains(n) else {
            error(option.valueLocation, "`:variants:` must be a whole number from 1 to \(Self.maxVariants), got `\(text)`")
            return nil
        }
        guard let given = directive.option("given"), !given.value.trimmingSpaces.isEmpty else {
            error(option.valueLocation, "`:variants:` needs `:given:` with the values that vary, e.g. `:given: let n = choose([28, 32, 64])`")
            return nil
        }
        return n
    }

    /// Every variant, built; nil after reporting.
    mutating func buildVariants(kind: any QuizKind, id: String, count: Int,
                                _ promptLines: BodyLines, _ explanationLines: BodyLines?) -> [Question.Variant]? {
        guard let drawn = drawVariants(id: id, count: count) else { return nil }
        var variants: [Question.Variant] = []
        defer { variantLabel = nil }
        for (index, bindings) in drawn.enumerated() {
            variantLabel = "variant \(index + 1)"
            var built: Question.Variant?
            context.withGiven(bindings) { built = buildVariant(kind: kind, promptLines, explanationLines) }
            guard var variant = built, !failed else { return nil }
            guard let given = givenData(bindings) else { return nil }
            variant.given = given
            variants.append(variant)
        }
        return variants
    }

    /// The given names of variants 1…count, each satisfying `:require:` and differing from the others.
    private mutating func drawVariants(id: String, count: Int) -> [GivenBindings]? {
        guard let given = directive.option("given"), let variantsOption = directive.option("variants") else { return nil }
        let require = directive.option("require")
        var drawn: [GivenBindings] = []
        var seen: Set<String> = []
        var kept = 0
        for variant in 1...count {
            var found: GivenBindings?
            var held = false
            for attempt in 0..<Self.maxDraws {
                let generator = VariantGenerator(lesson: lessonName, question: id, variant: variant, attempt: attempt)
                let bindings: GivenBindings
                do {
                    bindings = try context.runGiven(given.value, { given.valueLocation.advanced(by: $0) }, generator)
                } catch {
                    if error.isCascade { failed = true } else { self.error(error.location, "`:given:` fails for variant \(variant): \(error.message)") }
                    return nil
                }
                if let require {
                    var holds: Value?
                    variantLabel = "variant \(variant)"
                    context.withGiven(bindings) { holds = evaluate(require.value, at: require.valueLocation) }
                    variantLabel = nil
                    guard let holds else { return nil }
                    guard let truth = Self.truth(holds) else {
                        error(require.valueLocation, "`:require:` must be a Bool condition such as `n % s == 0`, got \(holds.quizDescription)")
                        return nil
                    }
                    if !truth { continue }
                }
                held = true
                let key = bindings.values.map { "\($0.name)=\(context.display($0.value))" }.joined(separator: "\u{1F}")
                if seen.insert(key).inserted {
                    found = bindings
                    break
                }
            }
            guard let found else {
                if let require, !held {
                    error(require.valueLocation, "`:require:` never held in \(Self.maxDraws) draws for variant \(variant)")
                } else {
                    error(variantsOption.valueLocation, "only \(variant - 1) distinct variant\(variant == 2 ? "" : "s") of \(count) could be drawn: "
                          + "variant \(variant) repeated an earlier one in all \(Self.maxDraws) draws; ask for fewer `:variants:` or draw from more values")
                }
                return nil
            }
            kept += found.values.reduce(0) { $0 + Self.size($1.value) }
            guard kept <= Self.maxGivenValues else {
                error(given.valueLocation, "the given values of variants 1 to \(variant) hold \(kept) numbers; at most \(Self.maxGivenValues) "
                      + "are kept per question (they are exported with each variant); draw smaller tensors or fewer variants")
                return nil
            }
            drawn.append(found)
        }
        return drawn
    }

    /// How many numbers a given value holds: a tensor's elements, a list's items (nested ones too).
    private static func size(_ value: Value) -> Int {
        switch value {
        case .tensor(let t): return t.count
        case .tuple(let items), .list(let items): return items.reduce(items.count) { $0 + size($1) }
        case .range(let lower, let upper): return max(0, upper - lower)
        case .string(let s): return 1 + s.utf8.count / 8
        default: return 1
        }
    }

    private static func truth(_ value: Value) -> Bool? {
        switch value {
        case .bool(let b), .numpy(.bool(let b)): return b
        case .tensor(let t) where t.shape.isEmpty:
            if case .bool(let v) = t.storage { return v.first }
            return nil
        default: return nil
        }
    }

    /// The given values as data, or nil after reporting one that is not data.
    private mutating func givenData(_ bindings: GivenBindings) -> [Question.GivenValue]? {
        var out: [Question.GivenValue] = []
        for (name, value) in bindings.values {
            guard let data = Self.data(value) else {
                guard let given = directive.option("given") else { return nil }
                let what = Self.data(value, finiteOnly: false) == nil ? value.quizDescription : "a value that is not finite"
                error(given.valueLocation, "`:given:` binds `\(name)` to \(what); given values must be finite numbers, strings, "
                      + "Bools, tuples, lists or tensors (they are exported with each variant)")
                return nil
            }
            out.append(Question.GivenValue(name: name, value: data))
        }
        return out
    }

    /// A value as `QuizData`; nil for functions, figures, records and non-finite numbers.
    static func data(_ value: Value, finiteOnly: Bool = true) -> QuizData? {
        switch value {
        case .int(let n), .numpy(.int(let n)): return .number(String(n))
        case .double(let d), .numpy(.float(let d)): return d.isFinite || !finiteOnly ? .number("\(d)") : nil
        case .bool(let b), .numpy(.bool(let b)): return .bool(b)
        case .string(let s): return .string(s)
        case .tuple(let items), .list(let items):
            var out: [QuizData] = []
            for item in items {
                guard let d = data(item, finiteOnly: finiteOnly) else { return nil }
                out.append(d)
            }
            return .list(out)
        case .range(let lower, let upper):
            guard upper - lower <= 100_000 else { return nil }  // exported element by element
            return .list((lower..<max(lower, upper)).map { .number(String($0)) })
        case .tensor(let t): return tensorData(t, shape: t.shape[...], offset: 0, finiteOnly: finiteOnly)
        case .record, .function, .figure: return nil
        }
    }

    private static func tensorData(_ t: Tensor, shape: ArraySlice<Int>, offset: Int, finiteOnly: Bool) -> QuizData? {
        guard let extent = shape.first else {
            switch t.storage {
            case .int64(let v): return v[safe: offset].map { .number(String($0)) }
            case .float64(let v): return v[safe: offset].flatMap { $0.isFinite || !finiteOnly ? .number("\($0)") : nil }
            case .bool(let v): return v[safe: offset].map { .bool($0) }
            }
        }
        let stride = shape.dropFirst().reduce(1, *)
        var items: [QuizData] = []
        for i in 0..<extent {
            guard let item = tensorData(t, shape: shape.dropFirst(), offset: offset + i * stride, finiteOnly: finiteOnly) else { return nil }
            items.append(item)
        }
        return .list(items)
    }
}
