/// The seeded generator behind `choose`, `randomInt`, `randomTensor` and `shuffled`: SplitMix64
/// (Steele, Lea and Flood 2014), the same sequence on every machine and in every build.
///
/// A question's variant draws from its own stream, seeded by the lesson, the question's name, the
/// variant number and the draw attempt (a `:require:` that fails draws again with the next attempt):
///
///     seed = FNV-1a 64 of the UTF-8 bytes of "LESSON␟NAME␟VARIANT␟ATTEMPT"   (␟ is U+001F)
///     next: state += 0x9E3779B97F4A7C15; z = state
///           z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9
///           z = (z ^ (z >> 27)) * 0x94D049BB133111EB
///           return z ^ (z >> 31)
///
/// `LESSON` is the lesson file's name without `.md` (`cnn`), so the variants do not depend on the
/// folder the lesson is built from. A number below `n` is the high word of `next() × n`
/// (Lemire's multiply-shift, no loop; its bias is below n / 2^64).
///
///     var g = VariantGenerator(lesson: "cnn", question: "out-size", variant: 1, attempt: 0)
///     g.below(5)   // the index `choose` takes from a five-element list
public struct VariantGenerator: Sendable, Equatable {
    private var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    public init(lesson: String, question: String, variant: Int, attempt: Int) {
        self.init(seed: Self.fnv1a64("\(lesson)\u{1F}\(question)\u{1F}\(variant)\u{1F}\(attempt)"))
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `0..<n` (`n` ≥ 1).
    public mutating func below(_ n: Int) -> Int {
        precondition(n >= 1, "below(_:) needs a positive bound")
        return Int(next().multipliedFullWidth(by: UInt64(n)).high)
    }

    /// FNV-1a 64 of the UTF-8 bytes of `text` (`FNV1a`).
    static func fnv1a64(_ text: String) -> UInt64 { FNV1a.hash(text.utf8) }
}
