"""GitBook blocks: `{% hint style="..." %}`, `{% tabs %}`/`{% tab title="..." %}`, `{% embed url="..." %}`,
`{% content-ref %}`, `{% code %}` and `{% file %}`."""
from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Mapping
from urllib.parse import unquote, urlsplit

from ..frontmatter import split_front_matter

from .blocks import Tag
from .lines import Line
from .links import INDEX_FILES

_TAG = re.compile(r"\{%-?\s*(end)?(hint|tabs|tab|code|content-ref|embed|file|swagger-description)\b([^%]*?)-?%\}")
_ATTR = re.compile(r"(\w+)\s*=\s*\"([^\"]*)\"|(\w+)\s*=\s*'([^']*)'")
_HINT_STYLES = {"info": "info", "success": "success", "warning": "warning", "danger": "danger", "tip": "tip"}


def split_tags(lines: list[Line]) -> list[Line]:
    """Block tags written inside a line (`{% hint %} text {% endhint %}`) each go on a line of their own."""
    out = []
    for line in lines:
        if line.code or "{%" not in line.text or not _TAG.search(line.text) or _TAG.fullmatch(line.text.strip()):
            out.append(line)
            continue
        indent = line.text[: len(line.text) - len(line.text.lstrip())]
        for part in _split(line.text.strip()):
            out.append(line.with_text(indent + part))
    return out


def _split(text: str) -> list[str]:
    parts, last = [], 0
    for match in _TAG.finditer(text):
        if match.group(2) in ("embed", "file"):
            continue  # inline tags, replaced where they stand
        if text[last:match.start()].strip():
            parts.append(text[last:match.start()].strip())
        parts.append(match.group(0))
        last = match.end()
    if text[last:].strip():
        parts.append(text[last:].strip())
    return parts


def _attrs(text: str) -> dict[str, str]:
    return {(m.group(1) or m.group(3)): (m.group(2) if m.group(1) else m.group(4)) for m in _ATTR.finditer(text)}


def match(text: str, title: Callable[[str], str] = str.capitalize) -> Tag | None:
    """`title(kind)`: the title of a hint (info, tip, ...) or of a tab without one, in the site's language."""
    found = _TAG.fullmatch(text.strip())
    if not found:
        return None
    end, name, attrs = bool(found.group(1)), found.group(2), _attrs(found.group(3))
    if name == "hint":
        if end:
            return Tag(None, closes="hint")
        style = attrs.get("style", "info").lower()
        style = style if style in _HINT_STYLES else "note"
        shown = title(style).replace('"', "'")
        return Tag(f'!!! {_HINT_STYLES.get(style, "note")} "{shown}"', opens="hint")
    if name == "tab":
        if end:
            return Tag(None, closes="tab")
        shown = (attrs.get("title", "") or title("tab")).replace('"', "'")
        return Tag(f'=== "{shown}"', opens="tab")
    if name in ("embed", "file"):
        return None  # inline: see inline()
    return Tag(None)  # tabs, code, content-ref and their end tags frame content that needs nothing more


_LINK = re.compile(r"\[([^\]]*)\]\(\s*<?([^)>\s]+)>?\s*\)")


def content_ref_titles(lines: list[Line], markdown: Mapping[str, str]) -> list[Line]:
    """GitBook writes `{% content-ref %}` links with the file name as text (`[README.md](../README.md)`) and
    shows the page's title; the link gets that title, so the page reads "Selling", not "README.md"."""
    inside = False
    out = []
    for line in lines:
        found = None if line.code else _TAG.fullmatch(line.text.strip())
        if found and found.group(2) == "content-ref":
            inside = not found.group(1)
        if line.code or found or not inside:
            out.append(line)
            continue

        def titled(link: re.Match, origin=line.origin) -> str:
            text, target = link.group(1), unquote(link.group(2).split("#", 1)[0])
            if text.strip() and text.strip() != posixpath.basename(target.rstrip("/")):
                return link.group(0)  # the author chose the words
            path = posixpath.normpath(posixpath.join(posixpath.dirname(origin), target))
            title = _title(markdown.get(path) or next(
                (markdown[f"{path}/{name}"] for name in INDEX_FILES if f"{path}/{name}" in markdown), None))
            return f"[{title}]({link.group(2)})" if title else link.group(0)

        out.append(line.with_text(_LINK.sub(titled, line.text)))
    return out


def _title(source: str | None) -> str | None:
    """A page's title as GitBook shows it: `title:` in its front matter, else its first heading."""
    if not source:
        return None
    block = split_front_matter(source)
    title = block.data.get("title") if isinstance(block.data, dict) else None
    if isinstance(title, str) and title.strip():
        return title.strip().replace("[", "(").replace("]", ")")
    heading = re.search(r"^#\s+(.+?)\s*#*\s*$", block.body, re.MULTILINE)
    return heading.group(1).replace("[", "(").replace("]", ")") if heading else None


def inline(text: str) -> str:
    """`{% embed url="..." %}` and `{% file src="..." %}` as plain links."""
    if "{%" not in text:
        return text

    def link(found: re.Match) -> str:
        if found.group(2) not in ("embed", "file"):
            return found.group(0)
        if found.group(1):
            return ""
        attrs = _attrs(found.group(3))
        url = attrs.get("url") or attrs.get("src") or ""
        if not url:
            return ""
        parts = urlsplit(url)
        # GitBook shows a card for the embedded page; its address without the scheme says what it is.
        label = attrs.get("caption") or (parts.netloc.removeprefix("www.") + parts.path + (
            f"?{parts.query}" if parts.query else "") if parts.netloc else url.rsplit("/", 1)[-1] or url)
        return f"[{label}](<{url}>)"

    return _TAG.sub(link, text)
