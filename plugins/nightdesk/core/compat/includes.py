"""Includes: Microsoft Learn `[!INCLUDE[title](path)]` and Hugo `{{% include "path" %}}` / `{{< include >}}`.

The included file's body (front matter dropped) replaces the directive: on a line of its own as lines,
inside a sentence as inline text. Paths are relative to the including file, or site-absolute (from the
content root). Only files of the content folder are read (from the sources given), so nothing outside
docs_dir can be included. A missing file or a cycle is an error at the directive's `file:line`.
"""
from __future__ import annotations

import posixpath
import re
from collections.abc import Mapping

from ..frontmatter import split_front_matter
from ..problems import ERROR, Problem
from .lines import Line, lines_of

_MS_INCLUDE = re.compile(r"\[!INCLUDE\s*\[[^\]]*\]\(\s*<?([^)>]+?)>?\s*\)\s*\]", re.IGNORECASE)
_HUGO_INCLUDE = re.compile(
    r"\{\{([%<])\s*(?:include|readfile)\s+(?:file\s*=\s*)?[\"']?([^\"'\s%>]+)[\"']?[^%>]*[%>]\}\}")
DIRECTIVE = re.compile(f"{_MS_INCLUDE.pattern}|{_HUGO_INCLUDE.pattern}", re.IGNORECASE)
MAX_DEPTH = 10


def expand(lines: list[Line], sources: Mapping[str, str], problems: list[Problem], stack: tuple[str, ...]) -> list[Line]:
    out: list[Line] = []
    for line in lines:
        if line.code or ("INCLUDE" not in line.text.upper() and "readfile" not in line.text):
            out.append(line)
            continue
        matches = list(DIRECTIVE.finditer(line.text))
        if not matches:
            out.append(line)
            continue
        if len(matches) == 1 and matches[0].group(0) == line.text.strip():
            out.extend(_included_lines(line, matches[0], sources, problems, stack))
            continue
        text, last = [], 0
        for match in matches:  # inside a sentence: the included text, on one line
            text.append(line.text[last:match.start()])
            included = _included_lines(line, match, sources, problems, stack)
            text.append(" ".join(item.text.strip() for item in included if item.text.strip()))
            last = match.end()
        text.append(line.text[last:])
        out.append(line.with_text("".join(text)))
    return out


def _included_lines(line: Line, match: re.Match, sources, problems, stack) -> list[Line]:
    target = (match.group(1) or match.group(3) or "").strip()
    found = resolve(target, line.origin, sources)
    if found is None:
        problems.append(Problem(line.origin, line.origin_line, ERROR,
                                f"include '{target}' not found in the content folder", cause="include not resolved"))
        return []
    if found in stack or len(stack) >= MAX_DEPTH:
        chain = " → ".join(stack + (found,))
        problems.append(Problem(line.origin, line.origin_line, ERROR, f"include cycle: {chain}",
                                cause="include cycle"))
        return []
    block = split_front_matter(sources[found])
    included = lines_of(block.body.strip("\n"), found, block.body_line)
    for item in included:
        item.line = line.line  # messages about the article point at its directive
    indent = line.text[: len(line.text) - len(line.text.lstrip())]
    if indent:
        for item in included:
            item.text = indent + item.text if item.text else item.text
    return expand(included, sources, problems, stack + (found,))


def resolve(target: str, relative_to: str, sources: Mapping[str, str]) -> str | None:
    """The content file an include names: relative to the including file, else from the content root."""
    target = target.split("#", 1)[0].split("?", 1)[0]
    if not target:
        return None
    candidates = []
    if not target.startswith("/"):
        candidates.append(posixpath.join(posixpath.dirname(relative_to), target))
    candidates.append(target.lstrip("/"))
    for candidate in candidates:
        path = posixpath.normpath(candidate)
        if path.startswith("../") or path == "..":
            continue  # never outside the content folder
        for guess in (path, path + ".md"):
            if guess in sources:
                return guess
    return None
