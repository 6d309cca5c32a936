"""Docusaurus admonitions: `:::note Title` ... `:::` (also `:::tip[Title]`, and `::::` around nested ones)."""
from __future__ import annotations

import re
from collections.abc import Callable

from .blocks import Tag

_OPEN = re.compile(r"^(:{3,})\s*([A-Za-z]+)(?:\[([^\]]*)\]|\s+(.*?))?\s*$")
_CLOSE = re.compile(r"^(:{3,})\s*$")
TYPES = {"note": "note", "tip": "tip", "info": "info", "warning": "warning", "danger": "danger",
         "caution": "warning", "important": "info", "success": "success", "details": "note"}


def match(text: str, title: Callable[[str], str] = str.capitalize) -> Tag | None:
    """`title(kind)`: the title shown when the block gives none, in the site's language."""
    stripped = text.strip()
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
