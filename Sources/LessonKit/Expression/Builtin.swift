import Foundation
import CNNKernels

/// A built-in function or method with a Swift-style signature, checked before it runs.
///
///     Builtin("conv2d", "_input _kernel stride? padding? dilation? bias?") { call in ... }
///
/// In the parameter spec a leading `_` marks an unlabeled parameter (its name is only for
/// messages) and a trailing `?` an optional one. The signature reads as Swift writes it:
/// `conv2d(_:_:stride:padding:dilation:bias:)`. Unlabeled arguments fill the unlabeled
/// parameters in order; labeled ones may come in any order after them.
struct Builtin: Sendable {
    struct Parameter: Sendable {
        /// nil for an unlabeled parameter.
        var label: String?
        var name: String
        var isRequired: Bool
    }

    typealias Body = @Sendable (Call) throws(ExpressionFailure) -> Value

    let name: String
    let parameters: [Parameter]
    /// For methods: which receivers the method applies to.
    let accepts: @Sendable (Value) -> Bool
    let body: Body

    init(_ name: String, _ spec: String = "", accepts: @escaping @Sendable (Value) -> Bool = { _ in true },
         _ body: @escaping Body) {
        self.name = name
        self.parameters = spec.split(separator: " ").map { word in
            var text = Substring(word)
            let isRequired = !text.hasSuffix("?")
            if !isRequired { text = text.dropLast() }
            if text.hasPrefix("_") {
                return Parameter(label: nil, name: String(text.dropFirst()), isRequired: isRequired)
            }
            return Parameter(label: String(text), name: String(text), isRequired: isRequired)
        }
        self.accepts = accepts
        self.body = body
    }

    /// A signature without a body (a user function's parameters, for label matching and messages).
    init(name: String, parameters: [Parameter]) {
        self.name = name
        self.parameters = parameters
        self.accepts = { _ in true }
        self.body = { call throws(ExpressionFailure) in throw ExpressionFailure("\(name) cannot be called directly", at: call.range) }
    }

    /// `conv2d(_:_:stride:padding:dilation:bias:)`.
    var signature: String {
        name + "(" + parameters.map { ($0.label ?? "_") + ":" }.joined() + ")"
    }

    /// Matches call arguments to parameters: the value index for each parameter (nil: not given).
    ///
    /// Fails at the offending argument with messages such as
    /// `conv2d(_:_:stride:padding:dilation:bias:) has no argument 'strid'; did you mean 'stride'?`.
    func bind(_ arguments: [Expr.Argument], callRange: Range<Int>) throws(ExpressionFailure) -> [Int?] {
        var slots = [Int?](repeating: nil, count: parameters.count)
        let unlabeled = parameters.indices.filter { parameters[$0].label == nil }
        var nextUnlabeled = 0
        for (index, argument) in arguments.enumerated() {
            guard let label = argument.label else {
                if argument.isTrailingClosure, nextUnlabeled >= unlabeled.count,
                   let open = parameters.indices.first(where: { slots[$0] == nil && parameters[$0].label != nil }) {
                    slots[open] = index
                    continue
                }
                guard nextUnlabeled < unlabeled.count else {
                    let labeled = parameters.filter { $0.label != nil && $0.isRequired }.compactMap(\.label)
                    if let first = labeled.first(where: { l in !arguments.contains { $0.label == l } }) {
                        throw ExpressionFailure("\(signature): argument \(index + 1) needs the label '\(first):'", at: argument.range)
                    }
                    let count = unlabeled.count
                    throw ExpressionFailure(
                        "\(signature) takes \(count) unlabeled argument\(count == 1 ? "" : "s"), got an extra one", at: argument.range)
                }
                slots[unlabeled[nextUnlabeled]] = index
                nextUnlabeled += 1
                continue
            }
            guard let slot = parameters.firstIndex(where: { $0.label == label }) else {
                if let position = unlabeled.firstIndex(where: { parameters[$0].name == label }) {
                    throw ExpressionFailure(
                        "\(signature): argument \(position + 1) has no label; remove '\(label):'", at: argument.range)
                }
                var message = "\(signature) has no argument '\(label)'"
                if let guess = closestName(to: label, among: parameters.compactMap(\.label)) {
                    message += "; did you mean '\(guess)'?"
                }
                throw ExpressionFailure(message, at: argument.range)
            }
            guard slots[slot] == nil else {
                throw ExpressionFailure("\(signature): argument '\(label):' is given twice", at: argument.range)
            }
            slots[slot] = index
        }
        for (slot, parameter) in parameters.enumerated() where parameter.isRequired && slots[slot] == nil {
            if let label = parameter.label {
                throw ExpressionFailure("\(signature) is missing argument '\(label):'", at: callRange)
            }
            let position = (unlabeled.firstIndex(of: slot) ?? 0) + 1
            throw ExpressionFailure("\(signature) is missing argument \(position) (\(parameter.name))", at: callRange)
        }
        return slots
    }
}

/// The candidate closest to `name` by edit distance, when it is close enough to be a typo
/// (at most 1 edit for names of 2–3 characters, 2 for longer ones; none for one-letter names) and
/// no other candidate is as close. Never the opposite operation: `argmin2d` does not suggest
/// `argmax2d`, nor `min` `max`, nor `floor` `ceil`.
///
/// Bounded, since a lesson can ask for thousands of suggestions among thousands of names: only
/// candidates of about the same length are compared (a cheap UTF-8 count first), and when more
/// than `maxCompared` of them are, there is no suggestion.
///
/// - Complexity: O(candidates) plus at most `maxCompared` edit distances.
func closestName(to name: String, among candidates: [String], maxCompared: Int = 1_000) -> String? {
    let limit = min(name.count <= 3 ? 1 : 2, name.count - 1)  // never suggest by replacing a whole short name
    guard limit > 0 else { return nil }
    // A character is at most 4 UTF-8 bytes (an O(1) count), so a name `limit` characters away is
    // within 4·limit bytes; then the exact count of scalars.
    let bytes = name.utf8.count, scalars = name.unicodeScalars.count
    let near = candidates.filter {
        $0 != name && abs($0.utf8.count - bytes) <= 4 * limit && abs($0.unicodeScalars.count - scalars) <= limit
    }
    guard near.count <= maxCompared else { return nil }
    let scored = Set(near).map { ($0, editDistance(name, $0, limit: limit + 1)) }
        .filter { $0.1 <= limit && !isOpposite(name, $0.0) }
    guard let best = scored.min(by: { ($0.1, $0.0) < ($1.1, $1.0) }) else { return nil }
    return scored.filter { $0.1 == best.1 }.count == 1 ? best.0 : nil
}

/// Levenshtein distance between `a` and `b`, cut off at `limit` (returns `limit` when larger).
///
/// - Complexity: O(|a|·|b|).
func editDistance(_ a: String, _ b: String, limit: Int) -> Int {
    let x = Array(a.lowercased().unicodeScalars), y = Array(b.lowercased().unicodeScalars)
    if abs(x.count - y.count) >= limit { return limit }
    var previous = Array(0...y.count)
    for i in 1...max(1, x.count) where !x.isEmpty {
        var row = [i] + [Int](repeating: 0, count: y.count)
        for j in 1...max(1, y.count) where !y.isEmpty {
            row[j] = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
        }
        previous = row
    }
    return min(previous[y.count], limit)
}

/// Pairs of words naming opposite operations; a typo suggestion never swaps one for the other.
private let opposites: [(String, String)] = [("min", "max"), ("floor", "ceil"), ("forward", "backward"), ("true", "false"),
                                             ("add", "subtract"), ("first", "last"), ("lower", "upper"), ("row", "col"),
                                             ("rows", "columns"), ("inner", "outer"), ("input", "output"), ("start", "stop"),
                                             ("height", "width"), ("ascending", "descending"), ("prev", "next")]

/// True when `a` and `b` differ only by swapping a word for its opposite (`argmin2d`/`argmax2d`).
func isOpposite(_ a: String, _ b: String) -> Bool {
    let x = a.lowercased(), y = b.lowercased()
    guard x != y else { return false }
    for (p, q) in opposites {
        if x.replacingOccurrences(of: p, with: q) == y || x.replacingOccurrences(of: q, with: p) == y { return true }
    }
    return false
}
