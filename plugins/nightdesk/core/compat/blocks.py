"""Paired block tags (GitBook `{% hint %}`, `{% tab %}`; Docusaurus `:::note`) as indented Markdown blocks.

One stack for every family, so blocks nest whatever their syntax: an opening tag becomes a header line
(`!!! info`, `=== "Tab"`) and the lines up to its closing tag are indented under it.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .lines import Line

INDENT = "    "


@dataclass
class Tag:
    header: str | None  # the Markdown line that opens the block; None for a tag that is only dropped
    opens: str | None = None  # the name its closing tag must give
    closes: str | None = None  # this tag closes the innermost block of that name


Matcher = Callable[[str], "Tag | None"]


def convert(lines: list[Line], matchers: list[Matcher]) -> list[Line]:
    out: list[Line] = []
    stack: list[str] = []
    for line in lines:
        tag = None if line.code else next((t for m in matchers if (t := m(line.text)) is not None), None)
        prefix = INDENT * len(stack)
        if tag is None:
            out.append(line.with_text(prefix + line.text if line.text.strip() else ""))
            continue
        if tag.closes:
            if tag.closes in stack:
                while stack and stack.pop() != tag.closes:
                    pass
            out.append(line.with_text(""))
            continue
        if tag.header is not None:
            out.append(line.with_text(""))
            out.append(line.with_text(prefix + tag.header))
            if tag.opens:
                stack.append(tag.opens)
        else:
            out.append(line.with_text(""))
    return out
