"""CommonMark lists in Python-Markdown (GitHub, Hugo and Docusaurus write CommonMark):

- a list may start on the line right after a paragraph ("Quick links:" then "- [Page](page.md)"); Python-
  Markdown needs a blank line first and would print the items as one paragraph with dashes, so a blank
  line is put where CommonMark sees a list;
- a nested list sits under its parent's text ("- a" then two spaces and "- b"; three after "1."), where
  Python-Markdown wants four spaces, and would make it a sibling: nested items and the text under an item
  are re-indented to four spaces a level.
"""
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


_MARKER = re.compile(r"^(\s*)([-*+]|\d{1,9}[.)])([ \t]+)(?=\S)")


def _indent(text: str) -> int:
    if "\t" in text:  # without one, expandtabs changes nothing
        text = text.expandtabs(4)
    return len(text) - len(text.lstrip())


def nest(lines: list[Line]) -> list[Line]:
    """Items nested the CommonMark way (under the parent's text column) re-indented by four spaces a level."""
    out: list[Line] = []
    stack: list[tuple[int, int]] = []  # open items: (text column in the source, text column written)
    for index, line in enumerate(lines):
        text = line.text.expandtabs(4) if line.text[:1] in (" ", "\t") else line.text
        if not text.strip():
            if stack and not _list_goes_on(lines, index, stack[0][0]):
                stack = []
            out.append(line)
            continue
        indent = _indent(text)
        item = None if line.code else _MARKER.match(text)
        if item:
            while stack and indent < stack[-1][0]:
                stack.pop()
            written = stack[-1][1] if stack else indent
            marker = item.group(2) + item.group(3).expandtabs(4)
            stack.append((indent + len(marker), written + 4))
            new = " " * written + marker + text[item.end():]
        elif not stack:  # outside any list: nothing to re-indent
            out.append(line)
            continue
        else:
            inside = next((entry for entry in reversed(stack) if indent >= entry[0]), None)
            if inside is None:  # a lazy line of the item's paragraph, or the list has ended
                if indent == 0 and not line.code:
                    stack = [] if not _is_lazy(lines, index) else stack
                out.append(line)
                continue
            extra = indent - inside[0]  # up to 3 more spaces are still the item's text; 4 more, its code
            keep = line.code or extra >= 4  # code keeps its own indentation relative to the item
            new = " " * (inside[1] + (extra if keep else 0)) + text.lstrip()
        out.append(line if new == line.text else line.with_text(new))
    return out


def _list_goes_on(lines: list[Line], blank: int, first_column: int) -> bool:
    """After a blank line a list goes on with an item or with text indented under its first item."""
    for line in lines[blank + 1:]:
        if line.text.strip():
            return bool(_MARKER.match(line.text) and not line.code) or _indent(line.text) >= first_column
    return False


def _is_lazy(lines: list[Line], index: int) -> bool:
    """A line right after an item's text (no blank line between) continues that paragraph."""
    return index > 0 and bool(lines[index - 1].text.strip())
