"""One help article: its front matter read through the schema, plus what can be inferred from the Markdown."""
from __future__ import annotations

import html
import operator
import re
from array import array
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import PurePosixPath

from .compat import CompatSettings, Sources, convert, convert_value
from .frontmatter import split_front_matter
from .markdown import _NOT_PARAGRAPH, Heading, count_numbered_items, plain_text, scan
from .problems import ERROR, Problem
from .schema import DEFAULT_ALIASES, FrontMatter, read_front_matter

__all__ = ["Article", "Heading", "choose_summary", "humanize", "plain_text", "read_article"]

_HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$")
_BLOCK_HEADER = re.compile(r"^\s*(!!!|\?\?\?\+?|===)\s")  # admonitions and tabs: their indented lines belong to them
_LINK_TARGET = re.compile(r"\]\(([^)#\s]+)")
_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)|<img\b[^>]*>|<br\s*/?>", re.IGNORECASE)
_SENTENCE_END = re.compile(r"(?<=[.!?。！？])\s+(?=[\"'“(]?[A-ZÀ-ÖØ-Þ0-9])")
# Openings that say what a page is about instead of answering: skipped by the automatic summary.
_FILLER = re.compile(
    r"^(on this (documentation )?page|in this (article|topic|section|guide|page|tutorial|document|chapter|lesson)"
    r"|th(is|e following) (article|topic|page|guide|section|document|tutorial|chapter) "
    r"(describes|explains|covers|shows|provides|contains|lists|will|is about|discusses|walks)"
    r"|here,? you('ll| will| can) (learn|find|read)|you will learn|you'll learn|learn how to use this"
    r"|applies to\b|last updated|prerequisites?\b|table of contents|summary\s*:|overview\s*:"
    r"|dans (cet|ce|cette) (article|rubrique|section|page|sujet)|sur cette page|cet article (décrit|explique|présente)"
    r"|in diese[mr] (artikel|abschnitt|thema|seite)|auf dieser seite|dieser artikel (beschreibt|erklärt)"
    r"|en (este|esta) (artículo|tema|página|sección)|este artículo (describe|explica)"
    r"|(neste|nesta) (artigo|tópico|página|seção)|in quest[oa] (articolo|argomento|pagina)"
    r"|in dit (artikel|onderwerp)|op deze pagina)", re.IGNORECASE)
_NOTE = re.compile(r"^(note|notes|nb|tip|warning|caution|important|attention|remarque|hinweis|nota|opmerking)\b"
                   r"\s*\d*\s*[:!.-]", re.IGNORECASE)
SUMMARY_LENGTH = 160
"""Sentences are added to an automatic summary while it stays this short (the checks' default limit)."""


@dataclass
class Article:
    path: str  # posix path relative to the content folder, e.g. "get-paid/refund-a-customer.md"
    meta: FrontMatter
    title: str
    summary: str
    body: str | None  # the Markdown after the front matter; None once a site build has written its page
    body_line: int  # file line where `body` starts
    headings: list[Heading] = field(default_factory=list)
    steps: int = 0  # numbered steps at the start of a line, outside code blocks
    tasks: list[str] = field(default_factory=list)  # resolved task ids; the first is the primary task
    key_lines: dict[str, int] = field(default_factory=dict)  # front-matter key -> line, for messages
    file_lines: Sequence[int] = field(default_factory=list)  # line of the file each line of `body` comes from
    removed_tags: list[tuple[str, str, int]] = field(default_factory=list)  # (kind, file, line) not rendered
    markdown_features: set[str] = field(default_factory=set)  # converted syntax the body relies on (admonition, tabs)
    links: tuple[str, ...] = ()  # link targets written in the body, each once (what most_linked counts)

    @property
    def searchable(self) -> bool:
        """False for `nosearch` pages: published, but kept out of the site's search. (`noindex` is for
        search engines, as in Hugo: on the Zen Cart manual, taking its 33 pages out of site search
        dropped success@1 from 0.51 to 0.46.)"""
        return not self.meta.nosearch

    @property
    def draft(self) -> bool:
        return self.meta.draft

    def file_line(self, offset: int) -> int:
        """The file line of the body's line `offset` (0-based); converted or included text maps to its source."""
        if offset < len(self.file_lines):
            return self.file_lines[offset]
        return self.body_line + offset


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


def read_article(path: str, source: str, aliases: dict | None = None, *, sources: Sources | None = None,
                 compat: CompatSettings | None = None) -> tuple[Article, list[Problem]]:
    """Parse one article. Problems are returned, never raised: one bad article must not hide the others.

    The body is converted for Markdown written for other tools (see nightdesk.core.compat); `sources` is the
    content folder that includes and links resolve against (default: this file alone)."""
    block = split_front_matter(source)
    problems: list[Problem] = []
    if block.error:
        problems.append(Problem(path, block.error[0], ERROR, block.error[1]))
    meta, errors = read_front_matter(block.data, aliases)
    for key, message in errors:
        problems.append(Problem(path, block.key_lines.get(key, 1), ERROR, message, field=key))

    sources = sources or Sources.of({path: source})
    compat = compat or CompatSettings()
    converted = convert(path, block.body, block.body_line, sources, compat)
    for name in ("title", "summary"):  # shown as plain text: includes and shortcodes in them converted too
        value = getattr(meta, name)
        if value:
            line = _value_line(block.key_lines, name, aliases)
            converted_value, value_problems = convert_value(path, value, line, sources, compat)
            if converted_value != value:  # most values have nothing to convert: no copy of the front matter
                meta = replace(meta, **{name: converted_value})
            problems += value_problems
    problems += converted.problems
    lines = scan(converted.text, block.body_line, converted.file_lines)
    found = [Heading(len(m.group(1)), m.group(2), line.number) for line in lines
             if not line.code and line.text[:1] == "#" for m in [_HEADING.match(line.text)] if m]
    h1 = next((h.text for h in found if h.level == 1), None)
    title = html.unescape(meta.title) if meta.title else (plain_text(h1) if h1 else _title_from_filename(path))
    summary = html.unescape(meta.summary) if meta.summary else choose_summary(_paragraphs(lines, converted.included))
    article = Article(path=path, meta=meta, title=title, summary=summary, body=converted.text,
                      body_line=block.body_line, headings=found, steps=count_numbered_items(lines),
                      key_lines=block.key_lines, file_lines=_compact(converted.file_lines), removed_tags=converted.removed,
                      markdown_features=converted.features,
                      links=tuple(dict.fromkeys(_LINK_TARGET.findall(converted.text))))
    return article, problems


def _compact(numbers: list[int]) -> Sequence[int]:
    """Line numbers as kept for the whole build: most articles' lines are the file's own, in order, so a
    range; else an array (4 bytes a line where a list of ints takes about 36)."""
    identity = range(numbers[0], numbers[0] + len(numbers)) if numbers else range(0)
    return identity if all(map(operator.eq, numbers, identity)) else array("i", numbers)


def _value_line(key_lines: dict[str, int], name: str, aliases: dict | None) -> int:
    """The front-matter line of field `name`, written under its own name or a foreign one (description:)."""
    if name in key_lines:
        return key_lines[name]
    for key, rule in {**DEFAULT_ALIASES, **(aliases or {})}.items():
        if key in key_lines and (rule == name or isinstance(rule, dict) and rule.get("to") == name):
            return key_lines[key]
    return 1


def _paragraphs(lines, included: list[bool], limit: int = 8) -> list[str]:
    """The first plain paragraphs, each as one line: not code, headings, lists, quotes, tables, the
    inside of admonitions and tabs, or text an include brought in."""
    paragraphs: list[str] = []
    paragraph: list[str] = []
    in_block = False
    for offset, line in enumerate(lines):
        if len(paragraphs) >= limit:
            break
        text = line.text
        if _BLOCK_HEADER.match(text):
            in_block = True
        elif in_block and (not text.strip() or text.startswith(("    ", "\t"))):
            continue
        else:
            in_block = False
        if line.code or in_block or not text.strip() or _NOT_PARAGRAPH.match(text) or included[offset]:
            if paragraph:
                paragraphs.append(" ".join(paragraph))
                paragraph = []
            continue
        paragraph.append(text.strip())
    if paragraph and len(paragraphs) < limit:
        paragraphs.append(" ".join(paragraph))
    return paragraphs


def choose_summary(paragraphs: list[str]) -> str:
    """The automatic summary: from the first paragraph that answers, its first sentences (up to
    SUMMARY_LENGTH characters), skipping images, notes and filler openings ("In this article...");
    a question is followed by its answer."""
    for markdown in paragraphs:
        if not _IMAGE.sub("", markdown).strip():
            continue
        text = plain_text(_IMAGE.sub(" ", markdown))
        if not text or _NOTE.match(text):
            continue
        sentences = [s for s in _SENTENCE_END.split(text) if s.strip()]
        while sentences and _FILLER.match(sentences[0]):
            sentences.pop(0)
        if len(sentences) > 1 and sentences[0].endswith("?"):
            sentences.pop(0)
        if not sentences:
            continue
        summary = sentences[0]
        for sentence in sentences[1:]:
            if len(summary) + 1 + len(sentence) > SUMMARY_LENGTH:
                break
            summary += " " + sentence
        return summary
    return ""


def _title_from_filename(path: str) -> str:
    return humanize(PurePosixPath(path).stem)


def humanize(name: str) -> str:
    """'get-paid' -> 'Get paid'."""
    words = re.sub(r"[-_]+", " ", name).strip()
    return words[:1].upper() + words[1:]
