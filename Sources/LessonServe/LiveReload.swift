/// What the live preview adds to every HTML response (never to the files on disk): a script that
/// listens to the server's events, swaps in a page that changed (keeping the scroll position and
/// the open/closed state of the navigation), restyles when the stylesheet changed, and shows the
/// build errors of the page in an overlay above the last good version.
enum LiveReload {
    /// The Server-Sent Events endpoint.
    static let eventsPath = "/__lessonbuild/events"

    /// `html` with the script inserted before `</body>` (at the end when there is none).
    /// `session` and `version` tell the page which build it shows.
    static func inject(into html: String, session: String, version: Int) -> String {
        let tag = "<script data-lessonbuild-live data-session=\"\(session)\" data-version=\"\(version)\">\n\(script)</script>\n"
        guard let end = html.range(of: "</body>", options: .backwards) else { return html + tag }
        return html.replacingCharacters(in: end.lowerBound..<end.lowerBound, with: tag)
    }

    /// The client (ES5 like the quiz script; text is set with `textContent`, never parsed as HTML).
    static let script = #"""
    (function () {
      "use strict";
      var me = document.currentScript;
      var session = me.getAttribute("data-session"), version = Number(me.getAttribute("data-version"));
      var page = decodeURIComponent(location.pathname.split("/").pop() || "index.html");
      var cssVersion = null, busy = false, again = false;

      function overlay(errors) {
        var box = document.getElementById("lessonbuild-errors");
        if (!errors.length) { if (box) { box.parentNode.removeChild(box); } return; }
        if (!box) {
          box = document.createElement("section");
          box.id = "lessonbuild-errors";
          box.setAttribute("role", "alert");
          box.setAttribute("aria-label", "Build errors");
          box.style.cssText = "position:fixed;left:0;right:0;bottom:0;max-height:60vh;overflow:auto;z-index:1000;" +
            "margin:0;padding:0.75rem 1rem;background:#fff5f5;color:#6e0000;border-top:4px solid #a40e26;" +
            "font:14px/1.45 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;box-shadow:0 -4px 16px rgba(0,0,0,.25)";
          document.body.appendChild(box);
        }
        box.textContent = "";
        var title = document.createElement("p");
        title.style.cssText = "margin:0 0 0.5rem;font-weight:700;font-family:system-ui,sans-serif";
        title.textContent = errors.length + (errors.length === 1 ? " error" : " errors") +
          " \u2014 the page shows the last version that built. Fix the lesson and save.";
        box.appendChild(title);
        for (var i = 0; i < errors.length; i++) {
          var pre = document.createElement("pre");
          pre.className = "lessonbuild-error";
          pre.style.cssText = "margin:0 0 0.75rem;white-space:pre;overflow-x:auto;background:none;border:0;padding:0;color:inherit";
          pre.textContent = errors[i];
          box.appendChild(pre);
        }
      }

      function swap(done) {
        var y = window.scrollY, x = window.scrollX;
        var open = [];
        var details = document.querySelectorAll("details");
        for (var i = 0; i < details.length; i++) { open.push(details[i].open); }
        fetch(location.pathname, { cache: "no-store" }).then(function (response) {
          if (!response.ok) { throw new Error(String(response.status)); }
          return response.text();
        }).then(function (text) {
          var doc = new DOMParser().parseFromString(text, "text/html");
          var live = doc.querySelector("script[data-lessonbuild-live]");
          if (live) {
            version = Number(live.getAttribute("data-version"));
            live.parentNode.removeChild(live);
          }
          document.title = doc.title;
          var errors = document.getElementById("lessonbuild-errors");
          var nodes = [];
          for (var n = doc.body.firstChild; n; n = n.nextSibling) { nodes.push(document.importNode(n, true)); }
          document.body.replaceChildren.apply(document.body, nodes);
          var scripts = document.body.querySelectorAll("script");
          for (var s = 0; s < scripts.length; s++) {
            var fresh = document.createElement("script");
            for (var a = 0; a < scripts[s].attributes.length; a++) {
              fresh.setAttribute(scripts[s].attributes[a].name, scripts[s].attributes[a].value);
            }
            fresh.textContent = scripts[s].textContent;
            scripts[s].parentNode.replaceChild(fresh, scripts[s]);
          }
          var now = document.querySelectorAll("details");
          if (now.length === open.length) { for (var d = 0; d < now.length; d++) { now[d].open = open[d]; } }
          if (errors) { document.body.appendChild(errors); }
          window.scrollTo(x, y);
          document.dispatchEvent(new CustomEvent("lessonbuild:updated", { detail: { version: version } }));
        }).catch(function () { /* the next event tries again */ }).then(done);
      }

      function restyle(next) {
        if (cssVersion !== null && next !== cssVersion) {
          var link = document.querySelector("link[rel=stylesheet]");
          if (link) { link.href = link.getAttribute("href").split("?")[0] + "?v=" + next; }
        }
        cssVersion = next;
      }

      function apply(message) {
        var errors = [];
        if (page === "index.html") {
          for (var name in message.errors) { errors = errors.concat(message.errors[name]); }
        } else {
          errors = message.errors[page] || [];
        }
        restyle(message.versions["lessonbuild.css"]);
        var wanted = message.versions[page];
        var stale = message.session !== session || (wanted !== undefined && wanted > version);
        if (!stale) { overlay(errors); return; }
        if (busy) { again = message; return; }
        busy = true;
        session = message.session;
        swap(function () {
          busy = false;
          overlay(errors);
          if (again) { var next = again; again = false; apply(next); }
        });
      }

      if (!window.EventSource) { return; }
      var source = new EventSource("\#(eventsPath)");
      source.addEventListener("build", function (event) {
        try { apply(JSON.parse(event.data)); } catch (e) { /* a malformed event: ignore it */ }
      });
    })();

    """#
}
