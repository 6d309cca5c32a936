"""Compatibility with Markdown written for other tools (GitHub, Microsoft Learn, Hugo, GitBook, Docusaurus).

`convert` is one pass over an article body, run where the core reads it, so the page, its summary,
search and the checks all see the same converted Markdown. It never touches fenced code. Each syntax
family lives in its own module and can be switched off in `CompatSettings` (the `compat:` setting).
"""
from __future__ import annotations

import operator
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from functools import partial

from ..problems import Problem
from . import alerts, blocks, docusaurus, emoji, gitbook, html_blocks, includes, learn, links, lists, shortcodes
from .lines import Line, lines_of, mark_code, outside_code_spans


CALLOUT_KINDS = ("note", "tip", "important", "warning", "caution", "danger", "info", "success", "details", "tab")
"""Callouts whose title conversion writes; each has a `callout.<kind>` text in every catalog."""


@dataclass(frozen=True)
class CompatSettings:
    alerts: bool = True  # > [!NOTE] -> !!! note
    includes: bool = True  # [!INCLUDE[..](path)], {{% include "path" %}}
    gitbook: bool = True  # {% hint %}, {% tabs %}, {% embed %}, {% content-ref %}
    docusaurus: bool = True  # :::note ... :::
    learn: bool = True  # Microsoft Learn :::image ...:::, :::zone ... :::zone-end
    emoji: bool = True  # :warning: -> the emoji
    angle_links: bool = True  # ![](<a (1).png>)
    folder_links: bool = True  # [x](selling/) -> selling/README.md
    site_links: bool = True  # [x](/user/section/page/) -> the page's file
    unknown_tags: bool = True  # remove {{< x >}} / {% x %} that cannot be rendered
    html_blocks: bool = True  # Markdown inside <div> ... </div> after a blank line, as CommonMark renders it
    lists: bool = True  # a list right after a paragraph line is a list, as in CommonMark
    # Titles of converted callouts in the site's language, e.g. (("note", "Remarque"), ("tab", "Onglet")),
    # from the catalog's `callout.*` texts; without one, the marker's own word ("[!NOTE]" -> "Note").
    labels: tuple[tuple[str, str], ...] = ()

    @classmethod
    def names(cls) -> tuple[str, ...]:
        """The switches (each a `compat:` option)."""
        return tuple(f.name for f in fields(cls) if f.type in (bool, "bool"))

    def title(self, kind: str) -> str:
        """The title a converted callout of `kind` (note, tip, important, ..., tab) shows."""
        return dict(self.labels).get(kind) or kind.capitalize()

    @staticmethod
    def markdown_extensions(features: set[str]) -> dict[str, dict]:
        """Python-Markdown extensions that converted Markdown using `features` needs, with their settings."""
        needed: dict[str, dict] = {}
        if features - {"html"}:
            needed["admonition"] = {}
            needed["pymdownx.superfences"] = {}  # code fences inside admonitions and tabs
        if "html" in features:
            needed["md_in_html"] = {}
        if "tabs" in features:
            needed["pymdownx.tabbed"] = {"alternate_style": True}
        return needed


@dataclass
class Sources:
    """What conversion may look at: the content folder's Markdown and the names of all its files."""
    markdown: Mapping[str, str]
    files: frozenset[str]
    folders: frozenset[str] = frozenset()

    @classmethod
    def of(cls, markdown: Mapping[str, str], files=None) -> "Sources":
        every = frozenset(files) | frozenset(markdown) if files is not None else frozenset(markdown)
        return cls(markdown, every, links.folders_of(every))


@dataclass
class Conversion:
    text: str
    file_lines: list[int]  # for each line of `text`, its line in the article's file
    included: list[bool]  # for each line of `text`, whether an include brought it in
    problems: list[Problem] = field(default_factory=list)
    removed: list[tuple[str, str, int]] = field(default_factory=list)  # (tag kind, file, line) of removed tags
    features: set[str] = field(default_factory=set)  # "admonition", "tabs": what the text now relies on


def convert(path: str, body: str, first_line: int, sources: Sources,
            settings: CompatSettings = CompatSettings(), *, expand_includes: bool = True) -> Conversion:
    """`body` of the article at `path` (its first line is line `first_line` of the file), converted."""
    lines = lines_of(body, path, first_line)
    marked = lines  # the lines as mark_code last flagged them, together (lines_of does too)
    problems: list[Problem] = []
    if settings.includes and expand_includes:
        lines = includes.expand(lines, sources.markdown, problems, (path,))
    before = len(lines)
    if settings.alerts and any("[!" in line.text for line in lines):
        lines = alerts.convert(lines, settings.title)
        mark_code(lines)
        marked = lines
    removed: list[tuple[str, str, int]] = []
    if settings.learn and any(":::" in line.text for line in lines):
        lines = learn.convert(lines, removed)
    if settings.docusaurus and any(line.text.startswith(("import ", "export ")) for line in lines):
        lines = [line.with_text("") if not line.code and docusaurus.MDX_STATEMENT.match(line.text) else line
                 for line in lines]
    matchers = (([partial(gitbook.match, title=settings.title)] if settings.gitbook else [])
                + ([partial(docusaurus.match, title=settings.title)] if settings.docusaurus else []))
    if matchers and any("{%" in line.text or ":::" in line.text or "<Tab" in line.text for line in lines):
        if settings.gitbook:
            lines = gitbook.content_ref_titles(gitbook.split_tags(lines), sources.markdown)
        lines = blocks.convert(lines, matchers)
        mark_code(lines)
        marked = lines
    converted_blocks = len(lines) != before  # every block conversion adds a line before its header
    if settings.lists and any(line.text.lstrip()[:1] in "-*+1" for line in lines if line.text.strip()):
        lines = lists.nest(lists.convert(lines))
        # Most lists need nothing changed: flagging the very lines flagged last time would change nothing.
        if not _same(lines, marked):
            mark_code(lines)
    marked_html = False
    if settings.html_blocks:
        lines, marked_html = html_blocks.convert(lines)
    link_context = links.context(path, sources.files, sources.folders, settings)
    out: list[Line] = []
    features: set[str] = {"html"} if marked_html else set()
    for line in lines:
        if converted_blocks and not line.code and line.text.lstrip().startswith(("!!! ", '=== "')):
            features.add("tabs" if line.text.lstrip().startswith("===") else "admonition")
        # Each inline converter needs one of these in the line ("{%", "{{", "[!", ":", "](" or "]:"): without
        # them it would give the line back unchanged, so most lines skip the five calls.
        text = line.text
        if not line.code and text and ("{" in text or ":" in text or "[!" in text or "](" in text):
            found: list[str] = []

            def inline(text: str, line=line, found=found) -> str:
                if settings.gitbook:
                    text = gitbook.inline(text)
                if settings.unknown_tags:
                    keep = includes.DIRECTIVE if settings.includes and not expand_includes else None
                    text = shortcodes.remove(text, found, keep=keep)
                if settings.emoji:
                    text = emoji.convert(text)
                return links.convert(text, line.origin, link_context)

            text = outside_code_spans(line.text, inline)
            removed += [(kind, line.origin, line.origin_line) for kind in found]
            if found and not text.strip():
                text = ""
            if text != line.text:
                line = line.with_text(text)
        out.append(line)
    return Conversion("\n".join(item.text for item in out) + ("\n" if out else ""),
                      [item.line for item in out], [item.origin != path for item in out],
                      _unique(problems), removed, features)


def convert_value(path: str, text: str, line: int, sources: Sources,
                  settings: CompatSettings = CompatSettings()) -> tuple[str, list[Problem]]:
    """A front-matter value shown as plain text (title, summary) converted like prose, so Microsoft Learn's
    `description: ... in [!INCLUDE[prod_short](includes/prod_short.md)].` reads "... in Business Central.":
    includes as their text on one line, emoji as characters, tags that cannot be rendered removed."""
    if not any(mark in text for mark in ("[!", "{{", "{%", ":")):
        return text, []
    problems: list[Problem] = []
    lines = lines_of(text, path, line)
    if settings.includes:
        lines = includes.expand(lines, sources.markdown, problems, (path,))
    value = " ".join(item.text.strip() for item in lines if item.text.strip())
    if settings.gitbook:
        value = gitbook.inline(value)
    if settings.unknown_tags:
        value = shortcodes.remove(value, [])
    if settings.emoji:
        value = emoji.convert(value)
    return " ".join(value.split()), _unique(problems)


def _same(lines: list[Line], others: list[Line]) -> bool:
    return len(lines) == len(others) and all(map(operator.is_, lines, others))


def _unique(problems: list[Problem]) -> list[Problem]:
    return list(dict.fromkeys(problems))


__all__ = ["CALLOUT_KINDS", "CompatSettings", "Conversion", "Sources", "convert", "convert_value"]
