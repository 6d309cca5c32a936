"""What search engines read about an article: a meta description and schema.org JSON-LD.

How-to articles become a `HowTo` built from their numbered steps; FAQs become a `FAQPage` built from
their question headings and the text under each. Everything comes from the Markdown the author wrote.
"""
from __future__ import annotations

import json
import re
from typing import Any

from .articles import Article, plain_text

DESCRIPTION_LIMIT = 160  # what result pages show before cutting off

_FENCE = re.compile(r"^\s*(```|~~~)")
_STEP = re.compile(r"^(\d{1,3})[.)]\s+(.+)$")
_CONTINUATION = re.compile(r"^\s{2,}\S")
_HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$")
_LIST_MARK = re.compile(r"^\s*([-*+]|\d{1,3}[.)])\s+")


def meta_description(text: str, limit: int = DESCRIPTION_LIMIT) -> str:
    """The summary as one line, cut at a word boundary with an ellipsis when too long."""
    text = re.sub(r"\s+", " ", plain_text(text)).strip()
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def structured_data(article: Article, url: str | None = None) -> dict[str, Any] | None:
    """JSON-LD for the article's kind, or None when it has nothing a search engine can use."""
    if article.kind == "faq":
        return faq_page(article, url)
    if article.kind == "how-to" or article.steps:
        return how_to(article, url)
    return None


def how_to(article: Article, url: str | None = None) -> dict[str, Any] | None:
    steps = numbered_steps(article.body)
    if not steps:
        return None
    data: dict[str, Any] = {"@context": "https://schema.org", "@type": "HowTo", "name": article.title}
    if article.summary:
        data["description"] = article.summary
    if article.time:
        data["totalTime"] = f"PT{article.time}M"
    data["step"] = [{"@type": "HowToStep", "position": i, "text": text} for i, text in enumerate(steps, 1)]
    if url:
        data["url"] = url
    return data


def faq_page(article: Article, url: str | None = None) -> dict[str, Any] | None:
    pairs = questions_and_answers(article.body)
    if not pairs:
        return None
    data: dict[str, Any] = {"@context": "https://schema.org", "@type": "FAQPage", "name": article.title,
                            "mainEntity": [{"@type": "Question", "name": question,
                                            "acceptedAnswer": {"@type": "Answer", "text": answer}}
                                           for question, answer in pairs]}
    if url:
        data["url"] = url
    return data


def numbered_steps(markdown: str) -> list[str]:
    """The first numbered list's items as plain text (continuation lines joined), outside code blocks."""
    steps: list[str] = []
    in_fence = False
    for line in markdown.splitlines():
        if _FENCE.match(line):
            in_fence = not in_fence
            continue
        if in_fence:
            continue
        match = _STEP.match(line)
        if match:
            steps.append(plain_text(match.group(2)))
        elif steps and _CONTINUATION.match(line):
            steps[-1] = f"{steps[-1]} {plain_text(line)}"
        elif steps and line.strip():
            break  # the list has ended: later numbered lists are other procedures
    return steps


def questions_and_answers(markdown: str) -> list[tuple[str, str]]:
    """Headings ending in '?' with the plain text below each, up to the next heading."""
    pairs: list[tuple[str, list[str]]] = []
    current: list[str] | None = None
    in_fence = False
    for line in markdown.splitlines():
        if _FENCE.match(line):
            in_fence = not in_fence
            continue
        heading = None if in_fence else _HEADING.match(line)
        if heading:
            text = plain_text(heading.group(2))
            current = [] if text.endswith("?") else None
            if current is not None:
                pairs.append((text, current))
        elif current is not None and not in_fence and line.strip():
            current.append(plain_text(_LIST_MARK.sub("", line)))
    return [(question, " ".join(answer)) for question, answer in pairs if answer]


def json_ld_script(data: dict[str, Any]) -> str:
    """A <script type="application/ld+json"> element; '</' is escaped so text cannot end the script."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
    return f'<script type="application/ld+json">{text}</script>'
