"""One help article: its front matter read through the schema, plus what can be inferred from the Markdown."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from .frontmatter import split_front_matter
from .markdown import Heading, count_numbered_items, first_paragraph, headings, plain_text
from .problems import ERROR, Problem
from .schema import FrontMatter, read_front_matter

__all__ = ["Article", "Heading", "humanize", "plain_text", "read_article"]


@dataclass
class Article:
    path: str  # posix path relative to the content folder, e.g. "get-paid/refund-a-customer.md"
    meta: FrontMatter
    title: str
    summary: str
    body: str  # the Markdown after the front matter
    body_line: int  # file line where `body` starts
    headings: list[Heading] = field(default_factory=list)
    steps: int = 0  # numbered steps at the start of a line, outside code blocks
    tasks: list[str] = field(default_factory=list)  # resolved task ids; the first is the primary task
    key_lines: dict[str, int] = field(default_factory=dict)  # front-matter key -> line, for messages

    @property
    def kind(self) -> str:
        """The declared kind, else how-to when it has numbered steps, else concept."""
        return self.meta.kind or ("how-to" if self.steps else "concept")

    @property
    def keywords(self) -> list[str]:
        return self.meta.keywords

    @property
    def time(self) -> int | None:
        return self.meta.time

    @property
    def folder(self) -> str:
        """The top-level folder, which names the task when front matter does not."""
        parts = PurePosixPath(self.path).parts
        return parts[0] if len(parts) > 1 else ""

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, 1)


def read_article(path: str, source: str, aliases: dict[str, str] | None = None) -> tuple[Article, list[Problem]]:
    """Parse one article. Problems are returned, never raised: one bad article must not hide the others."""
    block = split_front_matter(source)
    problems: list[Problem] = []
    if block.error:
        problems.append(Problem(path, block.error[0], ERROR, block.error[1]))
    meta, errors = read_front_matter(block.data, aliases)
    for key, message in errors:
        problems.append(Problem(path, block.key_lines.get(key, 1), ERROR, message, field=key))

    found = headings(block.body, block.body_line)
    h1 = next((h.text for h in found if h.level == 1), None)
    title = meta.title or (plain_text(h1) if h1 else _title_from_filename(path))
    summary = meta.summary or plain_text(first_paragraph(block.body))
    article = Article(path=path, meta=meta, title=title, summary=summary, body=block.body,
                      body_line=block.body_line, headings=found, steps=count_numbered_items(block.body),
                      key_lines=block.key_lines)
    return article, problems


def _title_from_filename(path: str) -> str:
    return humanize(PurePosixPath(path).stem)


def humanize(name: str) -> str:
    """'get-paid' -> 'Get paid'."""
    words = re.sub(r"[-_]+", " ", name).strip()
    return words[:1].upper() + words[1:]
