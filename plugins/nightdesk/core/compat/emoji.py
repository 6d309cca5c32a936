"""Emoji shortcodes (`:warning:`) as the emoji themselves, from the Twemoji index that mkdocs-material's
emoji support (pymdownx.emoji) uses. A character, not an image from a CDN: the site makes no request to
another host, and summaries and search read the same character. Icon shortcodes (`:material-cash:`)
are left to pymdownx.emoji with material's index, which inlines their SVG."""
from __future__ import annotations

import re
from functools import cache

_SHORTCODE = re.compile(r"(?<![\w:/])(:[a-z0-9_+-]*[a-z][a-z0-9_+-]*:)(?![\w/])")


@cache
def _index() -> dict[str, str]:
    try:
        from pymdownx import twemoji_db  # installed with mkdocs-material
    except ImportError:  # pragma: no cover - then shortcodes stay as written
        return {}
    chars = {}
    for name, entry in twemoji_db.emoji.items():
        code = entry.get("unicode_alt") or entry["unicode"]
        chars[name] = "".join(chr(int(part, 16)) for part in code.split("-"))
    for alias, name in twemoji_db.aliases.items():
        if name in chars:
            chars[alias] = chars[name]
    return chars


def convert(text: str) -> str:
    if ":" not in text:
        return text
    return _SHORTCODE.sub(_emoji, text)


def _emoji(match: re.Match) -> str:
    # The index (about 1 MB) is loaded on the first shortcode, not on the first colon ("Note: ...").
    return _index().get(match.group(1), match.group(1))
