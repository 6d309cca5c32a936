"""The article front-matter schema: the one place that says which fields exist and what they accept.

Every field is optional. Values are coerced kindly (a comma-separated string is a list, "5 min" is 5)
and anything that cannot be understood becomes a Problem naming the field and its line.
"""
from __future__ import annotations

import datetime as dt
import posixpath
import re
from dataclasses import dataclass, field
from typing import Any, Callable
from urllib.parse import unquote, urlsplit

KINDS = ("how-to", "troubleshooting", "faq", "concept", "reference")
"""Article kinds, in the order a task hub lists them."""

DEFAULT_ALIASES: dict[str, Any] = {
    "description": "summary",
    "tags": "keywords",
    "weight": "order",  # Hugo
    "sidebar_position": "order",  # Docusaurus
    "nav_order": "order",  # Jekyll (Just the Docs)
    "aliases": "redirect_from",  # Hugo: the page's old addresses
    "unlisted": "nosearch",  # Docusaurus
    "search_exclude": "nosearch",  # Jekyll (Just the Docs)
    "ms.topic": {"to": "kind", "values": {  # Microsoft Learn
        "how-to": "how-to", "tutorial": "how-to", "quickstart": "how-to", "troubleshooting": "troubleshooting",
        "troubleshooting-general": "troubleshooting", "faq": "faq", "conceptual": "concept", "overview": "concept",
        "article": "concept", "concept-article": "concept", "reference": "reference"}},
}
"""Foreign front-matter keys (from other doc tools) and the nightdesk field they fill: a field name, or
`{to: field, values: {foreign value: nightdesk value}}` where values outside the table are ignored.
A site's `aliases` are added to these; map a key to "" to ignore it."""


class FieldError(ValueError):
    """A value that does not fit its field; the message is shown to the author."""


@dataclass
class FrontMatter:
    title: str | None = None
    summary: str | None = None  # the one-sentence answer shown at the top and in listings
    tasks: list[str] = field(default_factory=list)  # task ids
    kind: str | None = None  # one of KINDS
    time: int | None = None  # minutes to complete
    audience: list[str] = field(default_factory=list)
    keywords: list[str] = field(default_factory=list)  # the words customers use
    related: list[str] = field(default_factory=list)  # article paths
    reviewed: dt.date | None = None
    owner: str | None = None
    order: int | None = None  # position among its task's articles of the same kind (Hugo `weight`)
    draft: bool = False  # not published
    noindex: bool = False  # published, but search engines are asked not to index it (robots)
    nosearch: bool = False  # published, but kept out of the site's own search
    redirect_from: list[str] = field(default_factory=list)  # old addresses that must still lead here
    extra: dict[str, Any] = field(default_factory=dict)  # unknown keys, kept and ignored


def _text(value: Any) -> str:
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise FieldError(f"expected text, got {_describe(value)}")
    text = str(value).strip()
    return text


def _text_list(value: Any) -> list[str]:
    if isinstance(value, str):
        return [part.strip() for part in value.split(",") if part.strip()]
    if isinstance(value, list):
        items = []
        for item in value:
            if isinstance(item, bool) or not isinstance(item, (str, int, float)):
                raise FieldError(f"expected a list of words, but one item is {_describe(item)}")
            if str(item).strip():
                items.append(str(item).strip())
        return items
    raise FieldError(f"expected a list (e.g. [a, b]) or comma-separated text, got {_describe(value)}")


def _kind(value: Any) -> str:
    kind = _text(value).lower()
    if kind not in KINDS:
        raise FieldError(f"unknown kind '{value}'; use one of: {', '.join(KINDS)}")
    return kind


_MINUTES = re.compile(r"^\s*(\d+)\s*(m|min|mins|minutes?)?\s*$", re.IGNORECASE)


def _minutes(value: Any) -> int:
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return value
    match = _MINUTES.match(value) if isinstance(value, str) else None
    if not match:
        raise FieldError(f"expected a number of minutes (e.g. 5), got {_describe(value)}")
    return int(match.group(1))


def _whole_number(value: Any) -> int:
    if isinstance(value, bool):
        raise FieldError(f"expected a whole number, got {_describe(value)}")
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and re.fullmatch(r"\s*-?\d+\s*", value):
        return int(value)
    raise FieldError(f"expected a whole number, got {_describe(value)}")


_YES = {"true", "yes", "on", "1", "y"}
_NO = {"false", "no", "off", "0", "n", ""}


def _flag(value: Any) -> bool:
    """true/false, and what other tools write for them ('yes', 1)."""
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower() if isinstance(value, (str, int)) else None
    if text in _YES:
        return True
    if text in _NO:
        return False
    raise FieldError(f"expected true or false, got {_describe(value)}")


def _date(value: Any) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            if re.match(r"^\d{4}-\d{1,2}-\d{1,2}$", value.strip()):
                raise FieldError(f"'{value.strip()}' is not a real date; check the day and the month") from None
    raise FieldError(f"expected a date like 2026-09-14, got {_describe(value)}")


def _describe(value: Any) -> str:
    if isinstance(value, (dict, list)):
        return "a mapping" if isinstance(value, dict) else "a list"
    return f"{type(value).__name__} {value!r}"


def _old_addresses(value: Any) -> list[str]:
    """Old addresses of the page on this site (`/user/taxes/vat/`, `old-page.html`): paths, never links to
    another site or out of it."""
    addresses = []
    for item in _text_list(value):
        parts = urlsplit(item)
        path = posixpath.normpath("/" + unquote(parts.path).lstrip("/")).lstrip("/")
        if parts.scheme or parts.netloc or ".." in unquote(parts.path).split("/") or not path or path == ".":
            raise FieldError(f"'{item}' is not an address on this site; write its path, e.g. /billing/old-page/")
        addresses.append(path + ("/" if parts.path.endswith("/") and path else ""))
    return addresses


FIELDS: dict[str, Callable[[Any], Any]] = {
    "title": _text,
    "summary": _text,
    "tasks": _text_list,
    "kind": _kind,
    "time": _minutes,
    "audience": _text_list,
    "keywords": _text_list,
    "related": _text_list,
    "reviewed": _date,
    "owner": _text,
    "order": _whole_number,
    "draft": _flag,
    "noindex": _flag,
    "nosearch": _flag,
    "redirect_from": _old_addresses,
}
"""Each field and the function that reads its value."""


def read_aliases(raw: dict[str, Any] | None) -> tuple[dict[str, Any], list[str]]:
    """The defaults with a site's `aliases` added; and a message for each entry that cannot work."""
    aliases = dict(DEFAULT_ALIASES)
    errors = []
    for key, rule in (raw or {}).items():
        key = str(key)
        if rule in ("", None):
            aliases.pop(key, None)
            continue
        target = rule.get("to") if isinstance(rule, dict) else rule
        if not isinstance(target, str) or target not in FIELDS:
            errors.append(f"aliases: '{key}' must name a field ({', '.join(FIELDS)}) or be "
                          f"{{to: field, values: {{...}}}}, got {rule!r}")
            continue
        if isinstance(rule, dict):
            values = rule.get("values", {})
            unknown = set(rule) - {"to", "values"}
            if not isinstance(values, dict) or unknown:
                errors.append(f"aliases: '{key}' takes 'to' and 'values' (a mapping of values), got {rule!r}")
                continue
            rule = {"to": target, "values": {str(k).strip().lower(): v for k, v in values.items()}}
        aliases[key] = rule
    return aliases, errors


def read_front_matter(data: dict[str, Any], aliases: dict[str, Any] | None = None):
    """Turn raw front matter into a FrontMatter; returns it with a list of (key, message) errors."""
    aliases = DEFAULT_ALIASES if aliases is None else aliases
    values: dict[str, Any] = {}
    extra: dict[str, Any] = {}
    errors: list[tuple[str, str]] = []
    # Own field names first, so `summary` wins over an aliased `description`.
    ordered = sorted(data.items(), key=lambda item: item[0] not in FIELDS)
    for key, raw in ordered:
        rule = None if key in FIELDS else aliases.get(key)
        name = key if key in FIELDS else rule.get("to") if isinstance(rule, dict) else rule
        if isinstance(rule, dict) and raw is not None:
            raw = rule["values"].get(str(raw).strip().lower())  # a value outside the table is ignored
        if name is None or name in values:
            extra[key] = raw
            continue
        if raw is None:
            continue
        try:
            values[name] = FIELDS[name](raw)
        except FieldError as exc:
            errors.append((key, f"field '{key}': {exc}"))
    return FrontMatter(**values, extra=extra), errors
