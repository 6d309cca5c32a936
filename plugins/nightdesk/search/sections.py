"""Split an article's rendered HTML into sections, one per h2/h3, so results can deep-link.

The text before the first h2 (the h1 and the intro) is the section with anchor "".
Deeper headings stay inside their section's body. Permalink markers ("¶"), scripts
and styles are skipped.

The HTML is Markdown's output, so a regex tokenizer reads it the way html.parser.HTMLParser does
(tags, attributes, character references, raw <script>/<style> text, comments) at a third of the cost:
this runs on every page of every build. tests/search/test_sections.py compares the two.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from html import unescape

SPLIT_AT = {"h2", "h3"}
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_SKIP = {"script", "style", "svg", "template"}
_VOID = {"br", "hr", "img", "input", "wbr"}
# A comment, a tag (name, then its attributes up to the ">" outside quotes), or <!DOCTYPE>/<?...?>.
_TOKEN = re.compile(r"""<!--.*?(?:-->|\Z)|<(/?)([a-zA-Z][^\s/>]*)((?:[^>"']|"[^"]*"|'[^']*')*)>|<[!?][^>]*>""", re.S)
_ATTRIBUTE = re.compile(r"""([^\s=/>"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]*)))?""")
# Raw text elements: their content is text up to the closing tag, not markup.
_RAW_TEXT_END = {name: re.compile(f"</{name}", re.I) for name in ("script", "style")}
# Tags that end a word: text on either side of them must not run together.
_BLOCKS = _HEADINGS | {
    "p", "div", "li", "ul", "ol", "dl", "dt", "dd", "table", "tr", "td", "th", "br",
    "blockquote", "pre", "section", "article", "details", "summary", "figure",
    "figcaption", "hr", "aside", "nav", "header", "footer",
}


@dataclass
class Section:
    anchor: str  # id of the heading, "" for the top of the article
    heading: str  # heading text; "" for the top of the article
    level: int  # 2 or 3; 1 for the top of the article
    parent: str = ""  # the h2 heading above an h3, so "Steps" under "Refund by card" reads right
    text_parts: list[str] = field(default_factory=list)
    link_parts: list[str] = field(default_factory=list)  # the text inside links (page roles, roles.py)
    # The parts are one normalised string each (split_sections): text is read several times per build.
    joined: bool = field(default=False, repr=False, compare=False)

    @property
    def text(self) -> str:
        return self.text_parts[0] if self.joined else " ".join("".join(self.text_parts).split())

    @property
    def link_text(self) -> str:
        return self.link_parts[0] if self.joined else " ".join(" ".join(self.link_parts).split())


class _SectionParser:
    def __init__(self):
        self.sections = [Section(anchor="", heading="", level=1)]
        self._skip_depth = 0  # inside <script>, <svg>, a permalink...
        self._skip_stack: list[str] = []
        self._heading: list[str] | None = None  # collecting a split heading's text
        self._heading_tag = ""
        self._last_h2 = ""
        self._link_depth = 0

    def feed(self, html: str) -> None:
        position, search = 0, _TOKEN.search
        while found := search(html, position):
            if found.start() > position:
                self.handle_data(html[position:found.start()])
            position = found.end()
            tag = found.group(2)
            if tag is None:  # comment, doctype
                continue
            tag = tag.lower()
            if found.group(1):
                self.handle_endtag(tag)
                continue
            attributes = found.group(3)
            self.handle_starttag(tag, attributes)
            if attributes.endswith("/"):
                self.handle_endtag(tag)
            elif tag in _RAW_TEXT_END:
                end = _RAW_TEXT_END[tag].search(html, position)
                stop = end.start() if end else len(html)
                self.handle_data(html[position:stop])
                position = stop
        if position < len(html):
            self.handle_data(html[position:])

    def handle_starttag(self, tag: str, raw_attributes: str):
        if self._skip_depth or tag in _SKIP or ("headerlink" in raw_attributes and "headerlink" in (
                _attributes(raw_attributes).get("class") or "").split()):
            if tag not in _VOID:
                self._skip_depth += 1
                self._skip_stack.append(tag)
            return
        if tag in SPLIT_AT:
            level = int(tag[1])
            parent = self._last_h2 if level == 3 else ""
            anchor = _attributes(raw_attributes).get("id") or ""
            self.sections.append(Section(anchor=anchor, heading="", level=level, parent=parent))
            self._heading, self._heading_tag = [], tag
        elif tag == "h1":
            self._heading, self._heading_tag = [], tag  # the title: indexed as its own field
        if tag == "a" and _attributes(raw_attributes).get("href"):
            self._link_depth += 1
        if tag in _BLOCKS:
            self._add(" ")

    def handle_endtag(self, tag):
        if self._skip_depth:
            if self._skip_stack and self._skip_stack[-1] == tag:
                self._skip_stack.pop()
                self._skip_depth -= 1
            return
        if tag == "a" and self._link_depth:
            self._link_depth -= 1
        if self._heading is not None and tag == self._heading_tag:
            text = " ".join("".join(self._heading).split())
            if tag != "h1":
                self.sections[-1].heading = text
                if tag == "h2":
                    self._last_h2 = text
            self._heading = None
        elif tag in _BLOCKS:
            self._add(" ")

    def handle_data(self, data):
        if not self._skip_depth:
            self._add(unescape(data) if "&" in data else data)

    def _add(self, text):
        if self._heading is not None:
            self._heading.append(text)
        else:
            self.sections[-1].text_parts.append(text)
            if self._link_depth:
                self.sections[-1].link_parts.append(text)


def split_sections(html: str) -> list[Section]:
    """Sections in page order; the first is the top of the article (may be empty)."""
    parser = _SectionParser()
    parser.feed(html)
    for section in parser.sections:  # one string each, not thousands of pieces held until the index is built
        section.text_parts, section.link_parts = [section.text], [section.link_text]
        section.joined = True
    return parser.sections


def _attributes(raw: str) -> dict[str, str]:
    """A tag's attributes, as HTMLParser gives them: names lower-cased, values unquoted and unescaped."""
    found = {}
    for name, double, single, bare in _ATTRIBUTE.findall(raw):
        value = double or single or bare
        found[name.lower()] = unescape(value) if "&" in value else value
    return found
