/// One lexical unit of a TeX formula.
struct TeXToken: Equatable {
    enum Kind: Equatable {
        /// `\name` (letters) or a one-character control symbol such as `\,` or `\{`; the name
        /// excludes the backslash.
        case command(String)
        /// Any other single character.
        case character(Unicode.Scalar)
        /// A run of white space (ignored in math, one space inside `\text{}`).
        case space
        case openBrace
        case closeBrace
        case superscript
        case `subscript`
        case end
    }

    var kind: Kind
    /// UTF-8 byte offset of the token's first byte in the source.
    var offset: Int
}
