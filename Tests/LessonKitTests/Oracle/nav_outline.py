#!/usr/bin/env python3
"""Reads a built page on stdin with Python's html.parser and prints, as JSON, what the navigation
tests compare: the course nav's links and which is aria-current, rel=prev/next links, the table
of contents' links, every heading of <main> (level, id, text, self-link), every id on the page,
the skip links and the landmarks. With --slugs, prints instead the github-slugger slugs (the
Python port of GitHub's package) of the JSON list of texts on stdin, in order, one slugger.
"""
import json
import sys
from html.parser import HTMLParser


class Outline(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []
        self.course, self.toc, self.prev, self.next, self.skip = [], [], [], [], []
        self.ids, self.headings, self.landmarks, self.self_links = [], [], [], []
        self.current = None
        self.link = None
        self.heading = None
        self.in_main = False

    def inside(self, tag, cls=None):
        return any(t == tag and (cls is None or cls in (a.get("class") or "").split()) for t, a in self.stack)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a:
            self.ids.append(a["id"])
        if tag in ("nav", "main", "header", "footer"):
            self.landmarks.append([tag, a.get("aria-label") or ""])
        if tag == "main":
            self.in_main = True
        if tag == "a":
            self.link = {"href": a.get("href"), "text": "", "current": a.get("aria-current"), "rel": a.get("rel"),
                         "class": a.get("class") or "", "course": self.inside("nav", "course"), "toc": self.inside("nav", "toc")}
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6") and self.in_main:
            self.heading = {"level": int(tag[1]), "id": a.get("id"), "text": ""}
        if tag not in ("meta", "link", "input", "br", "img", "hr"):
            self.stack.append((tag, a))

    def handle_endtag(self, tag):
        while self.stack:
            t, _ = self.stack.pop()
            if t == tag:
                break
        if tag == "main":
            self.in_main = False
        if tag == "a" and self.link is not None:
            link, self.link = self.link, None
            link["text"] = " ".join(link["text"].split())
            if link["course"]:
                self.course.append(link)
            if link["toc"]:
                self.toc.append(link)
            if link["rel"] == "prev":
                self.prev.append(link["href"])
            if link["rel"] == "next":
                self.next.append(link["href"])
            if "skip-link" in link["class"].split():
                self.skip.append(link["href"])
            if "heading-link" in link["class"].split():
                self.self_links.append(link)
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6") and self.heading is not None:
            self.heading["text"] = " ".join(self.heading["text"].split())
            self.headings.append(self.heading)
            self.heading = None

    def handle_data(self, data):
        if self.link is not None:
            self.link["text"] += data
        if self.heading is not None:
            self.heading["text"] += data


if "--slugs" in sys.argv:
    from github_slugger import GithubSlugger
    slugger = GithubSlugger()
    print(json.dumps([slugger.slug(text) for text in json.load(sys.stdin)]))
else:
    o = Outline()
    o.feed(sys.stdin.read())
    print(json.dumps({"course": [{"href": l["href"], "text": l["text"], "current": l["current"]} for l in o.course],
                      "toc": [{"href": l["href"], "text": l["text"]} for l in o.toc],
                      "prev": o.prev, "next": o.next, "skip": o.skip, "ids": o.ids, "headings": o.headings,
                      "selfLinks": [{"href": l["href"], "text": l["text"]} for l in o.self_links],
                      "landmarks": o.landmarks}))
