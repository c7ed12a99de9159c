// TEMPORARY (lead's branch only): replaced when the render branch is merged.
public enum PageRenderer { public static func render(_ lesson: EvaluatedLesson) -> String { fatalError() } }
enum IndexRenderer { static func render(_ entries: [SiteIndexEntry]) -> String { fatalError() } }
public enum Stylesheet { public static let css = "" }
public enum HTMLEscaping {
    public static func escape(_ s: String) -> String { fatalError() }
    public static func unescape(_ s: String) -> String { fatalError() }
}
public struct MathError: Error { public var message: String; public var offset: Int }
public enum TeXToMathML { public static func convert(_ tex: String, display: Bool = true) throws(MathError) -> String { fatalError() } }
