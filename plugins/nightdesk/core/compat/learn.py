"""Microsoft Learn's triple-colon extensions (DocFX): `:::image ... :::` becomes an image; `:::zone`,
`:::moniker`, `:::row:::`, `:::column:::` and their `-end` lines frame content that stays, so they go;
any other (`:::code`, `:::video`) cannot be shown here and is removed, reported once per kind.

They must run before Docusaurus's `:::note` ... `:::`, which would read them as admonitions.
"""
from __future__ import annotations

import re

from .lines import Line

_ONE_LINE = re.compile(r"^(\s*):::\s*([a-z][\w-]*)\b(.*?):::\s*$", re.IGNORECASE)
_OPEN_CLOSE = re.compile(r"^\s*:::\s*(zone|moniker|image|row|column)(-end)?\b.*$", re.IGNORECASE)
_ATTR = re.compile(r"([\w-]+)\s*=\s*\"([^\"]*)\"")
FRAMES = frozenset({"zone", "moniker", "row", "column"})
"""Extensions that only frame content (pivots, versions, layout): the content is kept."""


def convert(lines: list[Line], removed: list[tuple[str, str, int]]) -> list[Line]:
    """`lines` converted; each extension removed goes to `removed` as (kind, file, line), e.g. ':::code:::'."""
    out: list[Line] = []
    for line in lines:
        if line.code or ":::" not in line.text:
            out.append(line)
            continue
        one = _ONE_LINE.match(line.text)
        if one:
            indent, kind, attrs = one.group(1), one.group(2).lower(), dict(_ATTR.findall(one.group(3)))
            if kind == "image" and attrs.get("source"):
                alt = attrs.get("alt-text", "").replace("[", "(").replace("]", ")")
                out.append(line.with_text(f"{indent}![{alt}](<{attrs['source']}>)"))
            elif kind in FRAMES or kind.removesuffix("-end") in FRAMES | {"image"}:
                out.append(line.with_text(""))
            else:
                removed.append((f":::{kind}:::", line.origin, line.origin_line))
                out.append(line.with_text(""))
            continue
        frame = _OPEN_CLOSE.match(line.text)
        if frame and frame.group(1).lower() != "image":  # `:::zone pivot="x"` ... `:::zone-end`
            out.append(line.with_text(""))
            continue
        out.append(line)
    return out
