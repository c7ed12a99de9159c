import Foundation
import Testing
import TestSupport
@testable import LessonKit

/// The SCORM 1.2 adapter of the page script (`QuizScript.scorm`) under node, on fake window chains:
/// ADL's API discovery (up `window.parent` at most 7 levels, then from `window.opener`) and the
/// 4096-character bound on `cmi.suspend_data`. The full runtime in a browser is `Tests/Browser/test_scorm.py`.
@Suite struct QuizSCORMScriptTests {
    @Test(.enabled(if: QuizFixtures.tool("node") != nil, "node is not installed"))
    func apiDiscoveryAndSuspendBound() throws {
        let node = try #require(QuizFixtures.tool("node"))
        let dir = try QuizFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let harness = #"""
        var S = LessonbuildSCORM, out = {};
        var api = { LMSInitialize: function () { return "true"; } };
        // A chain of n windows above the page; the top one has the API.
        function chain(n, withAPI) {
          var top = {}; top.parent = top; top.top = top; if (withAPI) { top.API = api; }
          var w = top;
          for (var i = 0; i < n; i++) { var child = { parent: w, top: top }; w = child; }
          return w;
        }
        out.self = S.findAPI(Object.assign(chain(0, false), { API: api })) === api;
        out.parent1 = S.findAPI(chain(1, true)) === api;
        out.parent7 = S.findAPI(chain(7, true)) === api;
        out.parent8 = S.findAPI(chain(8, true)) === api;
        out.none = S.findAPI(chain(3, false)) === null;
        var page = chain(2, false); page.opener = chain(1, true);
        out.opener = S.findAPI(page) === api;
        // A SCO in a frame of a window the LMS opened: the opener is the top window's.
        var framedPopup = chain(1, false); framedPopup.top.opener = chain(0, true);
        out.topOpener = S.findAPI(framedPopup) === api;
        var hostile = { get parent() { throw new Error("SecurityError"); } };
        out.crossOrigin = S.findAPI(hostile) === null;
        out.notAnAPI = S.findAPI(Object.assign(chain(0, false), { API: {} })) === null;
        var answers = { q1: "112", q2: "2", essay: new Array(5000).join("x"), longish: new Array(3000).join("y") };
        var text = S.suspendText(answers), kept = JSON.parse(text);
        out.bounded = text.length <= 4096;
        out.keepsShort = kept.q1 === "112" && kept.q2 === "2" && kept.longish !== undefined && kept.essay === undefined;
        out.small = S.suspendText({ q1: 112 }) === '{"q1":"112"}';
        console.log(JSON.stringify(out));
        """#
        let script = dir.appendingPathComponent("scorm.js")
        try (QuizScript.scorm + harness).write(to: script, atomically: true, encoding: .utf8)
        let (status, stdout, stderr) = try QuizFixtures.run(node, [script.path])
        try #require(status == 0, "\(stderr)")
        let result = try #require(try JSONSerialization.jsonObject(with: Data(stdout.utf8)) as? [String: Bool])
        #expect(result == ["self": true, "parent1": true, "parent7": true, "parent8": false, "none": true, "opener": true,
                           "topOpener": true, "crossOrigin": true, "notAnAPI": true, "bounded": true, "keepsShort": true,
                           "small": true])
    }
}
