"""The article front-matter schema: the one place that says which fields exist and what they accept.

Every field is optional. Values are coerced kindly (a comma-separated string is a list, "5 min" is 5)
and anything that cannot be understood becomes a Problem naming the field and its line.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any, Callable

KINDS = ("how-to", "troubleshooting", "faq", "concept", "reference")
"""Article kinds, in the order a task hub lists them."""

DEFAULT_ALIASES = {"description": "summary", "tags": "keywords"}
"""Foreign front-matter keys (from other doc tools) and the nightdesk field they fill."""


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
}
"""Each field and the function that reads its value."""


def read_front_matter(data: dict[str, Any], aliases: dict[str, str] | None = None):
    """Turn raw front matter into a FrontMatter; returns it with a list of (key, message) errors."""
    aliases = DEFAULT_ALIASES if aliases is None else aliases
    values: dict[str, Any] = {}
    extra: dict[str, Any] = {}
    errors: list[tuple[str, str]] = []
    # Own field names first, so `summary` wins over an aliased `description`.
    ordered = sorted(data.items(), key=lambda item: item[0] not in FIELDS)
    for key, raw in ordered:
        name = key if key in FIELDS else aliases.get(key)
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
