"""A problem found in the knowledge base, reported as `path:line: level: message`."""
from __future__ import annotations

from dataclasses import dataclass

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    path: str
    line: int
    level: str  # ERROR fails `mkdocs build --strict` and `nightdesk check`
    message: str
    field: str | None = None

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.level}: {self.message}"

    @property
    def is_error(self) -> bool:
        return self.level == ERROR


def decode_text(path: str, data: bytes) -> tuple[str | None, Problem | None]:
    """UTF-8 text with a leading byte-order mark dropped (as MkDocs reads it), or None and the Problem
    naming the line of the first byte that is not UTF-8. Every reader of a content file uses this."""
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        return None, Problem(path, line, ERROR,
                             f"this file is not UTF-8 text (byte 0x{data[exc.start]:02x}); save it as UTF-8 in your editor")
