"""How the knowledge base hangs together: empty tasks, titles readers cannot tell apart, summaries that
do not fit a phone, and scaffold text (TODO) left in an article."""
from __future__ import annotations

import re
from collections import defaultdict

from ..articles import Article
from ..knowledge_base import KnowledgeBase
from ..problems import WARNING, Problem
from .settings import CheckSettings

PLACEHOLDER = "TODO"
"""What `nightdesk new` puts where the author still has to write; an article must not be published with it."""
_PLACEHOLDER = re.compile(rf"\b{PLACEHOLDER}\b")


def check(kb: KnowledgeBase, settings: CheckSettings, tasks_file: str, placeholders: list[Problem]) -> list[Problem]:
    """`placeholders`: what `placeholder` found in each article (run_checks reads an article's prose once)."""
    return _empty_tasks(kb, tasks_file) + _duplicate_titles(kb) + _summaries(kb, settings) + placeholders


def _empty_tasks(kb: KnowledgeBase, tasks_file: str) -> list[Problem]:
    return [Problem(kb.prefix + tasks_file, task.line, WARNING,
                    f"task '{task.id}' has no articles, so its hub page is empty; "
                    f"add 'tasks: [{task.id}]' to an article, or remove the task")
            for task in kb.tasks.values() if not kb.articles_in(task.id)]


def _duplicate_titles(kb: KnowledgeBase) -> list[Problem]:
    by_title = defaultdict(list)
    for article in kb.articles.values():
        by_title[article.title.casefold()].append(article)
    problems = []
    for same in by_title.values():
        for article in same[1:] if len(same) > 1 else []:
            others = ", ".join(other.path for other in same if other is not article)
            problems.append(Problem(kb.prefix + article.path, _title_line(article), WARNING,
                                    f"title '{article.title}' is also the title of {others}; readers cannot "
                                    f"tell them apart in lists and search, so make each title say what is different"))
    return problems


def _summaries(kb: KnowledgeBase, settings: CheckSettings) -> list[Problem]:
    problems = []
    for article in kb.articles.values():
        path, line = kb.prefix + article.path, article.line_of("summary")
        if not article.summary:
            problems.append(Problem(path, line, WARNING, "no summary: add 'summary:' with the one-sentence answer "
                                                         "shown at the top of the article and in lists"))
        elif len(article.summary) > settings.max_summary_length:
            source = "summary" if article.meta.summary else "first paragraph (used as the summary)"
            problems.append(Problem(path, line, WARNING,
                                    f"{source} is {len(article.summary)} characters; keep it under "
                                    f"{settings.max_summary_length} so it fits a phone screen and search results"))
    return problems


def placeholder(kb: KnowledgeBase, article: Article, prose: list[tuple[int, str]]) -> list[Problem]:
    """One warning per article, at its first TODO, naming the other lines; `prose`: its prose lines (checks.text)."""
    lines = [article.line_of(key) for key in ("title", "summary")
             if _PLACEHOLDER.search(getattr(article.meta, key) or "")]
    lines += [line for line, text in prose if PLACEHOLDER in text and _PLACEHOLDER.search(text)]
    if not lines:
        return []
    more = f" (also on line{'s' if len(lines) > 2 else ''} {', '.join(map(str, lines[1:]))})" if lines[1:] else ""
    return [Problem(kb.prefix + article.path, lines[0], WARNING,
                    f"scaffold text still here{more}: replace each {PLACEHOLDER} before publishing")]


def _title_line(article) -> int:
    if "title" in article.key_lines:
        return article.key_lines["title"]
    return next((h.line for h in article.headings if h.level == 1), 1)
