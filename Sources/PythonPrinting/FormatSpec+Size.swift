/// The fewest characters `format(v, spec)` writes for any number `v` (0 for a spec that does not
/// parse, which formatting then rejects): the width, and the precision of the fixed-digit types
/// `f F e E %`, which always write that many digits after the point. Callers compare it with an
/// output budget *before* formatting, so `.100000f` over a large table is refused without
/// writing a byte.
///
///     formatSpecMinimumLength("*>12.100000f")   // 100000
///     formatSpecMinimumLength("20.100000g")     // 20 (g drops trailing zeros)
///     formatSpecMinimumLength(",")              // 0
public func formatSpecMinimumLength(_ spec: String) -> Int {
    guard let parsed = try? FormatSpec(spec, typeName: "float", defaultType: nil, defaultAlign: ">") else { return 0 }
    let fixedDigits = parsed.type.map { "fFeE%".unicodeScalars.contains($0) } ?? false
    return max(parsed.width, fixedDigits ? parsed.precision : 0, 0)
}
