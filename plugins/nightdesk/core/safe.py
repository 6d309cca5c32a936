"""Author and configuration text made safe for the places it is written: HTML text, JSON inside a
<script> element, and links. One place, so every view and plugin applies the same rules.

Front matter and tasks.yml values are plain text (only the Markdown body may hold HTML), configuration
URLs are links to people or pages (never `javascript:`), and nothing serialised into a page can end
the <script> element it sits in.
"""
from __future__ import annotations

import html
import json
from typing import Any
from urllib.parse import urlsplit

from markupsafe import Markup, escape

URL_SCHEMES = ("https", "http", "mailto", "tel")
"""Schemes a configured link may use; a link without a scheme (relative) is allowed too."""

# Inside <script>, '<' could start '</script>' or '<!--', '>' ends '-->', '&' matters to XHTML readers,
# and U+2028/U+2029 end a line in older JavaScript parsers: all become \u escapes, which JSON reads back.
_SCRIPT_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
_SCRIPT_TRANS = str.maketrans(_SCRIPT_ESCAPES)


def script_json(data: Any) -> str:
    """JSON that is safe as the content of any <script> element (JSON-LD, page data)."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(_SCRIPT_TRANS)


def html_text(value: Any) -> Any:
    """Strings (also inside lists and mappings) as escaped HTML text, for templates that print values
    unescaped (MkDocs themes do not autoescape). Markup is left as it is, so escaping twice is harmless."""
    if isinstance(value, str):
        return escape(value)
    if isinstance(value, list):
        return [html_text(item) for item in value]
    if isinstance(value, dict):
        return {key: html_text(item) for key, item in value.items()}
    return value


def shown_as_text(value: str) -> Markup:
    """A configured text the theme prints as HTML (site_name, copyright...), made plain text: an entity
    the author wrote (`&copy;`, `&amp;`) still shows as its character, a tag shows as written."""
    return value if isinstance(value, Markup) else escape(html.unescape(value))


def written_text(value: str) -> str:
    """The text as its author meant it, whether or not `shown_as_text` has been applied: for our own
    uses that are not HTML (file names, the web manifest's JSON, comparisons)."""
    return html.unescape(str(value))


class UnsafeURL(ValueError):
    """A configured link with a scheme other than URL_SCHEMES; the message names the option."""


def check_url(value: str, option: str) -> str:
    """`value` when it is an http(s), mailto or tel link or a relative URL; else UnsafeURL naming `option`."""
    text = str(value).strip()
    # Browsers drop tabs and newlines inside URLs ("java\tscript:"), so the scheme is judged without them.
    squeezed = "".join(ch for ch in text if ch not in "\t\r\n")
    if any(ord(ch) < 32 or ord(ch) == 127 for ch in squeezed):
        raise UnsafeURL(f"{option}: '{_shown(text)}' contains control characters")
    try:
        scheme = urlsplit(squeezed).scheme.lower()
    except ValueError:
        raise UnsafeURL(f"{option}: '{_shown(text)}' is not a valid URL") from None
    if scheme and scheme not in URL_SCHEMES:
        raise UnsafeURL(f"{option}: '{_shown(text)}' uses the '{scheme}:' scheme; "
                        f"use an https://, http://, mailto: or tel: link, or a relative URL")
    return text


def _shown(text: str) -> str:
    return text if len(text) <= 60 else text[:57] + "..."


__all__ = ["URL_SCHEMES", "Markup", "UnsafeURL", "check_url", "html_text", "script_json"]
