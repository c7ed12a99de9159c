import Foundation

/// A SCORM 1.2 package (zip): the lesson page and its files, plus `imsmanifest.xml` describing one
/// SCO whose launch page is the lesson, with the quiz's pass mark as `adlcp:masteryscore`
/// (a percentage, `75` for `:pass: 75%`).
///
/// The page is the one the site has: its script (`QuizScript.scorm`) finds the LMS's runtime API
/// and reports score, status and suspend data; without an LMS it behaves as on the site. Valid
/// against the IMS CP 1.1.2 and ADL SCORM 1.2 (`adlcp_rootv1p2.xsd`) schemas. The zip is
/// deterministic: the manifest first, then the files in name order, with fixed timestamps.
///
/// Note: the page passes a learner whose score is strictly above the mark, as on the site; an LMS
/// that applies `masteryscore` itself also passes a score equal to it.
public enum SCORMExporter {
    /// `files` are the page's files by package path (the launch page among them).
    public static func package(files: [String: String], launchPage: String, lessonName: String, title: String,
                               passMark: Double) throws -> Data {
        var entries = [("imsmanifest.xml", manifest(files: files.keys.sorted(), launchPage: launchPage,
                                                    lessonName: lessonName, title: title, passMark: passMark))]
        for name in files.keys.sorted() { entries.append((name, files[name] ?? "")) }
        return try QTIExporter.zip(entries)
    }

    /// The mastery score: the pass mark as a percentage, rounded to 1e-6 (`0.7` → `70`, not `70.00000000000001`).
    static func masteryScore(_ passMark: Double) -> String {
        QuizNumber.text((passMark * 100 * 1e6).rounded() / 1e6)
    }

    static func manifest(files: [String], launchPage: String, lessonName: String, title: String, passMark: Double) -> String {
        let id = QTIExporter.identifier(lessonName)
        let name = XMLEscaping.escape(title)
        var out = """
        <?xml version="1.0" encoding="UTF-8"?>
        <manifest identifier="MANIFEST-\(id)" version="1.0" \
        xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2" \
        xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2" \
        xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
        xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd \
        http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd \
        http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">
          <metadata>
            <schema>ADL SCORM</schema>
            <schemaversion>1.2</schemaversion>
          </metadata>
          <organizations default="ORG-\(id)">
            <organization identifier="ORG-\(id)">
              <title>\(name)</title>
              <item identifier="ITEM-\(id)" identifierref="RES-\(id)" isvisible="true">
                <title>\(name)</title>
                <adlcp:masteryscore>\(masteryScore(passMark))</adlcp:masteryscore>
              </item>
            </organization>
          </organizations>
          <resources>
            <resource identifier="RES-\(id)" type="webcontent" adlcp:scormtype="sco" href="\(XMLEscaping.escape(launchPage))">

        """
        for file in files { out += "      <file href=\"\(XMLEscaping.escape(file))\"/>\n" }
        return out + "    </resource>\n  </resources>\n</manifest>\n"
    }
}
