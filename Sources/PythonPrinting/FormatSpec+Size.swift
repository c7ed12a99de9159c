/// The width plus the precision a format spec asks for (each 0 when not given, and 0 for a spec
/// that does not parse, which formatting then rejects): the part of a formatted value's length
/// that the spec, not the value, decides. Callers compare it with an output budget *before*
/// formatting, so `.100000f` over a large table is refused without writing a byte.
///
///     formatSpecFieldSize("*>12.100000f")   // 100012
///     formatSpecFieldSize(",")              // 0
public func formatSpecFieldSize(_ spec: String) -> Int {
    guard let parsed = try? FormatSpec(spec, typeName: "float", defaultType: nil, defaultAlign: ">") else { return 0 }
    return max(parsed.width, 0) + max(parsed.precision, 0)
}
