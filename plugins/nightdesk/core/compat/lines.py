"""The unit every compatibility converter works on: one Markdown line, where it came from, and whether it is code."""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from ..markdown import code_flags

_INLINE_CODE = re.compile(r"(`+)(?:.+?)\1")


@dataclass
class Line:
    text: str
    line: int  # line in the article's file: an included line carries its include directive's line
    origin: str  # the file the text was written in (the article, or an included file)
    origin_line: int  # line in `origin`, for messages about the text itself
    code: bool = False  # inside a fenced code block: never converted

    def with_text(self, text: str) -> "Line":
        return Line(text, self.line, self.origin, self.origin_line, self.code)


def lines_of(text: str, path: str, first_line: int) -> list[Line]:
    lines = [Line(t, first_line + i, path, first_line + i) for i, t in enumerate(text.splitlines())]
    mark_code(lines)
    return lines


def mark_code(lines: list[Line]) -> None:
    """Flag code lines (fenced and indented blocks) as the one Markdown scanner (core.markdown) sees them."""
    # Joined and split again as scan would: a converted line may hold a line break.
    for line, code in zip(lines, code_flags("\n".join(line.text for line in lines).splitlines())):
        line.code = code


def outside_code_spans(text: str, convert: Callable[[str], str]) -> str:
    """Apply `convert` to the parts of one line that are not `inline code`."""
    if "`" not in text:
        return convert(text)
    parts, last = [], 0
    for match in _INLINE_CODE.finditer(text):
        parts.append(convert(text[last:match.start()]))
        parts.append(match.group(0))
        last = match.end()
    parts.append(convert(text[last:]))
    return "".join(parts)
