/// A small arbitrary-precision unsigned integer, just enough for exact float-to-decimal
/// conversion (Dragon4): shifts, small multiplies, powers of ten, compare, add and
/// digit extraction.
///
/// Limbs are 32-bit, least significant first, with no leading zero limbs (zero is `[]`).
/// The largest value Dragon4 needs for a Double is about 2^1100 (35 limbs).
///
///     var v = BigUInt(12); v.multiply(by: 10)   // 120
struct BigUInt: Comparable, Sendable {
    private(set) var limbs: [UInt32]

    init(_ value: UInt64) {
        limbs = []
        if value != 0 { limbs.append(UInt32(truncatingIfNeeded: value)) }
        if value >> 32 != 0 { limbs.append(UInt32(truncatingIfNeeded: value >> 32)) }
    }

    /// 2^exponent.
    static func power2(_ exponent: Int) -> BigUInt {
        var result = BigUInt(1)
        result.shiftLeft(exponent)
        return result
    }

    /// 10^exponent.
    static func power10(_ exponent: Int) -> BigUInt {
        var result = BigUInt(1)
        var remaining = exponent
        while remaining >= 9 {
            result.multiply(by: 1_000_000_000)
            remaining -= 9
        }
        var tail: UInt32 = 1
        for _ in 0..<remaining { tail &*= 10 }
        result.multiply(by: tail)
        return result
    }

    var isZero: Bool { limbs.isEmpty }
    var isEven: Bool { limbs.first.map { $0 & 1 == 0 } ?? true }

    /// self <<= bits.
    mutating func shiftLeft(_ bits: Int) {
        guard bits > 0, !limbs.isEmpty else { return }
        let whole = bits / 32, partial = UInt32(bits % 32)
        if partial != 0 {
            var carry: UInt32 = 0
            for i in limbs.indices {
                let limb = limbs[i]
                limbs[i] = (limb << partial) | carry
                carry = limb >> (32 - partial)
            }
            if carry != 0 { limbs.append(carry) }
        }
        if whole > 0 { limbs.insert(contentsOf: repeatElement(0, count: whole), at: 0) }
    }

    /// self *= factor.
    mutating func multiply(by factor: UInt32) {
        guard factor != 1 else { return }
        guard factor != 0 else { limbs = []; return }
        var carry: UInt64 = 0
        for i in limbs.indices {
            let product = UInt64(limbs[i]) &* UInt64(factor) &+ carry
            limbs[i] = UInt32(truncatingIfNeeded: product)
            carry = product >> 32
        }
        if carry != 0 { limbs.append(UInt32(truncatingIfNeeded: carry)) }
    }

    /// self *= other.
    mutating func multiply(by other: BigUInt) {
        guard !limbs.isEmpty, !other.limbs.isEmpty else { limbs = []; return }
        var result = [UInt32](repeating: 0, count: limbs.count + other.limbs.count)
        for (i, a) in limbs.enumerated() {
            var carry: UInt64 = 0
            for (j, b) in other.limbs.enumerated() {
                let t = UInt64(a) &* UInt64(b) &+ UInt64(result[i + j]) &+ carry
                result[i + j] = UInt32(truncatingIfNeeded: t)
                carry = t >> 32
            }
            result[i + other.limbs.count] = UInt32(truncatingIfNeeded: carry)
        }
        while result.last == 0 { result.removeLast() }
        limbs = result
    }

    static func + (lhs: BigUInt, rhs: BigUInt) -> BigUInt {
        let (long, short) = lhs.limbs.count >= rhs.limbs.count ? (lhs, rhs) : (rhs, lhs)
        var result = long
        var carry: UInt64 = 0
        for i in result.limbs.indices {
            let s = UInt64(result.limbs[i]) &+ (i < short.limbs.count ? UInt64(short.limbs[i]) : 0) &+ carry
            result.limbs[i] = UInt32(truncatingIfNeeded: s)
            carry = s >> 32
            if carry == 0 && i >= short.limbs.count { break }
        }
        if carry != 0 { result.limbs.append(UInt32(carry)) }
        return result
    }

    /// self -= other. Precondition: self >= other.
    mutating func subtract(_ other: BigUInt) {
        var borrow: Int64 = 0
        for i in limbs.indices {
            let d = Int64(limbs[i]) - (i < other.limbs.count ? Int64(other.limbs[i]) : 0) - borrow
            if d < 0 {
                limbs[i] = UInt32(truncatingIfNeeded: d + (1 << 32))
                borrow = 1
            } else {
                limbs[i] = UInt32(truncatingIfNeeded: d)
                borrow = 0
                if i >= other.limbs.count { break }
            }
        }
        while limbs.last == 0 { limbs.removeLast() }
    }

    /// Replaces self by self mod divisor and returns self / divisor.
    /// Precondition: the quotient is below 10 (Dragon4 keeps value < 10 * scale).
    ///
    /// The quotient is estimated from the top limbs (at most two below the truth), the
    /// estimate times the divisor subtracted in one pass, then corrected by single subtractions.
    mutating func divideDigit(by divisor: BigUInt) -> Int {
        guard !(self < divisor) else { return 0 }
        let base = max(divisor.limbs.count - 2, 0)
        func leading(_ x: BigUInt) -> Double {
            var total = 0.0
            var i = x.limbs.count - 1
            while i >= base {
                total = total * 4294967296.0 + Double(x.limbs[i])
                i -= 1
            }
            return total
        }
        var quotient = min(max(Int(leading(self) / leading(divisor)) - 1, 0), 9)
        if quotient > 0 { subtract(divisor, times: UInt32(quotient)) }
        while !(self < divisor) {
            subtract(divisor)
            quotient += 1
        }
        return quotient
    }

    /// self -= other * factor. Precondition: the result is not negative.
    private mutating func subtract(_ other: BigUInt, times factor: UInt32) {
        var carry: UInt64 = 0
        var borrow: Int64 = 0
        for i in limbs.indices {
            var product: UInt64 = carry
            if i < other.limbs.count { product &+= UInt64(other.limbs[i]) &* UInt64(factor) }
            carry = product >> 32
            let d = Int64(limbs[i]) - Int64(product & 0xffff_ffff) - borrow
            if d < 0 {
                limbs[i] = UInt32(truncatingIfNeeded: d + (1 << 32))
                borrow = 1
            } else {
                limbs[i] = UInt32(truncatingIfNeeded: d)
                borrow = 0
            }
        }
        while limbs.last == 0 { limbs.removeLast() }
    }

    static func < (lhs: BigUInt, rhs: BigUInt) -> Bool {
        if lhs.limbs.count != rhs.limbs.count { return lhs.limbs.count < rhs.limbs.count }
        var i = lhs.limbs.count - 1
        while i >= 0 {
            if lhs.limbs[i] != rhs.limbs[i] { return lhs.limbs[i] < rhs.limbs[i] }
            i -= 1
        }
        return false
    }
}
