"""Convert one body with the compat pass, as the knowledge base does."""
from nightdesk.core.compat import CompatSettings, Sources, convert


def converted(body: str, path: str = "a.md", others: dict | None = None, files=(), **settings):
    markdown = {path: body, **(others or {})}
    return convert(path, body, 1, Sources.of(markdown, list(markdown) + list(files)), CompatSettings(**settings))
