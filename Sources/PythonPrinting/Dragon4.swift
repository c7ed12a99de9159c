/// Exact binary-to-decimal digit generation for Doubles (Steele & White / Burger & Dybvig
/// "Dragon4", with the decisions NumPy's `dragon4.c` makes), the engine behind every float
/// this module prints.
///
/// The value `m · 2^e` is held as `value / scale` in big integers, so every digit and every
/// rounding decision is exact:
/// - `unique` mode stops at the shortest digit string that reads back as the same Double
///   (margins are half the gap to the neighbours, inclusive when `m` is even);
/// - `exact` mode prints the true binary value, stopping at the cutoff and rounding the
///   last digit half-to-even on the exact remainder.
///
///     Dragon4.digits(0.3, mode: .unique)                          // ([3], exponent: -1)
///     Dragon4.digits(2.675, mode: .exact, cutoff: .fraction(2))   // ([2, 6, 7], 0) -> 2.67
enum Dragon4 {
    enum Mode { case unique, exact }

    /// Where to stop: after a number of significant digits, or of digits past the point.
    enum Cutoff: Equatable {
        case none
        case total(Int)
        case fraction(Int)
    }

    /// The decimal digits (each 0...9) of `abs(x)` and the base-10 exponent of the first one.
    /// Precondition: `x` is finite. Zero gives `([0], 0)`.
    ///
    /// - Parameters:
    ///   - cutoff: the last digit position that may be printed.
    ///   - minimum: in `unique` mode, print at least down to this position (NumPy's `min_digits`).
    static func digits(
        _ x: Double, mode: Mode, cutoff: Cutoff = .none, minimum: Cutoff = .none
    ) -> (digits: [UInt8], exponent: Int) {
        let bits = x.bitPattern
        let biased = Int((bits >> 52) & 0x7ff)
        let fraction = bits & ((1 << 52) - 1)
        let mantissa: UInt64, exponent: Int, mantissaBit: Int, unequal: Bool
        if biased != 0 {
            mantissa = (1 << 52) | fraction
            exponent = biased - 1075
            mantissaBit = 52
            unequal = biased != 1 && fraction == 0
        } else {
            mantissa = fraction
            exponent = -1074
            mantissaBit = fraction == 0 ? 0 : 63 - fraction.leadingZeroBitCount
            unequal = false
        }
        guard mantissa != 0 else { return ([0], 0) }
        return generate(
            mantissa: mantissa, exponent: exponent, mantissaBit: mantissaBit,
            unequalMargins: unequal, mode: mode, cutoff: cutoff, minimum: minimum)
    }

    private static func generate(
        mantissa: UInt64, exponent: Int, mantissaBit: Int, unequalMargins: Bool,
        mode: Mode, cutoff: Cutoff, minimum: Cutoff
    ) -> (digits: [UInt8], exponent: Int) {
        let isEven = mantissa & 1 == 0
        // value / scale is the number; marginLow / scale and marginHigh / scale are half the
        // distances to the neighbouring Doubles (all doubled so they stay integers).
        var value = BigUInt(mantissa)
        var scale: BigUInt
        var marginLow: BigUInt
        let highFactor: UInt32 = unequalMargins ? 2 : 1
        if exponent > 0 {
            value.shiftLeft(exponent + (unequalMargins ? 2 : 1))
            scale = BigUInt(unequalMargins ? 4 : 2)
            marginLow = BigUInt.power2(exponent)
        } else {
            value.shiftLeft(unequalMargins ? 2 : 1)
            scale = BigUInt.power2(-exponent + (unequalMargins ? 2 : 1))
            marginLow = BigUInt(1)
        }

        // First-digit exponent estimate: floor(log10 v) + 1, or one less.
        let log10of2 = 0.30102999566398119521373889472449
        let estimate = Double(mantissaBit + exponent) * log10of2 - 0.69
        var digitExponent = Int(estimate)  // truncation; then ceil without libm
        if Double(digitExponent) < estimate { digitExponent += 1 }
        if case .fraction(let places) = cutoff, digitExponent <= -places {
            digitExponent = -places + 1
        }
        if digitExponent > 0 {
            scale.multiply(by: BigUInt.power10(digitExponent))
        } else if digitExponent < 0 {
            let power = BigUInt.power10(-digitExponent)
            value.multiply(by: power)
            marginLow.multiply(by: power)
        }
        if value >= scale {
            digitExponent += 1
        } else {
            value.multiply(by: 10)
            marginLow.multiply(by: 10)
        }
        var marginHigh = marginLow
        marginHigh.multiply(by: highFactor)

        let bufferSize = 4096
        var cutoffExponent = digitExponent - bufferSize
        switch cutoff {
        case .none: break
        case .total(let count): cutoffExponent = max(cutoffExponent, digitExponent - count)
        case .fraction(let places): cutoffExponent = max(cutoffExponent, -places)
        }
        var minimumExponent = digitExponent
        switch minimum {
        case .none: break
        case .total(let count): minimumExponent = min(minimumExponent, digitExponent - count)
        case .fraction(let places): minimumExponent = min(minimumExponent, -places)
        }
        var outExponent = digitExponent - 1

        var output: [UInt8] = []
        var digit = 0
        var low = false, high = false
        switch mode {
        case .unique:
            while true {
                digitExponent -= 1
                digit = value.divideDigit(by: scale)
                let valueHigh = value + marginHigh
                low = isEven ? value <= marginLow : value < marginLow
                high = isEven ? valueHigh >= scale : valueHigh > scale
                if ((low || high) && digitExponent <= minimumExponent) || digitExponent == cutoffExponent {
                    break
                }
                output.append(UInt8(digit))
                value.multiply(by: 10)
                marginLow.multiply(by: 10)
                marginHigh = marginLow
                marginHigh.multiply(by: highFactor)
            }
        case .exact:
            while true {
                digitExponent -= 1
                digit = value.divideDigit(by: scale)
                if value.isZero || digitExponent == cutoffExponent { break }
                output.append(UInt8(digit))
                value.multiply(by: 10)
            }
        }

        // Round the final digit: to the nearer neighbour, ties to the even digit.
        var roundDown = low
        if low == high {
            value.multiply(by: 2)
            if value < scale {
                roundDown = true
            } else if scale < value {
                roundDown = false
            } else {
                roundDown = digit & 1 == 0
            }
        }
        if roundDown {
            output.append(UInt8(digit))
        } else if digit < 9 {
            output.append(UInt8(digit + 1))
        } else {
            while let last = output.last, last == 9 { output.removeLast() }
            if output.isEmpty {
                output.append(1)
                outExponent += 1
            } else {
                output[output.count - 1] += 1
            }
        }
        return (output, outExponent)
    }
}
