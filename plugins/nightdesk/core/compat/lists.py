"""CommonMark lists after a paragraph: in CommonMark (GitHub, Hugo, Docusaurus) a list may start on the line
right after a paragraph ("Quick links:" then "- [Page](page.md)"); Python-Markdown needs a blank line first
and would print the items as one paragraph with dashes. A blank line is put where CommonMark sees a list."""
from __future__ import annotations

import re

from .lines import Line

# A bullet, or an ordered item starting at 1: the only ones that may interrupt a paragraph in CommonMark.
_ITEM = re.compile(r"^( {0,3})(?:[-*+]|1[.)])[ \t]+\S")
_ANY_ITEM = re.compile(r"^\s*(?:[-*+]|\d{1,9}[.)])[ \t]+\S")
_NOT_PROSE = re.compile(r"^\s*(?:[#>|<]|!!!|\?\?\?|===|```|~~~|:::|(?:[-*_][ \t]*){3,}$)")


def convert(lines: list[Line]) -> list[Line]:
    out: list[Line] = []
    in_list = False  # a list item was seen since the last blank line (a line after it may be its text)
    previous: Line | None = None
    for line in lines:
        text = line.text
        if line.code or not text.strip():
            in_list = False
            out.append(line)
            previous = line if line.code else None
            continue
        if _ANY_ITEM.match(text):
            follows_prose = (previous is not None and not previous.code and not in_list
                             and not _NOT_PROSE.match(previous.text) and not _ANY_ITEM.match(previous.text))
            indent = len(text) - len(text.lstrip())
            previous_indent = len(previous.text) - len(previous.text.lstrip()) if previous else 0
            if follows_prose and _ITEM.match(text[previous_indent:]) and indent - previous_indent < 4:
                out.append(line.with_text(""))
            in_list = True
        out.append(line)
        previous = line
    return out
