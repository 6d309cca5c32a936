"""CommonMark HTML blocks: in CommonMark (GitHub, Hugo, Docusaurus) a `<div>` on its own line followed by a
blank line ends the HTML block, so the Markdown inside it is rendered. Python-Markdown keeps everything up
to `</div>` as raw HTML and would print that Markdown as text; `markdown="1"` (md_in_html) restores it."""
from __future__ import annotations

import re

from .lines import Line

_OPENING = re.compile(r"^(\s*<(?:div|section|aside|article|center|figure|main|header|footer|blockquote)\b"
                      r"(?![^>]*\bmarkdown\s*=)[^>]*?)(\s*/?)>\s*$", re.IGNORECASE)


def convert(lines: list[Line]) -> tuple[list[Line], bool]:
    """The lines, and whether any opening tag was marked."""
    marked = False
    if not any("<" in line.text for line in lines):
        return lines, marked
    for index, line in enumerate(lines[:-1]):
        if line.code or "<" not in line.text or lines[index + 1].text.strip():
            continue
        match = _OPENING.match(line.text)
        if match and not match.group(2).strip():
            lines[index] = line.with_text(f'{match.group(1)} markdown="1">')
            marked = True
    return lines, marked
