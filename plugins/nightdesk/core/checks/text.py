"""The lines of an article the checks read: outside fenced code, with inline code blanked, numbered as in the file."""
from __future__ import annotations

import re
from collections.abc import Iterator

from ..articles import Article

_FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
_INLINE_CODE = re.compile(r"(`+)(.+?)\1")


def prose_lines(article: Article) -> Iterator[tuple[int, str]]:
    """(file line, text) for every line outside ``` / ~~~ blocks; `code` spans become spaces, so a
    link or a TODO written as an example is not taken for a real one."""
    fence: str | None = None
    for offset, line in enumerate(article.body.splitlines()):
        match = _FENCE.match(line)
        if match:
            marker = match.group(1)
            if fence is None:
                fence = marker
            elif marker[0] == fence[0] and len(marker) >= len(fence):
                fence = None
            continue
        if fence is None:
            yield article.body_line + offset, _INLINE_CODE.sub(lambda m: " " * len(m.group(0)), line)
