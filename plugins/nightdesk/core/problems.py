"""A problem found in the knowledge base, reported as `path:line: level: message`."""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field as dataclass_field

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    path: str
    line: int
    level: str  # ERROR fails `mkdocs build --strict` and `nightdesk check`
    message: str
    field: str | None = None
    cause: str | None = None  # what many problems have in common ("include not resolved"); see cause_key

    @property
    def cause_key(self) -> str:
        """The cause this problem is counted under: given, or its message without the specifics."""
        return self.cause or cause_of(self.message)

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
_QUOTED = re.compile(r"'[^']*'|\"[^\"]*\"|‘[^’]*’")
_NUMBER = re.compile(r"\d+")
_PATH = re.compile(r"(?<![\w…])[\w.-]*/[\w./-]+(?:, [\w.-]*/[\w./-]+)*")


def cause_of(message: str) -> str:
    """A message without what changes from one occurrence to the next: quoted names and numbers go,
    and so does advice after ';' (it repeats the names)."""
    general = re.sub(r"\s*\([^()]*\)", "", message.split(";", 1)[0])
    general = _NUMBER.sub("N", _PATH.sub("…", _QUOTED.sub("…", general)))
    return re.sub(r"\s+", " ", general).strip()


@dataclass
class ProblemGroup:
    cause: str
    level: str
    problems: list[Problem] = dataclass_field(default_factory=list)

    @property
    def first(self) -> Problem:
        return self.problems[0]

    def __str__(self) -> str:
        first = self.first
        return f"{len(self.problems):,} × {self.level}: {self.cause}: first at {first.path}:{first.line}"


def group_by_cause(problems: Iterable[Problem]) -> list[ProblemGroup]:
    """Problems grouped by level and cause, errors first, then the biggest groups."""
    groups: dict[tuple[str, str], ProblemGroup] = {}
    for problem in problems:
        key = (problem.level, problem.cause_key)
        groups.setdefault(key, ProblemGroup(key[1], key[0])).problems.append(problem)
    return sorted(groups.values(), key=lambda g: (g.level != ERROR, -len(g.problems)))


def limit_per_cause(problems: Iterable[Problem], limit: int | None) -> tuple[list[Problem], int]:
    """The problems to print, in their order, at most `limit` of each cause (None: all); and how many were left out."""
    if limit is None:
        listed = list(problems)
        return listed, 0
    seen: dict[tuple[str, str], int] = {}
    shown, hidden = [], 0
    for problem in problems:
        key = (problem.level, problem.cause_key)
        seen[key] = seen.get(key, 0) + 1
        if seen[key] <= limit:
            shown.append(problem)
        else:
            hidden += 1
    return shown, hidden
