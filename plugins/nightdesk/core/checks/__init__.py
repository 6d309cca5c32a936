"""`nightdesk check`: everything worth telling an author before publishing, as Problems.

The knowledge base already reports what reading it finds (front matter, tasks.yml, `related`, journeys,
articles in no task); the families here add the rest. `run_checks` is the one entry point, used by the
command line and by `mkdocs build`, so both always agree.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from markdown.extensions.toc import slugify as toc_slugify

from ..knowledge_base import TASKS_FILE, KnowledgeBase
from ..problems import Problem
from . import freshness, links, plain_language, structure
from .settings import CheckSettings
from .text import prose_lines

FAMILIES = ("knowledge-base", "links", "structure", "plain-language", "freshness")
"""Every family of checks, in the order problems are listed."""


@dataclass
class CheckReport:
    found: dict[str, list[Problem]] = field(default_factory=dict)  # family -> its problems, in FAMILIES order
    articles: int = 0
    health: dict = field(default_factory=dict)

    @property
    def problems(self) -> list[Problem]:
        return [problem for family in self.found.values() for problem in family]

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if not p.is_error]

    @property
    def summary(self) -> str:
        """'56 articles, 0 errors, 3 warnings'."""
        return (f"{_count(self.articles, 'article')}, {_count(len(self.errors), 'error')}, "
                f"{_count(len(self.warnings), 'warning')}")


def run_checks(kb: KnowledgeBase, content_files: Iterable[str], settings: CheckSettings | None = None, *,
               today: dt.date | None = None, tasks_file: str = TASKS_FILE,
               slugify: Callable[[str, str], str] = toc_slugify, include_kb_problems: bool = True) -> CheckReport:
    """Check `kb`. `content_files` lists every file of the content folder (posix, relative), images included.

    `include_kb_problems=False` leaves out what the knowledge base reported itself, for callers that
    already showed those (the MkDocs plugin logs them while reading the files)."""
    settings = settings or CheckSettings()
    today = today or dt.date.today()
    stale = freshness.stale_articles(kb, settings, today)
    report = CheckReport(articles=len(kb.articles))
    # The families that read an article's prose read it together, one article at a time: its prose lines
    # are made once (not once per family), and only one article's are held at a time.
    check_links = links.article_checker(kb, set(content_files), slugify)
    found_links: list[Problem] = []
    placeholders: list[Problem] = []
    plain: list[Problem] = []
    for article in kb.articles.values():
        lines = list(prose_lines(article))
        found_links += check_links(article, lines)
        placeholders += structure.placeholder(kb, article, lines)
        plain += plain_language.check_article(kb, article, settings, lines)
    plain_language.clear_caches()
    report.found = {
        "knowledge-base": list(kb.problems) if include_kb_problems else [],
        "links": found_links,
        "structure": structure.check(kb, settings, tasks_file, placeholders),
        "plain-language": plain,
        "freshness": freshness.check(kb, stale, today),
    }
    report.health = _health(kb, stale)
    return report


def _health(kb: KnowledgeBase, stale) -> dict:
    """A short picture of the knowledge base: articles per task, and how many need a fresh look."""
    reviewed = [a.meta.reviewed for a in kb.articles.values() if a.meta.reviewed]
    return {
        "articles_per_task": {task.title: len(kb.articles_in(task.id)) for task in kb.tasks.values()},
        "in_no_task": sum(1 for a in kb.articles.values() if not a.tasks),
        "stale": len(stale),
        "never_reviewed": len(kb.articles) - len(reviewed),
        "oldest_review": min(reviewed).isoformat() if reviewed else None,
    }


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


__all__ = ["FAMILIES", "CheckReport", "CheckSettings", "run_checks"]
