"""GitHub and Microsoft Learn alerts: `> [!NOTE]` followed by quoted lines becomes an admonition.

Other Learn markers on a quote's first line (`> [!div class="..."]`) are dropped, keeping the quote.
"""
from __future__ import annotations

import re

from .lines import Line

_MARKER = re.compile(r"^(\s*)>\s?\[!(\w+)\]\s*(.*)$")
_OTHER_MARKER = re.compile(r"^(\s*)>\s?\[!(?!INCLUDE\b)(\w+)[^\]]*\]\s*$", re.IGNORECASE)
_QUOTED = re.compile(r"^(\s*)>\s?(.*)$")

TYPES = {  # alert -> (admonition type, title when the type's own name would not say it)
    "note": ("note", None),
    "tip": ("tip", None),
    "important": ("info", "Important"),
    "warning": ("warning", None),
    "caution": ("danger", "Caution"),
    "danger": ("danger", None),
    "info": ("info", None),
}


def convert(lines: list[Line]) -> list[Line]:
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
        admonition, title = TYPES[kind]
        out.append(line.with_text(""))
        out.append(line.with_text(f'{indent}!!! {admonition}' + (f' "{title}"' if title else "")))
        if rest:
            out.append(line.with_text(f"{indent}    {rest}"))
        i += 1
        while i < len(lines) and (quoted := _QUOTED.match(lines[i].text)):
            out.append(lines[i].with_text(f"{indent}    {quoted.group(2)}" if quoted.group(2).strip() else ""))
            i += 1
        out.append(line.with_text(""))
    return out
