#!/usr/bin/python3
"""html_check.py — checks the HTML pages of `spiegel report` beyond what a parser accepts.

Usage:  python3 tests/html_check.py PAGE.html...

For every page, with Python's own HTML parser:
  * <!DOCTYPE html>, <html lang="nl|en">, a non-empty <title>, a viewport <meta>;
  * every element is an HTML5 or SVG element, and every non-void element is closed in order
    (the pages are written by XSLT, so nothing may rely on the parser's error recovery);
  * exactly one <h1>, and headings never skip a level (h2 -> h4);
  * ids are unique, and every in-page link (href="#...") points at one of them;
  * self-contained: no <script>, no <link>, <img>, <iframe> or <object>, no URL with a scheme
    in src/href (links to other pages are allowed only as relative names), no @import or
    url() in the style sheet;
  * every <table> has header cells, every <th> has scope, every <svg> has role="img" and a
    <title> or aria-label(ledby) so screen readers can name the chart;
  * a print style sheet (@media print) and a narrow-screen one (@media (max-width: ...)).
Exit status 0 when every page passes; the problems are printed one per line.
"""
import re
import sys
from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}
HTML = VOID | {
    "a", "abbr", "article", "aside", "b", "blockquote", "body", "caption", "code", "dd",
    "details", "div", "dl", "dt", "em", "figcaption", "figure", "footer", "h1", "h2", "h3", "h4",
    "h5", "h6", "head", "header", "html", "i", "li", "main", "mark", "nav", "ol", "p", "q", "s",
    "section", "small", "span", "strong", "style", "sub", "summary", "sup", "table", "tbody", "td",
    "tfoot", "th", "thead", "time", "title", "tr", "ul"}
SVG = {"svg", "g", "title", "desc", "text", "tspan", "line", "rect", "circle", "polyline",
       "path", "polygon"}
FORBIDDEN = {"script", "link", "img", "iframe", "object", "embed"}


class Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems = []
        self.stack = []
        self.ids = {}
        self.links = []
        self.headings = []
        self.doctype = None
        self.lang = None
        self.title = ""
        self.viewport = False
        self.style = ""
        self.tables = []  # [has_th]
        self.svgs = []  # [ok]
        self.in_title = False
        self.in_style = False

    def problem(self, msg):
        self.problems.append(f"line {self.getpos()[0]}: {msg}")

    def handle_decl(self, decl):
        self.doctype = decl

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        in_svg = "svg" in self.stack
        if tag in FORBIDDEN:
            self.problem(f"<{tag}> in a self-contained page")
        elif not (tag in HTML or (in_svg or tag == "svg") and tag in SVG):
            self.problem(f"unknown element <{tag}>")
        for name in ("src", "href"):
            v = a.get(name)
            if v and re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", v):
                self.problem(f"{name}={v!r} leaves the page")
        if "id" in a:
            if a["id"] in self.ids:
                self.problem(f"duplicate id {a['id']!r}")
            self.ids[a["id"]] = True
        if tag == "a" and a.get("href", "").startswith("#"):
            self.links.append((self.getpos()[0], a["href"][1:]))
        if tag == "html":
            self.lang = a.get("lang")
        if tag == "meta" and a.get("name") == "viewport":
            self.viewport = True
        if re.fullmatch(r"h[1-6]", tag) and not in_svg:
            self.headings.append(int(tag[1]))
        if tag == "table":
            self.tables.append(False)
        if tag == "th":
            if self.tables:
                self.tables[-1] = True
            if "scope" not in a:
                self.problem("<th> without scope")
        if tag == "svg":
            ok = a.get("role") == "img" and ("aria-labelledby" in a or "aria-label" in a)
            self.svgs.append(ok)
            if not ok:
                self.problem("<svg> without role=img and an accessible name")
        if tag == "title" and not in_svg:
            self.in_title = True
        if tag == "style":
            self.in_style = True
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID and self.stack and self.stack[-1] == tag:
            self.stack.pop()

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.problem(f"</{tag}> closes <{self.stack[-1] if self.stack else 'nothing'}>")
            if tag in self.stack:
                while self.stack and self.stack.pop() != tag:
                    pass
            return
        self.stack.pop()
        if tag == "title":
            self.in_title = False
        if tag == "style":
            self.in_style = False

    def handle_data(self, data):
        if self.in_title:
            self.title += data
        if self.in_style:
            self.style += data


def check(path):
    text = open(path, encoding="utf-8").read()
    p = Page()
    p.feed(text)
    p.close()
    if not p.doctype or p.doctype.strip().lower() != "doctype html":
        p.problems.append(f"doctype is {p.doctype!r}, expected <!DOCTYPE html>")
    if p.lang not in ("nl", "en"):
        p.problems.append(f"<html lang> is {p.lang!r}")
    if not p.title.strip():
        p.problems.append("empty <title>")
    if not p.viewport:
        p.problems.append("no viewport <meta>")
    if p.stack:
        p.problems.append(f"unclosed at the end: {p.stack}")
    if p.headings.count(1) != 1:
        p.problems.append(f"{p.headings.count(1)} <h1> elements, expected 1")
    for before, after in zip(p.headings, p.headings[1:]):
        if after > before + 1:
            p.problems.append(f"heading level skips from h{before} to h{after}")
            break
    for line, target in p.links:
        if target not in p.ids:
            p.problems.append(f"line {line}: link to #{target}, which is not on the page")
    for i, has_th in enumerate(p.tables):
        if not has_th:
            p.problems.append(f"table {i + 1} has no header cells")
    if re.search(r"@import|url\(", p.style):
        p.problems.append("the style sheet loads something")
    if "@media print" not in p.style:
        p.problems.append("no print style sheet")
    if not re.search(r"@media \(max-width", p.style):
        p.problems.append("no narrow-screen style sheet")
    return p.problems


def main():
    bad = 0
    for path in sys.argv[1:]:
        problems = check(path)
        for msg in problems:
            print(f"{path}: {msg}")
        bad += bool(problems)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
