import Foundation
import ZIPFoundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// A QTI 2.1 IMS content package: `imsmanifest.xml`, `items/ID.xml` (one assessmentItem per
/// question) and `assessment.xml` (an assessmentTest whose `PASS` outcome is `SCORE / N > mark`).
///
/// Each item's responses, interaction and scoring rules come from its kind (`QuizKind.qti`):
/// numeric `float` with `equal toleranceMode="absolute"`, choice `choiceInteraction` with `match`,
/// text `string` with case-insensitive `stringMatch`, matrix one `float` response per cell.
/// An explanation after `+++` is a `modalFeedback` shown once the item is responded to.
/// A question with variants is an `assessmentSection` with `<selection select="1"/>` holding one
/// item per variant (`ID-v1`, …), so each candidate gets one of them.
///
/// Every number is written with `QuizNumber.qti`, the form OAT's qti-sdk engine reads as a float.
///
/// The zip is deterministic: fixed entry order, timestamps (2000-01-01 00:00 UTC) and permissions.
enum QTIExporter {
    static let fixedDate = Date(timeIntervalSince1970: 946_684_800)
    static let itemNamespace = "http://www.imsglobal.org/xsd/imsqti_v2p1"

    static func package(questions: [Question], panel: QuizPanel?, lessonName: String, title: String) throws -> Data {
        try zip(try files(questions: questions, panel: panel, lessonName: lessonName, title: title))
    }

    /// The package's files in zip order: manifest, test, items.
    static func files(questions: [Question], panel: QuizPanel?, lessonName: String, title: String) throws(QuizExporter.Refusal) -> [(String, String)] {
        var files = [("imsmanifest.xml", manifest(questions: questions, lessonName: lessonName)),
                     ("assessment.xml", test(questions: questions, panel: panel, lessonName: lessonName, title: title))]
        for (n, question) in questions.enumerated() {
            for q in QuizExporter.variantQuestions(question) {
                files.append(("items/\(q.id).xml", try item(q, number: n + 1)))
            }
        }
        return files
    }

    static func zip(_ files: [(String, String)]) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        for (path, text) in files {
            let data = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: fixedDate,
                                 permissions: 0o644, compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return archive.data ?? Data()
    }

    /// An XML NCName made from `text` (letters, digits, `_`, `-`, `.`; starting with a letter or `_`).
    static func identifier(_ text: String) -> String {
        var out = String(text.unicodeScalars.map { $0.isASCIILetter || ("0"..."9").contains($0) || $0 == "-" || $0 == "." ? Character($0) : "_" })
        if out.first.map({ !($0.isLetter || $0 == "_") }) ?? true { out = "_" + out }
        return out
    }

    static func manifest(questions: [Question], lessonName: String) -> String {
        let testID = "TEST-" + identifier(lessonName)
        var out = """
        <?xml version="1.0" encoding="UTF-8"?>
        <manifest xmlns="http://www.imsglobal.org/xsd/imscp_v1p1" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
        identifier="MANIFEST-\(identifier(lessonName))" xsi:schemaLocation="http://www.imsglobal.org/xsd/imscp_v1p1 \
        http://www.imsglobal.org/xsd/qti/qtiv2p1/qtiv2p1_imscpv1p2_v1p0.xsd">
          <metadata>
            <schema>QTIv2.1 Package</schema>
            <schemaversion>1.0.0</schemaversion>
          </metadata>
          <organizations/>
          <resources>
            <resource identifier="\(testID)" type="imsqti_test_xmlv2p1" href="assessment.xml">
              <file href="assessment.xml"/>

        """
        let items = questions.flatMap(QuizExporter.variantQuestions)
        for q in items { out += "      <dependency identifierref=\"ITEM-\(identifier(q.id))\"/>\n" }
        out += "    </resource>\n"
        for q in items {
            let href = XMLEscaping.escape("items/\(q.id).xml")
            out += "    <resource identifier=\"ITEM-\(identifier(q.id))\" type=\"imsqti_item_xmlv2p1\" href=\"\(href)\">\n"
            out += "      <file href=\"\(href)\"/>\n    </resource>\n"
        }
        return out + "  </resources>\n</manifest>\n"
    }

    static func test(questions: [Question], panel: QuizPanel?, lessonName: String, title: String) -> String {
        let mark = panel?.passMark ?? QuizPanel.defaultPassMark
        var out = """
        <?xml version="1.0" encoding="UTF-8"?>
        <assessmentTest xmlns="\(itemNamespace)" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
        xsi:schemaLocation="\(itemNamespace) http://www.imsglobal.org/xsd/qti/qtiv2p1/imsqti_v2p1.xsd" \
        identifier="TEST-\(identifier(lessonName))" title="\(XMLEscaping.escape(title))">
          <outcomeDeclaration identifier="SCORE" cardinality="single" baseType="float">
            <defaultValue><value>0</value></defaultValue>
          </outcomeDeclaration>
          <outcomeDeclaration identifier="PASS" cardinality="single" baseType="boolean"/>
          <testPart identifier="part1" navigationMode="nonlinear" submissionMode="simultaneous">
            <assessmentSection identifier="section1" title="Quiz" visible="true">

        """
        for question in questions {
            guard !question.variants.isEmpty else {
                out += "      <assessmentItemRef identifier=\"\(identifier(question.id))\" href=\"\(XMLEscaping.escape("items/\(question.id).xml"))\"/>\n"
                continue
            }
            // One item per variant; the engine selects one of them for each candidate.
            out += "      <assessmentSection identifier=\"\(identifier("variants-" + question.id))\" title=\"\(XMLEscaping.escape(question.id))\" visible=\"false\">\n"
            out += "        <selection select=\"1\"/>\n"
            for q in QuizExporter.variantQuestions(question) {
                out += "        <assessmentItemRef identifier=\"\(identifier(q.id))\" href=\"\(XMLEscaping.escape("items/\(q.id).xml"))\"/>\n"
            }
            out += "      </assessmentSection>\n"
        }
        out += """
            </assessmentSection>
          </testPart>
          <outcomeProcessing>
            <setOutcomeValue identifier="SCORE">
              <sum><testVariables variableIdentifier="SCORE"/></sum>
            </setOutcomeValue>
            <setOutcomeValue identifier="PASS">
              <gt>
                <divide><variable identifier="SCORE"/><baseValue baseType="float">\(questions.count)</baseValue></divide>
                <baseValue baseType="float">\(QuizNumber.qti(mark))</baseValue>
              </gt>
            </setOutcomeValue>
          </outcomeProcessing>
        </assessmentTest>

        """
        return out
    }

    static func item(_ q: Question, number: Int) throws(QuizExporter.Refusal) -> String {
        let (declarations, interaction, rules) = try QuizKinds.of(q).qti(q)
        var conditions = rules
        var outcomes = """
          <outcomeDeclaration identifier="SCORE" cardinality="single" baseType="float">
            <defaultValue><value>0</value></defaultValue>
          </outcomeDeclaration>

        """
        var feedback = ""
        if let explanation = q.explanationHTML {
            outcomes += "  <outcomeDeclaration identifier=\"FEEDBACK\" cardinality=\"single\" baseType=\"identifier\"/>\n"
            conditions.append("""
                <setOutcomeValue identifier="FEEDBACK"><baseValue baseType="identifier">EXPLANATION</baseValue></setOutcomeValue>

            """)
            feedback = """
              <modalFeedback outcomeIdentifier="FEEDBACK" identifier="EXPLANATION" showHide="show" title="Explanation">\
            \(xhtml(explanation))</modalFeedback>

            """
        }
        return """
        <?xml version="1.0" encoding="UTF-8"?>
        <assessmentItem xmlns="\(itemNamespace)" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
        xsi:schemaLocation="\(itemNamespace) http://www.imsglobal.org/xsd/qti/qtiv2p1/imsqti_v2p1.xsd" \
        identifier="\(identifier(q.id))" title="Question \(number)" adaptive="false" timeDependent="false">
        \(declarations.joined())\(outcomes)  <itemBody>
            <div>\(xhtml(q.promptHTML))</div>
        \(interaction)  </itemBody>
          <responseProcessing>
        \(conditions.joined())  </responseProcessing>
        \(feedback)</assessmentItem>

        """
    }

    /// A single-cardinality response declaration with its correct value.
    static func declaration(_ id: String, _ baseType: String, _ correct: String) -> String {
        """
          <responseDeclaration identifier="\(id)" cardinality="single" baseType="\(baseType)">
            <correctResponse><value>\(correct)</value></correctResponse>
          </responseDeclaration>

        """
    }

    /// Response `id` equals its correct value within an absolute `tolerance` (both bounds).
    static func equal(_ id: String, _ tolerance: Double) -> String {
        let t = QuizNumber.qti(tolerance)
        return "<equal toleranceMode=\"absolute\" tolerance=\"\(t) \(t)\"><variable identifier=\"\(id)\"/><correct identifier=\"\(id)\"/></equal>"
    }

    static let setScoreOne = "<setOutcomeValue identifier=\"SCORE\"><baseValue baseType=\"float\">1</baseValue></setOutcomeValue>"

    /// `<responseCondition><responseIf>TEST ACTION</responseIf></responseCondition>`.
    static func condition(_ test: String, _ action: String) -> String {
        """
            <responseCondition>
              <responseIf>
                \(test)
                \(action)
              </responseIf>
            </responseCondition>

        """
    }

    /// cmark-gfm's HTML when it is well-formed XML (it normally is); otherwise its text, escaped.
    static func xhtml(_ html: String) -> String {
        let trimmed = html.trimmingCharacters(in: .whitespacesAndNewlines)
        let parser = XMLParser(data: Data("<div>\(trimmed)</div>".utf8))
        // On Linux `parse()` can return true after recovering from an error; check `parserError` too.
        if parser.parse(), parser.parserError == nil { return trimmed }
        return XMLEscaping.escape(plainText(trimmed))
    }

    /// `html` with tags removed and the five basic entities decoded.
    static func plainText(_ html: String) -> String {
        var out = ""
        var inTag = false
        for c in html {
            if c == "<" { inTag = true } else if c == ">" { inTag = false } else if !inTag { out.append(c) }
        }
        return out.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
