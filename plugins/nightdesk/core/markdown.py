"""The one Markdown scanner: which lines of an article are prose and which are code, and what the prose
holds (headings, the first paragraph, numbered steps, questions and their answers).

Everything that reads an article's Markdown line by line (the article itself, the checks, the JSON-LD)
reads it through `scan`, so they agree on code: fenced blocks (``` or ~~~, closed by the same character at
least as long, indented or not) and indented code blocks (four spaces or a tab after a blank line, unless
the indent continues a list item or an admonition). Not a full CommonMark parser: it only has to know
where code is, and what a heading, a list item and a paragraph look like.
"""
from __future__ import annotations

import html
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import partial
from typing import NamedTuple

_FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
_HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$")
_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|(\d{1,3})[.)])\s+\S")
_NUMBERED_ITEM = re.compile(r"^(\d{1,3})[.)]\s+(.+)$")
_CONTAINER = re.compile(r"^\s*(?:[-*+]\s|\d{1,3}[.)]\s|!!!|\?\?\?|===)")  # indented lines below continue it
_CONTINUATION = re.compile(r"^\s{2,}\S")
_NOT_PARAGRAPH = re.compile(r"^\s*([#>|<]|[-*+]\s|\d+[.)]\s|!!!|\?\?\?|```|~~~|:::|(?:[-*_][ \t]*){3,}$)")
"""Lines that are not prose: headings, quotes, tables, HTML, list items, callouts, fences, thematic breaks."""
_LIST_MARK = re.compile(r"^\s*([-*+]|\d{1,3}[.)])\s+")
_INLINE_CODE = re.compile(r"(`+)(.+?)\1")
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_INLINE_MARKUP = re.compile(r"(\*\*|__|\*|`|<[^>]+>)")


class Line(NamedTuple):
    """A NamedTuple, not a dataclass: every article is scanned several times, a few hundred lines each."""
    number: int  # line in the file
    text: str
    code: bool  # inside a fenced or indented code block, or a fence itself


@dataclass(frozen=True, slots=True)  # slots: a knowledge base keeps tens of thousands
class Heading:
    level: int
    text: str
    line: int  # 1-based line in the file


def scan(markdown: str, first_line: int = 1, line_numbers: list[int] | None = None) -> list[Line]:
    """Every line with its file line number and whether it is code. `line_numbers` gives each line's
    number when the text is not the file's own (converted or included text: nightdesk.core.compat)."""
    texts = markdown.splitlines()
    count = len(texts)
    if not line_numbers:
        numbers = range(first_line, first_line + count)
    elif len(line_numbers) >= count:
        numbers = line_numbers
    else:  # lines beyond the given numbers count on from the text's first line
        numbers = [*line_numbers, *range(first_line + len(line_numbers), first_line + count)]
    return list(map(_new_line, zip(numbers, texts, code_flags(texts))))


_new_line = partial(tuple.__new__, Line)
"""Line(number, text, code) without NamedTuple's Python-level __new__: scan makes a few hundred thousand."""


def code_flags(lines: list[str]) -> list[bool]:
    """For each line, whether it is code (see the module's docstring); what `scan` and
    nightdesk.core.compat's `mark_code` decide code with."""
    return list(iter_code_flags(lines))


def iter_code_flags(lines: Iterable[str]) -> Iterator[bool]:
    """code_flags() one line at a time: a line's flag depends on the lines before it only, so a reader
    that needs the start of a text stops there."""
    fence: str | None = None  # the opening fence while inside a fenced block
    previous_blank = True  # the start of the text counts as after a blank line
    in_container = False  # indented lines continue a list item or admonition
    in_indented_code = False
    for text in lines:
        stripped = text.lstrip()
        # _FENCE needs three backticks or tildes after the indent: most lines are ruled out by their start.
        match = _FENCE.match(text) if stripped[:1] in ("`", "~") else None
        if fence is not None:
            if match and match.group(1)[0] == fence[0] and len(match.group(1)) >= len(fence):
                fence = None
            yield True
            continue
        if not stripped:  # blank
            yield False
            previous_blank = True
            continue
        if "\t" in text:
            expanded = text.expandtabs(4)
            indent = len(expanded) - len(expanded.lstrip())
        else:
            indent = len(text) - len(stripped)
        if match and not in_indented_code:
            fence = match.group(1)
            yield True
            previous_blank = False
            continue
        if indent >= 4 and not in_container and (previous_blank or in_indented_code):
            in_indented_code = True
            yield True
            previous_blank = False
            continue
        in_indented_code = False
        if _CONTAINER.match(text):
            in_container = True
        elif indent == 0:
            in_container = False
        yield False
        previous_blank = False


def prose_lines(markdown: str, first_line: int = 1, line_numbers: list[int] | None = None) -> Iterator[tuple[int, str]]:
    """(file line, text) of every line outside code, blank ones included; `code` spans become spaces,
    so a link or a TODO written as an example is not taken for a real one."""
    for line in scan(markdown, first_line, line_numbers):
        if not line.code:
            text = line.text
            yield line.number, _INLINE_CODE.sub(_blank, text) if "`" in text else text


def _blank(match: re.Match) -> str:
    return " " * len(match.group(0))


def headings(markdown: str, first_line: int = 1) -> list[Heading]:
    """ATX headings (`# Title`) outside code."""
    return [Heading(len(match.group(1)), match.group(2), line.number)
            for line in scan(markdown, first_line) if not line.code and line.text[:1] == "#"
            for match in [_HEADING.match(line.text)] if match]


def first_paragraph(markdown: str) -> str:
    """The first plain paragraph (not a heading, list, quote, table, admonition or code), as one line."""
    paragraph: list[str] = []
    for line in scan(markdown):
        if line.code or not line.text.strip() or _NOT_PARAGRAPH.match(line.text):
            if paragraph:
                break
            continue
        paragraph.append(line.text.strip())
    return " ".join(paragraph)


def count_numbered_items(markdown: str | list[Line]) -> int:
    """Numbered list items starting a line, outside code: an article's steps. Takes the Markdown or the
    lines `scan` already made of it."""
    lines = scan(markdown) if isinstance(markdown, str) else markdown
    # A first character that cannot start an item (\d is a Unicode decimal) rules a line out without the regex.
    return sum(1 for line in lines if not line.code and line.text[:1].isdecimal() and _NUMBERED_ITEM.match(line.text))


def numbered_steps(markdown: str) -> list[str]:
    """The first numbered list's items as plain text (continuation lines joined), outside code."""
    steps: list[str] = []
    texts = markdown.splitlines()
    for text, code in zip(texts, iter_code_flags(texts)):  # lazily: only up to the first list's end
        if code:
            continue
        match = _NUMBERED_ITEM.match(text) if text[:1].isdecimal() else None
        if match:
            steps.append(plain_text(match.group(2)))
        elif steps and _CONTINUATION.match(text):
            steps[-1] = f"{steps[-1]} {plain_text(text)}"
        elif steps and text.strip():
            break  # the list has ended: later numbered lists are other procedures
    return steps


def questions_and_answers(markdown: str) -> list[tuple[str, str]]:
    """Headings ending in '?' with the plain text below each (code left out), up to the next heading."""
    lines = markdown.splitlines()
    # A question heading needs a "?" (or an entity that becomes one) on a line starting with "#": most
    # articles have none, and need no scan.
    if not any(text[:1] == "#" and ("?" in text or "&" in text) for text in lines):
        return []
    pairs: list[tuple[str, list[str]]] = []
    current: list[str] | None = None
    for line in scan(markdown):
        if line.code:
            continue
        heading = _HEADING.match(line.text) if line.text[:1] == "#" else None
        if heading:
            text = plain_text(heading.group(2))
            current = [] if text.endswith("?") else None
            if current is not None:
                pairs.append((text, current))
        elif current is not None and line.text.strip():
            current.append(plain_text(_LIST_MARK.sub("", line.text)))
    return [(question, " ".join(answer)) for question, answer in pairs if answer]


def plain_text(markdown: str | None) -> str:
    """Markdown inline text as plain words (HTML entities decoded), for titles and summaries."""
    if not markdown:
        return ""
    # Each step only when its characters are there: most lines have no markup, and a regex pass over every
    # line of every article adds up. split/join collapses and strips whitespace as re's \s+ (the same
    # Unicode whitespace) would, several times faster.
    text = _LINK.sub(r"\1", markdown) if "](" in markdown else markdown
    if "*" in text or "_" in text or "`" in text or "<" in text:
        text = _INLINE_MARKUP.sub("", text)
    return " ".join(html.unescape(text).split())
