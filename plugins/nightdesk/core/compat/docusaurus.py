"""Docusaurus admonitions: `:::note Title` ... `:::` (also `:::tip[Title]`, and `::::` around nested ones)."""
from __future__ import annotations

import re

from .blocks import Tag

_OPEN = re.compile(r"^(:{3,})\s*([A-Za-z]+)(?:\[([^\]]*)\]|\s+(.*?))?\s*$")
_CLOSE = re.compile(r"^(:{3,})\s*$")
TYPES = {"note": "note", "tip": "tip", "info": "info", "warning": "warning", "danger": "danger",
         "caution": "warning", "important": "info", "success": "success", "details": "note"}


def match(text: str) -> Tag | None:
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
    title = (opening.group(3) or opening.group(4) or "").strip().replace('"', "'")
    if kind not in TYPES:
        title = title or kind.capitalize()
    elif not title and TYPES.get(kind) != kind:
        title = kind.capitalize()
    header = f"!!! {TYPES.get(kind, 'note')}" + (f' "{title}"' if title else "")
    return Tag(header, opens=opening.group(1))
