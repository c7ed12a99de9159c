/// Caps that keep a lesson from allocating or computing without bound.
///
/// Every kernel that creates a tensor checks the element count against
/// `maxElements` before allocating and throws a `KernelError` past it.
public enum Limits {
    /// The largest tensor a lesson may create: 16 Mi elements (128 MiB of float64).
    public static let maxElements = 1 << 24

    /// Throws when a tensor of `shape` would exceed `maxElements`.
    public static func checkElements(_ shape: [Int]) throws(KernelError) {
        let count = try checkedProduct(shape)
        guard count <= maxElements else {
            throw KernelError("a tensor of shape \(shapeText(shape)) has \(count) elements; the limit is \(maxElements)")
        }
    }
}
