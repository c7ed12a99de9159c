/// 64-bit FNV-1a, the one stable hash behind quiz keys, variant seeds and figure file names:
///
///     h = 0xcbf29ce484222325;  for each byte b: h = (h ^ b) &* 0x100000001b3
///
/// Example: `FNV1a.hex("".utf8)` is `cbf29ce484222325`, `FNV1a.hex("a".utf8)` is `af63dc4c8601ec8c`.
enum FNV1a {
    static func hash<Bytes: Sequence>(_ bytes: Bytes) -> UInt64 where Bytes.Element == UInt8 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { h = (h ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        return h
    }

    /// The hash as 16 lower-case hex digits.
    static func hex<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        let hex = String(hash(bytes), radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
