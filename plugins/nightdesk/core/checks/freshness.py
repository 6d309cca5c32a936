"""Articles nobody has looked at for a while: `reviewed` older than the configured age, oldest first."""
from __future__ import annotations

import datetime as dt

from ..articles import Article
from ..knowledge_base import KnowledgeBase
from ..problems import WARNING, Problem
from .settings import CheckSettings


def stale_articles(kb: KnowledgeBase, settings: CheckSettings, today: dt.date) -> list[Article]:
    """Articles reviewed more than `stale_after_days` ago, the oldest first."""
    cutoff = today - dt.timedelta(days=settings.stale_after_days)
    stale = [a for a in kb.articles.values() if a.meta.reviewed and a.meta.reviewed < cutoff]
    return sorted(stale, key=lambda a: (a.meta.reviewed, a.path))


def check(kb: KnowledgeBase, stale: list[Article], today: dt.date) -> list[Problem]:
    problems = []
    for article in stale:
        days = (today - article.meta.reviewed).days
        problems.append(Problem(kb.prefix + article.path, article.line_of("reviewed"), WARNING,
                                f"last reviewed {article.meta.reviewed.isoformat()} ({days} days ago): check it "
                                f"still matches the product, then set 'reviewed: {today.isoformat()}'",
                                field="reviewed"))
    for article in kb.articles.values():
        if article.meta.reviewed and article.meta.reviewed > today:
            problems.append(Problem(kb.prefix + article.path, article.line_of("reviewed"), WARNING,
                                    f"'reviewed: {article.meta.reviewed.isoformat()}' is in the future; "
                                    f"use the date you checked the article", field="reviewed"))
    return problems
