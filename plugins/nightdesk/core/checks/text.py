"""The lines of an article the checks read: outside code (nightdesk.core.markdown decides where code is),
with inline code blanked, numbered as in the file."""
from __future__ import annotations

from collections.abc import Iterator

from .. import markdown
from ..articles import Article


def prose_lines(article: Article) -> Iterator[tuple[int, str]]:
    """(file line, text) for every line outside code blocks; `code` spans become spaces, so a link or a
    TODO written as an example is not taken for a real one. Converted or included text (core.compat)
    is numbered by the file line it came from."""
    return markdown.prose_lines(article.body, article.body_line, article.file_lines)
