import Foundation
import Testing
import TestSupport
@testable import LessonKit

/// TeX subset -> MathML. Structure is compared as S-expressions read back with Foundation's XML
/// parser; the expectations are written from the MathML Core spec and TeX's rules (one token per
/// script without braces, U+2212 for `-`, TeX's spacing widths: `\,` = 3mu = 0.1667em,
/// `\;` = 5mu = 0.2778em, `\quad` = 1em), not copied from the converter's output.
@Suite struct MathTeXToMathMLTests {
    static let open = #"mo[fence=true,form=prefix,stretchy=true]"#
    static let close = #"mo[fence=true,form=postfix,stretchy=true]"#

    static let cases: [(String, String)] = [
        ("x", #"mi"x""#),
        ("12.5 + 3", #"mn"12.5" mo"+" mn"3""#),
        ("a - b", #"mi"a" mo"−" mi"b""#),
        (#"\frac{a}{b}"#, #"mfrac(mi"a" mi"b")"#),
        (#"\frac{N + 1}{S}"#, #"mfrac(mrow(mi"N" mo"+" mn"1") mi"S")"#),
        (#"\frac12"#, #"mfrac(mn"1" mn"2")"#),
        ("x^2", #"msup(mi"x" mn"2")"#),
        ("x^23", #"msup(mi"x" mn"2") mn"3""#),
        ("x_i^2", #"msubsup(mi"x" mi"i" mn"2")"#),
        ("x^2_i", #"msubsup(mi"x" mi"i" mn"2")"#),
        ("x_{ij}", #"msub(mi"x" mrow(mi"i" mi"j"))"#),
        (#"x^{\alpha}"#, #"msup(mi"x" mi"α")"#),
        (#"\lfloor x \rfloor"#, #"mo[stretchy=false]"⌊" mi"x" mo[stretchy=false]"⌋""#),
        (#"\lceil x \rceil"#, #"mo[stretchy=false]"⌈" mi"x" mo[stretchy=false]"⌉""#),
        (#"\left( x \right)"#, "mrow(\(open)\"(\" mi\"x\" \(close)\")\")"),
        (#"\left\lfloor \frac{a}{b} \right\rfloor"#, "mrow(\(open)\"⌊\" mfrac(mi\"a\" mi\"b\") \(close)\"⌋\")"),
        (#"\left\lceil x \right\rceil"#, "mrow(\(open)\"⌈\" mi\"x\" \(close)\"⌉\")"),
        (#"\left. x \right|"#, "mrow(mi\"x\" \(close)\"|\")"),
        (#"\alpha + \Gamma"#, #"mi"α" mo"+" mi[mathvariant=normal]"Γ""#),
        (#"\omega \Omega"#, #"mi"ω" mi[mathvariant=normal]"Ω""#),
        (#"a \cdot b \times c"#, #"mi"a" mo"⋅" mi"b" mo"×" mi"c""#),
        (#"\text{field}"#, #"mtext"field""#),
        (#"\text{ if } x"#, "mtext\"\u{A0}if\u{A0}\" mi\"x\""),
        (#"a \le b \ge c \ne d \approx e \pm f"#,
         #"mi"a" mo"≤" mi"b" mo"≥" mi"c" mo"≠" mi"d" mo"≈" mi"e" mo"±" mi"f""#),
        (#"a \leftarrow b \rightarrow c \to d \gets e"#, #"mi"a" mo"←" mi"b" mo"→" mi"c" mo"→" mi"d" mo"←" mi"e""#),
        (#"\sqrt{x}"#, #"msqrt(mi"x")"#),
        (#"\sum_{i=1}^{n} i"#, #"munderover(mo[largeop=true]"∑" mrow(mi"i" mo"=" mn"1") mi"n") mi"i""#),
        (#"a\,b\;c\quad d"#, #"mi"a" mspace[width=0.1667em] mi"b" mspace[width=0.2778em] mi"c" mspace[width=1em] mi"d""#),
        (#"\operatorname{ReLU}(x)"#, "mi\"ReLU\" mo\"\u{2061}\" mo[stretchy=false]\"(\" mi\"x\" mo[stretchy=false]\")\""),
        (#"\mathrm{d}x"#, #"mi[mathvariant=normal]"d" mi"x""#),
        ("a < b > c", #"mi"a" mo"<" mi"b" mo">" mi"c""#),
        ("x, y; z", #"mi"x" mo"," mi"y" mo";" mi"z""#),
        ("[a]", #"mo[stretchy=false]"[" mi"a" mo[stretchy=false]"]""#),
        ("2P", #"mn"2" mi"P""#),
        ("", ""),
    ]

    /// The two formulas of the seed lesson.
    static let outputSize = #"O = \left\lfloor \frac{N + 2P - K}{S} \right\rfloor + 1"#
    static let receptiveField = #"\text{field} \leftarrow \text{field} + (K - 1) \cdot \text{jump}, \quad \text{jump} \leftarrow \text{jump} \cdot S"#

    static func expectedDocument(_ inner: String, tex: String, display: String = "block") -> String {
        let body = inner.isEmpty ? "mrow" : "mrow(\(inner))"
        let annotation = tex.isEmpty ? "" : "\"\(tex)\""
        return "math[display=\(display)](semantics(\(body) annotation[encoding=application/x-tex]\(annotation)))"
    }

    @Test(arguments: cases)
    func structure(tex: String, inner: String) throws {
        let mathML = try TeXToMathML.convert(tex)
        #expect(MarkupTree.sexpr(mathML) == Self.expectedDocument(inner, tex: tex))
    }

    @Test func outputSizeFormula() throws {
        let mathML = try TeXToMathML.convert(Self.outputSize)
        let numerator = #"mrow(mi"N" mo"+" mn"2" mi"P" mo"−" mi"K")"#
        let inner = "mi\"O\" mo\"=\" mrow(\(Self.open)\"⌊\" mfrac(\(numerator) mi\"S\") \(Self.close)\"⌋\") mo\"+\" mn\"1\""
        #expect(MarkupTree.sexpr(mathML) == Self.expectedDocument(inner, tex: Self.outputSize))
        #expect(mathML.hasPrefix(#"<math display="block" xmlns="http://www.w3.org/1998/Math/MathML"><semantics>"#))
    }

    @Test func receptiveFieldFormula() throws {
        let mathML = try TeXToMathML.convert(Self.receptiveField)
        let inner = #"mtext"field" mo"←" mtext"field" mo"+" mo[stretchy=false]"(" mi"K" mo"−" mn"1" mo[stretchy=false]")" mo"⋅" mtext"jump" mo"," mspace[width=1em] mtext"jump" mo"←" mtext"jump" mo"⋅" mi"S""#
        #expect(MarkupTree.sexpr(mathML) == Self.expectedDocument(inner, tex: Self.receptiveField))
    }

    @Test func inlineUsesScriptsNotLimits() throws {
        let tex = #"\sum_{i}^{n} x"#
        let mathML = try TeXToMathML.convert(tex, display: false)
        let inner = #"msubsup(mo[largeop=true]"∑" mi"i" mi"n") mi"x""#
        #expect(MarkupTree.sexpr(mathML) == Self.expectedDocument(inner, tex: tex, display: "inline"))
    }

    @Test func annotationIsEscaped() throws {
        let tex = #"a < b \text{<script>&"'}"#
        let mathML = try TeXToMathML.convert(tex)
        #expect(!mathML.contains("<script>"))
        #expect(mathML.contains("<annotation encoding=\"application/x-tex\">a &lt; b \\text{&lt;script&gt;&amp;&quot;&#39;}</annotation>"))
        #expect(mathML.contains("<mtext>&lt;script&gt;&amp;&quot;&#39;</mtext>"))
    }

    static let errors: [(String, Int, String)] = [
        (#"\foo + 1"#, 0, "unknown command '\\foo'"),
        (#"x + \badcmd"#, 4, "unknown command '\\badcmd'"),
        (#"\frac{a}{b"#, 8, "missing '}'"),
        ("a}", 1, "'}' has no matching '{'"),
        (#"\left( x"#, 0, "\\left has no matching \\right"),
        (#"{\left( x}"#, 1, "\\left has no matching \\right"),
        (#"x \right)"#, 2, "\\right has no matching \\left"),
        ("x^", 1, "missing its argument"),
        ("x^1^2", 3, "double superscript"),
        ("x_1_2", 3, "double subscript"),
        (#"\frac{a}"#, 0, "missing its argument"),
        (#"αβ \foo"#, 5, "unknown command"),
        (#"\text{a"#, 5, "missing '}'"),
        ("a & b", 2, "alignment"),
        (#"x\"#, 1, "lone '\\'"),
        (#"\left x \right)"#, 6, "delimiter"),
        (#"\sqrt[3{x}"#, 5, "missing ']'"),
        (#"\text{\alpha}"#, 6, "not supported inside"),
    ]

    @Test(arguments: errors)
    func errorLocation(tex: String, offset: Int, message: String) {
        #expect {
            try TeXToMathML.convert(tex)
        } throws: { error in
            guard let error = error as? MathError else { return false }
            return error.offset == offset && error.message.contains(message)
        }
    }

    @Test func deepNestingIsAnErrorNotACrash() {
        let tex = String(repeating: "{", count: 500) + "x" + String(repeating: "}", count: 500)
        #expect(throws: MathError.self) { try TeXToMathML.convert(tex) }
        let fractions = String(repeating: #"\frac{1}{"#, count: 200) + "x" + String(repeating: "}", count: 200)
        #expect(throws: MathError.self) { try TeXToMathML.convert(fractions) }
    }

    /// Random token soup: every input either converts to well-formed XML or throws a
    /// `MathError` whose offset lies inside the source.
    @Test func randomInputsNeverCrash() {
        let seed: UInt64 = 0x5EED_0007
        var generator = SplitMix64(seed: seed)
        let pieces = [#"\frac"#, "{", "}", "^", "_", "x", "2", "3.5", #"\left("#, #"\right)"#, #"\left\lfloor"#,
                      #"\right\rfloor"#, #"\text{a b}"#, #"\alpha"#, "+", "-", "<", "&", #"\cdot"#, " ", #"\sqrt"#,
                      "[", "]", #"\bogus"#, "é", #"\,"#, "%c\n", "(", #"\sum"#]
        var compared = 0
        for _ in 0..<2000 {
            let length = Int(generator.next() % 12)
            let tex = (0..<length).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined()
            do {
                let mathML = try TeXToMathML.convert(tex)
                #expect(MarkupTree.sexpr(mathML) != nil, "seed \(seed): not well-formed for \(tex.debugDescription)")
            } catch {
                #expect((0...tex.utf8.count).contains(error.offset), "seed \(seed): offset \(error.offset) outside \(tex.debugDescription)")
            }
            compared += 1
        }
        print("TeX fuzz: seed \(seed), \(compared) inputs")
    }

    /// Every output above parses with Python's xml.etree as a MathML `<math>` element (live).
    @Test(.enabled(if: Tools.hasPython, "needs python3 (xml.etree)"))
    func wellFormedPerPythonXML() throws {
        var sources = Self.cases.map(\.0) + [Self.outputSize, Self.receptiveField]
        sources.append(#"a < b \text{<&>"'}"#)
        let outputs = try sources.map { try TeXToMathML.convert($0) }
        let script = """
        import json, sys, xml.etree.ElementTree as ET
        docs = json.load(sys.stdin)
        for d in docs:
            root = ET.fromstring(d)
            assert root.tag == '{http://www.w3.org/1998/Math/MathML}math', root.tag
            sem = list(root)
            assert len(sem) == 1 and sem[0].tag.endswith('semantics')
            kids = list(sem[0])
            assert kids[0].tag.endswith('mrow') and kids[-1].tag.endswith('annotation')
        print('OK', len(docs))
        """
        let data = try JSONSerialization.data(withJSONObject: outputs)
        let result = try #require(RenderPython.run(script: script, input: String(decoding: data, as: UTF8.self)))
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output == "OK \(outputs.count)\n")
    }
}
