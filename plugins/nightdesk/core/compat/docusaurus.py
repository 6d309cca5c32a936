"""Docusaurus: admonitions `:::note Title` ... `:::` (also `:::tip[Title]`, and `::::` around nested ones);
MDX tabs `<Tabs>` / `<TabItem value="a" label="A">` ... `</TabItem>` as content tabs; MDX `import` and
`export` lines (they load React components; the text has nothing to show) removed."""
from __future__ import annotations

import re
from collections.abc import Callable

from .blocks import Tag

_OPEN = re.compile(r"^(:{3,})\s*([A-Za-z]+)(?:\[([^\]]*)\]|\s+(.*?))?\s*$")
_CLOSE = re.compile(r"^(:{3,})\s*$")
TYPES = {"note": "note", "tip": "tip", "info": "info", "warning": "warning", "danger": "danger",
         "caution": "warning", "important": "info", "success": "success", "details": "note"}


_TABS = re.compile(r"^</?Tabs\b[^>]*>$")
_TAB_ITEM = re.compile(r"^<TabItem\b([^>]*)>$")
_TAB_ITEM_END = re.compile(r"^</TabItem\s*>$")
_ATTR = re.compile(r"([\w-]+)\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|\{\s*[\"']([^\"']*)[\"']\s*\})")
MDX_STATEMENT = re.compile(r"^(?:import\s+(?:[\w*{}\s,]+\s+from\s+)?['\"][^'\"]+['\"]|export\s+(?:const|default|function)\b.*);?\s*$")
"""An MDX module line at the top level: `import Tabs from '@theme/Tabs';`, `export const x = 1;`."""


def match(text: str, title: Callable[[str], str] = str.capitalize) -> Tag | None:
    """`title(kind)`: the title shown when the block gives none, in the site's language."""
    stripped = text.strip()
    if stripped.startswith("<"):
        return _tabs(stripped, title)
    if not stripped.startswith(":::"):
        return None
    close = _CLOSE.match(stripped)
    if close:
        return Tag(None, closes=close.group(1))
    opening = _OPEN.match(stripped)
    if not opening:
        return None
    kind = opening.group(2).lower()
    given = (opening.group(3) or opening.group(4) or "").strip()
    shown = (given or title(kind)).replace('"', "'")
    header = f'!!! {TYPES.get(kind, "note")} "{shown}"'
    return Tag(header, opens=opening.group(1))


def _tabs(stripped: str, title: Callable[[str], str]) -> Tag | None:
    if _TABS.match(stripped):
        return Tag(None)  # the frame around the tab items
    if _TAB_ITEM_END.match(stripped):
        return Tag(None, closes="TabItem")
    item = _TAB_ITEM.match(stripped)
    if not item:
        return None
    attrs = {name: next(v for v in values if v) for name, *values in _ATTR.findall(item.group(1)) if any(values)}
    shown = (attrs.get("label") or attrs.get("value") or title("tab")).replace('"', "'")
    return Tag(f'=== "{shown}"', opens="TabItem")
