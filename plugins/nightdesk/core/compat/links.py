"""Link destinations written for other tools, rewritten to the content file they mean:

- CommonMark angle brackets, `![](<image (1).png>)`, percent-encoded so every Markdown reader agrees;
- a folder (`selling/`) to its index page (index.md, README.md, or Hugo's _index.md);
- Hugo "pretty" site-absolute links (`/user/section/page/`) to the page's file, when the content tree has it;
- relative links in an included file, so they still work from the article that includes it.

A destination that matches nothing is left as written, for the link check to report.
"""
from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from urllib.parse import quote, unquote, urlsplit

INDEX_FILES = ("index.md", "README.md", "_index.md")
_ANGLE = re.compile(r"\]\(\s*<([^>\n]*)>")
_DESTINATION = re.compile(r"(\]\(\s*)([^)\s]+)")
_DEFINITION = re.compile(r"^(\s{0,3}\[(?!\^)[^\]]+\]:\s*)<?([^\s>]+)>?")
_SAFE = "/#?&=%@!$'*+,;~:"
_UNESCAPED_BRACKET = re.compile(r"(?<!\\)([\[\]])")


@dataclass
class LinkContext:
    article: str  # the page the links end up on
    files: frozenset[str]  # every file of the content folder (posix, relative)
    folders: frozenset[str]
    folder_links: bool = True
    site_links: bool = True
    angle_links: bool = True


def context(article: str, files: frozenset[str], folders: frozenset[str], settings) -> LinkContext:
    return LinkContext(article, files, folders, settings.folder_links, settings.site_links, settings.angle_links)


def folders_of(files) -> frozenset[str]:
    found = set()
    for path in files:
        parent = posixpath.dirname(path)
        while parent and parent not in found:
            found.add(parent)
            parent = posixpath.dirname(parent)
    return frozenset(found)


def convert(text: str, origin: str, ctx: LinkContext) -> str:
    if "](" not in text and "]:" not in text:
        return text
    if "![" in text:
        text = escape_image_brackets(text)
    if ctx.angle_links and "](<" in text.replace("]( <", "](<"):
        text = _ANGLE.sub(lambda m: "](" + quote(m.group(1).strip(), safe=_SAFE), text)
    text = _DESTINATION.sub(lambda m: m.group(1) + rewrite(m.group(2), origin, ctx), text)
    definition = _DEFINITION.match(text)
    if definition:
        text = definition.group(1) + rewrite(definition.group(2), origin, ctx) + text[definition.end():]
    return text


def escape_image_brackets(text: str) -> str:
    """`![a [b]](x.png "c [d]")` is valid CommonMark, but Python-Markdown prints it as text: escape the
    brackets inside an image's text and title."""
    out, i = [], 0
    while (start := text.find("![", i)) >= 0:
        end_alt = _closing(text, start + 2, "[", "]")
        if end_alt is None or end_alt + 1 >= len(text) or text[end_alt + 1] != "(":
            out.append(text[i:start + 2])
            i = start + 2
            continue
        end_destination = _closing(text, end_alt + 2, "(", ")", quotes=True)
        if end_destination is None:
            out.append(text[i:start + 2])
            i = start + 2
            continue
        alt, destination = text[start + 2:end_alt], text[end_alt + 2:end_destination]
        if "[" in alt or "[" in destination:
            destination = re.sub(r"(\s+)([\"'])(.*)\2(\s*)$",
                                 lambda m: m.group(1) + m.group(2) + _UNESCAPED_BRACKET.sub(r"\\\1", m.group(3))
                                 + m.group(2) + m.group(4), destination)
            alt = _UNESCAPED_BRACKET.sub(r"\\\1", alt)
        out.append(text[i:start] + f"![{alt}]({destination})")
        i = end_destination + 1
    out.append(text[i:])
    return "".join(out)


def _closing(text: str, at: int, opening: str, closing: str, quotes: bool = False) -> int | None:
    """Index of the bracket closing the one just before `at` (nesting and backslashes respected)."""
    depth, quote = 1, None
    while at < len(text):
        char = text[at]
        if char == "\\":
            at += 2
            continue
        if quote:
            quote = None if char == quote else quote
        elif quotes and char in "\"'" and text[at - 1] in " \t":
            quote = char
        elif char == opening:
            depth += 1
        elif char == closing:
            depth -= 1
            if not depth:
                return at
        at += 1
    return None


def rewrite(target: str, origin: str, ctx: LinkContext) -> str:
    """The destination to write instead of `target`, or `target` itself."""
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not parts.path:
        return target
    path = unquote(parts.path)
    fragment = f"#{parts.fragment}" if parts.fragment else ""
    if path.startswith("/"):
        found = _site_absolute(path, ctx) if ctx.site_links else None
    else:
        found = _relative(path, origin, ctx)
        if found is None and origin == ctx.article:
            return target
    if found is None:
        return target
    relative = posixpath.relpath(found, posixpath.dirname(ctx.article) or ".")
    if found == ctx.article and fragment:
        return fragment
    return quote(relative, safe=_SAFE) + fragment


def _relative(path: str, origin: str, ctx: LinkContext) -> str | None:
    joined = posixpath.normpath(posixpath.join(posixpath.dirname(origin), path))
    if joined.startswith("../"):
        return None
    if joined in ctx.files:
        return joined if origin != ctx.article else None  # already right where it is written
    if ctx.folder_links or origin != ctx.article:
        return _page(joined, ctx)
    return None


def _site_absolute(path: str, ctx: LinkContext) -> str | None:
    """`/user/a/b/` as content/user/a/b.md (or its folder's index); when the content folder is one level
    below the old site root (`/docs/x/` with content holding x/), without that first folder."""
    parts = [p for p in path.strip("/").split("/") if p]
    for start in range(min(2, len(parts))):  # the path itself, or without its first folder
        found = _page("/".join(parts[start:]), ctx)
        if found:
            return found
    return None


def _page(path: str, ctx: LinkContext) -> str | None:
    """The file a link to `path` means: the file itself, `path.md`, or the folder's index page."""
    path = path.rstrip("/")
    if not path or path == ".":
        return None
    if path in ctx.files:
        return path
    stem = re.sub(r"\.(?:html?|mdx)$", "", path)  # a page of the built site, or MDX renamed on import
    if stem + ".md" in ctx.files:
        return stem + ".md"
    if path in ctx.folders:
        return next((f"{path}/{name}" for name in INDEX_FILES if f"{path}/{name}" in ctx.files), None)
    return None
