"""GitHub and Microsoft Learn alerts: `> [!NOTE]` followed by quoted lines becomes an admonition.

Other Learn markers on a quote's first line (`> [!div class="..."]`) are dropped, keeping the quote.
"""
from __future__ import annotations

import re
from collections.abc import Callable

from .lines import Line

_MARKER = re.compile(r"^(\s*)>\s?\[!(\w+)\]\s*(.*)$")
_OTHER_MARKER = re.compile(r"^(\s*)>\s?\[!(?!INCLUDE\b)(\w+)[^\]]*\]\s*$", re.IGNORECASE)
_QUOTED = re.compile(r"^(\s*)>\s?(.*)$")

TYPES = {"note": "note", "tip": "tip", "important": "info", "warning": "warning", "caution": "danger",
         "danger": "danger", "info": "info"}  # alert -> admonition type (its colour and icon)


def convert(lines: list[Line], title: Callable[[str], str]) -> list[Line]:
    """`title(kind)`: the title shown for an alert of that kind, in the site's language."""
    out: list[Line] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        match = None if line.code else _MARKER.match(line.text)
        if not match or match.group(2).lower() not in TYPES:
            if not line.code and _OTHER_MARKER.match(line.text):
                out.append(line.with_text(""))  # a layout hint, meaningless here
            else:
                out.append(line)
            i += 1
            continue
        indent, kind, rest = match.group(1), match.group(2).lower(), match.group(3)
        out.append(line.with_text(""))
        shown = title(kind).replace('"', "'")
        out.append(line.with_text(f'{indent}!!! {TYPES[kind]} "{shown}"'))
        if rest:
            out.append(line.with_text(f"{indent}    {rest}"))
        i += 1
        while i < len(lines) and (quoted := _QUOTED.match(lines[i].text)):
            out.append(lines[i].with_text(f"{indent}    {quoted.group(2)}" if quoted.group(2).strip() else ""))
            i += 1
        out.append(line.with_text(""))
    return out
