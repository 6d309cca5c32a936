"""Broken internal links, anchors and images, resolved the way MkDocs resolves them.

A link is relative to the article (`../get-paid/refund-a-customer.md#before-you-start`); anchors are the
ids Python-Markdown gives headings (toc's slugify, `_1` for repeats) and `{#id}` attributes.
"""
from __future__ import annotations

import posixpath
import re
from collections.abc import Callable
from urllib.parse import unquote, urlsplit

from ..articles import Article, plain_text
from ..knowledge_base import HOME_PATH, KnowledgeBase
from ..problems import ERROR, WARNING, Problem
from .text import prose_lines

_INLINE_LINK = re.compile(r"(!?)\[((?:[^\[\]]|\[[^\]]*\])*)\]\(\s*<?([^)\s>]*)>?(?:\s+[\"'(][^)]*)?\)")
_REFERENCE_DEFINITION = re.compile(r"^\s{0,3}\[(?!\^)[^\]]+\]:\s*<?([^\s>]+)>?")  # not a footnote, [^1]:
_HTML_LINK = re.compile(r"<(a|img)\b[^>]*?\s(href|src)\s*=\s*[\"']([^\"']+)[\"']", re.IGNORECASE)
_ATTR_ID = re.compile(r"\{[^}\n]*?#([\w-]+)[^}\n]*\}")
_HTML_ID = re.compile(r"\sid\s*=\s*[\"']([^\"']+)[\"']")
_HEADING_ATTRS = re.compile(r"\s*\{[^}]*\}\s*$")


def article_checker(kb: KnowledgeBase, content_files: set[str], slugify: Callable[[str, str], str]
                    ) -> Callable[[Article, list[tuple[int, str]]], list[Problem]]:
    """The link check of one article, given its prose lines (checks.text); run_checks reads them once for
    every family."""
    pages = set(kb.articles) | set(kb.intros) | {HOME_PATH} | {task.hub_path for task in kb.tasks.values()}
    anchors: dict[str, set[str]] = {}  # filled on first use: most articles are never linked with an anchor
    known = pages | content_files  # once, not for each link that needs it

    def check_article(article: Article, lines: list[tuple[int, str]]) -> list[Problem]:
        problems = []
        for line, is_image, target in _links(lines):
            problem = _check_link(kb, article, target, is_image, pages, content_files, known, anchors, slugify)
            if problem:
                problems.append(Problem(kb.prefix + article.path, line, problem[0], problem[1]))
        return problems

    return check_article


def _links(lines: list[tuple[int, str]]):
    """(line, is_image, target) for every link and image an author wrote, outside code."""
    for line, text in lines:
        # Each pattern needs its own characters ("](", "]:", "<"): most lines are ruled out without a regex.
        if "](" in text:
            for match in _INLINE_LINK.finditer(text):
                yield line, bool(match.group(1)), match.group(3)
                # An image inside a link's text: [![Screenshot](shot.png)](page.md)
                for inner in _INLINE_LINK.finditer(match.group(2)):
                    yield line, bool(inner.group(1)), inner.group(3)
        if "]:" in text:
            definition = _REFERENCE_DEFINITION.match(text)
            if definition:
                yield line, False, definition.group(1)
        if "<" in text:
            for match in _HTML_LINK.finditer(text):
                yield line, match.group(1).lower() == "img", match.group(3)


def _check_link(kb, article, target, is_image, pages, content_files, known, anchors, slugify):
    """(level, message) when the link will not work in the built site, else None. `known`: pages | content_files."""
    scheme, netloc, path, _query, anchor = urlsplit(target)
    if scheme or netloc or not target or target.startswith("#") and not anchor:
        return None  # another site, mailto:, tel:, or an empty link the Markdown author meant literally
    what = "image" if is_image else "link"
    path = unquote(path)
    if path.startswith("/"):
        suggestion = _did_you_mean(article, path.lstrip("/"), known, anchor)
        if suggestion or path.lstrip("/") in known:
            return ERROR, (f"{what} '{target}' starts with '/', which breaks when the site is opened from disk or "
                           f"served from a sub-folder; write it relative to this article" + suggestion)
        # Site-absolute links of other tools (Hugo's /section/page/) were matched against the content folder
        # while reading; this one matched nothing there.
        return ERROR, (f"{what} '{target}' starts with '/' and matches no page or file of the content folder; "
                       f"write it relative to this article")
    resolved = posixpath.normpath(posixpath.join(posixpath.dirname(article.path), path)) if path else article.path
    if is_image:
        if resolved not in content_files:
            return ERROR, f"image '{target}' not found (looked for {resolved} in the content folder)"
        return None
    if resolved in pages or resolved in content_files:
        if anchor and resolved in kb.articles and anchor not in _anchors_of(kb.articles[resolved], anchors, slugify):
            where = "on this page" if resolved == article.path else f"in {resolved}"
            return ERROR, f"link '{target}': no heading with the anchor '#{anchor}' {where}" + _anchor_hint(
                kb.articles[resolved], anchors, slugify)
        return None
    if not posixpath.splitext(path)[1] and posixpath.join(resolved, "index.md") in pages:  # README.md counts too
        return WARNING, (f"link '{target}' points at a folder, which opens a file listing when the site is used "
                         f"offline; link to '{posixpath.join(path.rstrip('/'), 'index.md')}' instead")
    return ERROR, f"link '{target}' points to {resolved}, which does not exist" + _did_you_mean(
        article, resolved, known, anchor)


def _did_you_mean(article: Article, resolved: str, known: set[str], anchor: str) -> str:
    """A suggestion for the two common slips: writing .html for .md, and a path from the content root."""
    for guess in (re.sub(r"\.html?$", ".md", resolved), resolved + ".md"):
        if guess in known:
            relative = posixpath.relpath(guess, posixpath.dirname(article.path) or ".")
            return f"; did you mean '{relative}{'#' + anchor if anchor else ''}'?"
    return ""


def _anchors_of(article: Article, cache: dict[str, set[str]], slugify) -> set[str]:
    if article.path not in cache:
        ids: set[str] = set()
        for heading in article.headings:
            attrs = _ATTR_ID.search(heading.text)
            if attrs and _HEADING_ATTRS.search(heading.text):
                ids.add(attrs.group(1))
                continue
            slug = slugify(plain_text(_HEADING_ATTRS.sub("", heading.text)), "-")
            unique, n = slug, 0
            while unique in ids:  # toc's unique(): a repeated heading gets _1, _2, ...
                n += 1
                unique = f"{slug}_{n}"
            ids.add(unique)
        for _, text in prose_lines(article):
            ids.update(_ATTR_ID.findall(text))
            ids.update(_HTML_ID.findall(text))
        cache[article.path] = ids
    return cache[article.path]


def _anchor_hint(article: Article, cache, slugify) -> str:
    headings = sorted(a for a in _anchors_of(article, cache, slugify) if a)
    return f" (its anchors: {', '.join('#' + a for a in headings[:8])})" if headings else ""
