"""Emoji shortcodes (`:warning:`) as the emoji themselves, from the Twemoji index that mkdocs-material's
emoji support (pymdownx.emoji) uses. A character, not an image from a CDN: the site makes no request to
another host, and summaries and search read the same character. Icon shortcodes (`:material-cash:`)
are left to pymdownx.emoji with material's index, which inlines their SVG."""
from __future__ import annotations

import re
from functools import cache

_SHORTCODE = re.compile(r"(?<![\w:/])(:[a-z0-9_+-]*[a-z][a-z0-9_+-]*:)(?![\w/])")


@cache
def _char(name: str) -> str | None:
    """The emoji for a shortcode such as ":warning:", or None. Looked up in pymdownx's own tables, which
    stay loaded anyway: a second index of every emoji would hold about 0.5 MB for the whole build."""
    try:
        from pymdownx import twemoji_db  # installed with mkdocs-material
    except ImportError:  # pragma: no cover - then shortcodes stay as written
        return None
    entry = twemoji_db.emoji.get(twemoji_db.aliases.get(name, "")) or twemoji_db.emoji.get(name)  # an alias wins
    if entry is None:
        return None
    code = entry.get("unicode_alt") or entry["unicode"]
    return "".join(chr(int(part, 16)) for part in code.split("-"))


def convert(text: str) -> str:
    if ":" not in text:
        return text
    return _SHORTCODE.sub(_emoji, text)


def _emoji(match: re.Match) -> str:
    # pymdownx's index (about 1 MB) is loaded on the first shortcode, not on the first colon ("Note: ...").
    return _char(match.group(1)) or match.group(1)
