"""The knowledge base: every article and task of a content folder, cross-checked, with the questions
navigation asks (which articles does a task hold, what comes next, what is related)."""
from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from .articles import Article, humanize, plain_text, read_article
from .problems import ERROR, WARNING, Problem
from .schema import KINDS
from .sources import read_text
from .tasks import Task, read_tasks_file

HOME_PATH = "index.md"
INDEX_NAMES = ("index.md", "README.md")
TASKS_FILE = "tasks.yml"

HOME, HUB, ARTICLE, OTHER = "home", "hub", "article", "other"
"""The kinds of page a knowledge base knows, answered by KnowledgeBase.page(); OTHER is any page it does
not own (a generated search page, a page outside the content's tasks)."""


@dataclass(frozen=True)
class PageRef:
    """What a source path is to the knowledge base: its kind, and the article or task it shows."""
    kind: str  # HOME, HUB, ARTICLE or OTHER
    article: Article | None = None
    task: Task | None = None  # a hub's task, or an article's primary task


@dataclass
class KnowledgeBase:
    articles: dict[str, Article] = field(default_factory=dict)  # by path, sorted by path
    tasks: dict[str, Task] = field(default_factory=dict)  # in display order
    intros: dict[str, str] = field(default_factory=dict)  # existing home / hub page path -> its Markdown
    problems: list[Problem] = field(default_factory=list)
    prefix: str = ""  # shown before paths in messages, e.g. "content/"

    # ---- building -------------------------------------------------------------------------------

    @classmethod
    def load(cls, content_dir: Path | str, *, tasks_file: str = TASKS_FILE,
             aliases: dict[str, str] | None = None, prefix: str = "") -> "KnowledgeBase":
        """Read every Markdown file below `content_dir`."""
        root = Path(content_dir)
        sources: dict[str, str] = {}
        problems: list[Problem] = []
        for path in sorted(root.rglob("*.md")):
            relative = path.relative_to(root).as_posix()
            if any(part.startswith(".") for part in PurePosixPath(relative).parts):
                continue
            text, problem = read_text(root, relative)
            if text is None:
                problems.append(problem)
            else:
                sources[relative] = text
        tasks_text = None
        if (root / tasks_file).is_file() or (root / tasks_file).is_symlink():
            tasks_text, problem = read_text(root, tasks_file)
            problems += [problem] if problem else []
            tasks_text = "" if tasks_text is None else tasks_text
        return cls.from_sources(sources, tasks_text, tasks_file=tasks_file, aliases=aliases, prefix=prefix,
                                problems=problems)

    @classmethod
    def from_sources(cls, sources: dict[str, str], tasks_text: str | None, *, tasks_file: str = TASKS_FILE,
                     aliases: dict[str, str] | None = None, prefix: str = "",
                     problems: list[Problem] | None = None) -> "KnowledgeBase":
        """Build from {path: Markdown} and the text of tasks.yml (None when there is none); `problems`:
        files that could not be read (see sources.read_text), reported with the rest."""
        kb = cls(prefix=prefix)
        problems = list(problems or [])
        if tasks_text is not None:
            tasks, task_problems = read_tasks_file(tasks_file, tasks_text)
            problems += task_problems
        else:
            tasks = _tasks_from_folders(sources)
        kb.tasks = {task.id: task for task in tasks}

        for path in sorted(sources):
            if kb.page_kind(path) in (HOME, HUB):
                kb.intros[_canonical_intro(path)] = sources[path]
                continue
            article, article_problems = read_article(path, sources[path], aliases)
            kb.articles[path] = article
            problems += article_problems
        for article in kb.articles.values():
            problems += kb._resolve(article)
        problems += kb._check_journeys(tasks_file)
        kb.problems = [Problem(prefix + p.path, p.line, p.level, p.message, p.field) for p in problems]
        return kb

    # ---- the one page-kind rule -----------------------------------------------------------------

    def page_kind(self, path: str) -> str:
        """HOME: index.md or README.md at the top; HUB: index.md or README.md in a task's folder;
        ARTICLE: any article read from the content; OTHER: anything else."""
        parts = PurePosixPath(path).parts
        if parts and parts[-1] in INDEX_NAMES:
            if len(parts) == 1:
                return HOME
            if len(parts) == 2 and parts[0] in self.tasks:
                return HUB
        return ARTICLE if path in self.articles else OTHER

    def page(self, path: str) -> PageRef:
        """The page at a source path, with its article or task (an article's task is its primary one)."""
        kind = self.page_kind(path)
        if kind == HUB:
            return PageRef(HUB, task=self.tasks[PurePosixPath(path).parts[0]])
        if kind == ARTICLE:
            article = self.articles[path]
            return PageRef(ARTICLE, article=article, task=self.primary_task(article))
        return PageRef(kind)

    def _resolve(self, article: Article) -> list[Problem]:
        """Fill the article's tasks and normalise `related`; unknown references are errors."""
        problems = []
        for task_id in article.meta.tasks:
            if task_id in self.tasks:
                article.tasks.append(task_id)
            else:
                problems.append(Problem(article.path, article.line_of("tasks"), ERROR,
                                        f"unknown task '{task_id}'; known tasks: {', '.join(self.tasks) or 'none'}",
                                        field="tasks"))
        if not article.tasks and article.folder in self.tasks:
            article.tasks.append(article.folder)  # also when every declared task was unknown: keep it listed
        if not article.tasks and not article.meta.tasks:
            problems.append(Problem(article.path, 1, WARNING,
                                    "article is in no task, so no hub lists it; add 'tasks: [...]' to its front matter"))
        resolved = []
        for target in article.meta.related:
            found = self.find_article(target, relative_to=article.path)
            if found:
                resolved.append(found)
            else:
                problems.append(Problem(article.path, article.line_of("related"), ERROR,
                                        f"related article '{target}' does not exist", field="related"))
        article.meta.related = resolved
        return problems

    def _check_journeys(self, tasks_file: str) -> list[Problem]:
        problems = []
        for task in self.tasks.values():
            resolved = []
            for index, target in enumerate(task.journey):
                line = task.journey_lines[index] if index < len(task.journey_lines) else task.line
                found = self.find_article(target)
                if found in resolved:
                    problems.append(Problem(tasks_file, line, ERROR,
                                            f"task '{task.id}': journey article '{target}' is listed twice; "
                                            "a journey goes through each article once"))
                elif found:
                    resolved.append(found)
                else:
                    problems.append(Problem(tasks_file, line, ERROR,
                                            f"task '{task.id}': journey article '{target}' does not exist"))
            task.journey = resolved
        return problems

    # ---- questions ------------------------------------------------------------------------------

    def article(self, path: str) -> Article | None:
        return self.articles.get(path)

    def find_article(self, target: str, relative_to: str | None = None) -> str | None:
        """Resolve a path written by an author: relative to the article first, then to the content root."""
        target = target.split("#", 1)[0].strip()
        candidates = []
        if relative_to:
            candidates.append(posixpath.normpath(posixpath.join(posixpath.dirname(relative_to), target)))
        candidates.append(posixpath.normpath(target.lstrip("/")))
        for candidate in candidates:
            for path in (candidate, candidate + ".md"):
                if path in self.articles:
                    return path
        return None

    def articles_in(self, task_id: str) -> list[Article]:
        """A task's articles: its journey first, in order, then by kind (how-to first) and title."""
        task = self.tasks[task_id]
        journey = [self.articles[path] for path in task.journey]
        rest = [a for a in self.articles.values() if task_id in a.tasks and a.path not in task.journey]
        rest.sort(key=lambda a: (KINDS.index(a.kind), a.title.lower()))
        return journey + rest

    def primary_task(self, article: Article) -> Task | None:
        return self.tasks.get(article.tasks[0]) if article.tasks else None

    def journey_neighbours(self, article: Article) -> tuple[Article | None, Article | None]:
        """Previous and next article in the primary task's journey, when the article is on it."""
        task = self.primary_task(article)
        if not task or article.path not in task.journey:
            return None, None
        at = task.journey.index(article.path)
        previous = self.articles[task.journey[at - 1]] if at > 0 else None
        following = self.articles[task.journey[at + 1]] if at + 1 < len(task.journey) else None
        return previous, following

    def related(self, article: Article, limit: int = 5) -> list[Article]:
        """Declared related articles, else the nearest neighbours in the same task."""
        if article.meta.related:
            return [self.articles[path] for path in article.meta.related]
        task = self.primary_task(article)
        if not task:
            return []
        siblings = [a for a in self.articles_in(task.id) if a.path != article.path]
        return siblings[:limit]

    def featured(self, paths: list[str] | None = None, limit: int = 6) -> list[Article]:
        """The most important articles: configured ones, else each task's first article."""
        if paths:
            found = (self.find_article(path) for path in paths)
            return [self.articles[p] for p in dict.fromkeys(p for p in found if p)]
        picks: list[Article] = []
        for task in self.tasks.values():
            # A journey may start with another task's article: never list one article twice.
            first = next((a for a in self.articles_in(task.id) if a not in picks), None)
            if first:
                picks.append(first)
        return picks[:limit]

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.level == ERROR]


def _tasks_from_folders(sources: dict[str, str]) -> list[Task]:
    """Without tasks.yml, every top-level folder holding articles is a task, titled by its index page."""
    folders = sorted({PurePosixPath(p).parts[0] for p in sources if len(PurePosixPath(p).parts) > 1})
    tasks = []
    for order, folder in enumerate(folders):
        title = humanize(folder)
        for name in INDEX_NAMES:
            intro = sources.get(f"{folder}/{name}")
            if intro:
                article, _ = read_article(f"{folder}/{name}", intro)
                title = article.meta.title or next((plain_text(h.text) for h in article.headings if h.level == 1), title)
                break
        tasks.append(Task(id=folder, title=title, order=order))
    return tasks


def _canonical_intro(path: str) -> str:
    """README.md and index.md both stand for the folder's index page."""
    return posixpath.join(posixpath.dirname(path), "index.md")
