"""What search engines read about an article: a meta description and schema.org JSON-LD.

How-to articles become a `HowTo` built from their numbered steps; FAQs become a `FAQPage` built from
their question headings and the text under each, both read by the one scanner (nightdesk.core.markdown),
so code examples never become steps or answers. Everything comes from the Markdown the author wrote.
"""
from __future__ import annotations

import re
from typing import Any

from .articles import Article
from .markdown import numbered_steps, plain_text, questions_and_answers
from .safe import script_json

__all__ = ["json_ld_script", "meta_description", "numbered_steps", "questions_and_answers", "structured_data"]

DESCRIPTION_LIMIT = 160  # what result pages show before cutting off


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
    if not article.steps:  # counted by the same scanner when the article was read: no need to scan again
        return None
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


def json_ld_script(data: dict[str, Any]) -> str:
    """A <script type="application/ld+json"> element whose text cannot end the script (see safe.script_json)."""
    return f'<script type="application/ld+json">{script_json(data)}</script>'
