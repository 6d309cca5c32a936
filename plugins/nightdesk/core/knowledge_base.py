"""The knowledge base: every article and task of a content folder, cross-checked, with the questions
navigation asks (which articles does a task hold, what comes next, what is related)."""
from __future__ import annotations

import html
import posixpath
import re
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from .articles import Article, humanize, plain_text, read_article
from .compat import CompatSettings, Sources
from .compat.links import INDEX_FILES
from .problems import ERROR, WARNING, Problem
from .schema import KINDS
from .sources import TextFiles, read_text
from .tasks import Task, read_tasks_file

HOME_PATH = "index.md"
INDEX_NAMES = ("index.md", "README.md")
TASKS_FILE = "tasks.yml"
SNIPPET_FOLDERS = frozenset({"includes", "_includes", "snippets", "_snippets", "partials", "_partials"})
TOC_FILES = frozenset({"SUMMARY.md", "_sidebar.md", "_Sidebar.md", "toc.md", "TOC.md"})
"""Tables of contents of other tools (GitBook, docsify, GitHub wikis): not pages when they are link lists."""
_TOC_ITEM = re.compile(r"^(?:[-*+]|\d+[.)])\s+.*\]\(")
"""Folders whose Markdown is only included into articles (Microsoft Learn's includes/): never pages."""
# What a README says when it is about the repository rather than for readers of the help centre.
_REPOSITORY_SIGNALS = re.compile(
    r"contribut|pull request|git clone|\bfork\b|npm (install|run|start)|yarn |bundle exec|hugo server"
    r"|mkdocs serve|docusaurus (start|build)|this (repository|repo)\b|build (the |this )?(docs|documentation|site)"
    r"|local(ly)? preview|\blicen[cs]e\b|code of conduct", re.IGNORECASE)

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
    unpublished: dict[str, str] = field(default_factory=dict)  # Markdown files that are not pages -> why
    notes: list[str] = field(default_factory=list)  # what the build should say without it being a problem
    intro_bodies: dict[str, str] = field(default_factory=dict)  # home / hub page source path -> converted body
    # Read once, then only asked: what navigation asks on every page is worked out on first use.
    _by_task: dict[str, list[Article]] | None = field(default=None, init=False, repr=False, compare=False)

    # ---- building -------------------------------------------------------------------------------

    @classmethod
    def load(cls, content_dir: Path | str, *, tasks_file: str = TASKS_FILE,
             aliases: dict | None = None, prefix: str = "", compat: CompatSettings | None = None) -> "KnowledgeBase":
        """Read every Markdown file below `content_dir`."""
        root = Path(content_dir)
        sources: dict[str, str] = {}
        problems: list[Problem] = []
        files: list[str] = []
        for path in sorted(root.rglob("*")):
            relative = path.relative_to(root).as_posix()
            if any(part.startswith(".") for part in PurePosixPath(relative).parts):
                continue
            if path.is_file():
                files.append(relative)
            if not relative.endswith(".md") or not (path.is_file() or path.is_symlink()):
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
                                problems=problems, files=files, compat=compat)

    @classmethod
    def from_sources(cls, sources: Mapping[str, str], tasks_text: str | None, *, tasks_file: str = TASKS_FILE,
                     aliases: dict | None = None, prefix: str = "", problems: list[Problem] | None = None,
                     files=None, compat: CompatSettings | None = None) -> "KnowledgeBase":
        """Build from {path: Markdown} and the text of tasks.yml (None when there is none); `problems`:
        files that could not be read (see sources.read_text), reported with the rest; `files` names every
        file of the content folder (images too), for links written for other tools."""
        kb = cls(prefix=prefix)
        problems = list(problems or [])
        kb.unpublished = _unpublished(sources)
        for path, why in kb.unpublished.items():
            if why == "repository":
                kb.notes.append(f"{path} is about the repository (contributing, building), so it is not used as "
                                f"the home page intro and not published; write an index.md for the home page")
            elif why == "table of contents":
                kb.notes.append(f"{path} is another tool's table of contents (a list of links), so it is not "
                                f"published; nightdesk's navigation comes from tasks.yml (`nightdesk tasks suggest` "
                                f"proposes one)")
        pages = TextFiles([path for path in sources if path not in kb.unpublished], sources.__getitem__)
        mdx = sorted(path for path in files or () if path.endswith(".mdx"))
        if mdx:  # Docusaurus pages: the generator copies them as files, never as pages
            problems.append(Problem(mdx[0], 1, WARNING,
                                    f"{len(mdx):,} MDX file{'s are' if len(mdx) != 1 else ' is'} not published as "
                                    f"pages (they are Docusaurus's React-flavoured Markdown); `nightdesk import "
                                    f"SRC DEST` converts a Docusaurus docs folder into Markdown",
                                    cause="MDX files are not pages"))
        if tasks_text is not None:
            tasks, task_problems = read_tasks_file(tasks_file, tasks_text)
            problems += task_problems
        else:
            tasks = _tasks_from_folders(pages)
        kb.tasks = {task.id: task for task in tasks}

        shared = Sources.of(sources, files)
        for path in sorted(pages):
            text = pages[path]  # read once: `pages` may read it from disk each time
            if kb.page_kind(path) in (HOME, HUB):
                kb.intros[_canonical_intro(path)] = text
                intro, intro_problems = read_article(path, text, aliases, sources=shared, compat=compat)
                kb.intro_bodies[path] = intro.body
                problems += [p for p in intro_problems if p.cause]  # its front matter is the page's own
                continue
            article, article_problems = read_article(path, text, aliases, sources=shared, compat=compat)
            problems += article_problems
            if article.draft:
                kb.unpublished[path] = "draft"
                continue
            kb.articles[path] = article
        for article in kb.articles.values():
            problems += kb._resolve(article)
        problems += _removed_tags(kb.articles.values())
        problems += kb._check_journeys(tasks_file)
        kb.problems = [Problem(prefix + p.path, p.line, p.level, p.message, p.field, p.cause) for p in problems]
        return kb

    # ---- the one page-kind rule -----------------------------------------------------------------

    def page_kind(self, path: str) -> str:
        """HOME: index.md or README.md at the top; HUB: index.md or README.md in a task's folder;
        ARTICLE: any article read from the content; OTHER: anything else."""
        parts = _parts(path)
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
            return PageRef(HUB, task=self.tasks[_parts(path)[0]])
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
        if not article.tasks:
            article.tasks += [task.id for task in self.tasks.values() if task.include and task.holds(article.path)]
        if not article.tasks and article.folder in self.tasks:
            article.tasks.append(article.folder)  # also when every declared task was unknown: keep it listed
        if not article.tasks and not article.meta.tasks:
            advice = ("add 'tasks: [...]' to its front matter, or an 'include:' pattern to a task in tasks.yml"
                      if self.tasks else "there is no task yet: `nightdesk tasks suggest --write` proposes a tasks.yml")
            problems.append(Problem(article.path, 1, WARNING, f"article is in no task, so no hub lists it; {advice}"))
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
        if self._by_task is None:
            self._by_task = self._group_by_task()
        return [self.articles[path] for path in task.journey] + self._by_task.get(task_id, [])

    def _group_by_task(self) -> dict[str, list[Article]]:
        """Every task's articles off its journey, sorted: one pass over the articles for all tasks, since
        navigation asks on every page (asking each time was quadratic in the number of articles)."""
        grouped: dict[str, list[Article]] = defaultdict(list)
        for article in self.articles.values():
            for task_id in dict.fromkeys(article.tasks):
                task = self.tasks.get(task_id)
                if task is not None and article.path not in task.journey:
                    grouped[task_id].append(article)
        for articles in grouped.values():
            articles.sort(key=lambda a: (KINDS.index(a.kind), a.meta.order if a.meta.order is not None else 1 << 30,
                                         a.title.lower()))
        return grouped

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
        if not picks:  # no tasks: the articles most others link to, so the home page is never empty
            picks = self.most_linked(limit)
        return picks[:limit]

    def redirects(self) -> tuple[dict[str, str], list[Problem]]:
        """{file to write at an old address: article path} from `redirect_from` (Hugo `aliases`): an old
        address `a/b/` (or `a/b`) is `a/b/index.html`, `a/b.html` itself. Two articles claiming one address
        is an error at the second's front matter; an address that is a page now is left to the page."""
        found: dict[str, str] = {}
        problems: list[Problem] = []
        pages = {built for path in [*self.articles, *self.intros] for built in _outputs_of(path)}
        for article in sorted(self.articles.values(), key=lambda a: a.path):
            for address in article.meta.redirect_from:
                stub = address if address.endswith((".html", ".htm")) else address.rstrip("/") + "/index.html"
                if stub in pages:
                    continue
                if stub in found and found[stub] != article.path:
                    line = article.key_lines.get("redirect_from") or article.key_lines.get("aliases", 1)
                    problems.append(Problem(self.prefix + article.path, line, ERROR,
                                            f"old address '{address}' already leads to {found[stub]}",
                                            field="redirect_from"))
                    continue
                found[stub] = article.path
        return found, problems

    def most_linked(self, limit: int) -> list[Article]:
        """Articles by how many other articles link to them (then by order and title)."""
        names = defaultdict(int)
        for article in self.articles.values():
            for target in article.links:
                found = self.find_article(posixpath.normpath(posixpath.join(posixpath.dirname(article.path), target)))
                if found and found != article.path:
                    names[found] += 1
        ranked = sorted(self.articles.values(), key=lambda a: (-names[a.path], a.meta.order if a.meta.order is not None
                                                                 else 1 << 30, a.title.lower()))
        return ranked[:limit]

    @property
    def markdown_features(self) -> set[str]:
        """Converted syntax some article relies on: the site generator must enable what renders it."""
        return {feature for article in self.articles.values() for feature in article.markdown_features}

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.level == ERROR]


def section_root(paths) -> str:
    """The folder whose sub-folders are the sections: the content root, or the one folder everything is
    in (an import that kept its `docs/` or Hugo's `user/`), followed down while it is the only one."""
    root = ""
    while True:
        below = [p[len(root):] for p in paths if p.startswith(root)]
        folders = {p.split("/", 1)[0] for p in below if "/" in p}
        loose = [p for p in below if "/" not in p and p not in INDEX_FILES]
        if len(folders) != 1 or loose:
            return root
        below_folder = root + folders.pop() + "/"
        if not any("/" in p[len(below_folder):] for p in paths if p.startswith(below_folder)):
            return root  # the one folder has no sections of its own: it is the section
        root = below_folder


def task_id_for(name: str) -> str:
    """A folder name as a task id (a URL part): 'Admin_Pages' -> 'admin-pages'."""
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "topic"


def _tasks_from_folders(sources: Mapping[str, str]) -> list[Task]:
    """Without tasks.yml, every folder holding articles below the section root is a task, titled and
    ordered by its index page."""
    root = section_root(sources)
    folders = sorted({p[len(root):].split("/", 1)[0] for p in sources if p.startswith(root) and "/" in p[len(root):]})
    tasks, seen = [], set()
    for position, folder in enumerate(folders):
        title, order = humanize(folder), None
        for name in INDEX_FILES:
            intro = sources.get(f"{root}{folder}/{name}")
            if intro:
                article, _ = read_article(f"{root}{folder}/{name}", intro)
                title = article.meta.title or next((plain_text(h.text) for h in article.headings if h.level == 1), title)
                order = article.meta.order
                break
        task_id = folder if not root else task_id_for(folder)
        while task_id in seen:
            task_id += "-2"
        seen.add(task_id)
        include = [f"{root}{folder}/**"] if root else []  # a top-level folder is its task anyway
        tasks.append(Task(id=task_id, title=html.unescape(title), order=position, include=include,
                          line=order if order is not None else position))
    if any(task.line != index for index, task in enumerate(tasks)):
        tasks.sort(key=lambda task: task.line)  # by the index pages' weight where they give one
    for index, task in enumerate(tasks):
        task.order, task.line = index, 1
    return tasks


def _unpublished(sources: Mapping[str, str]) -> dict[str, str]:
    """Markdown that is not a page: included snippets, and a root README about the repository."""
    found = {}
    for path in sources:
        if SNIPPET_FOLDERS.intersection(PurePosixPath(path).parts[:-1]):
            found[path] = "snippet"
    for path in sources:  # only these names are read: `sources` may read each text from disk when asked
        if PurePosixPath(path).name in TOC_FILES and _mostly_links(sources[path]):
            found[path] = "table of contents"
    readme = sources.get("README.md")
    if readme is not None and "index.md" not in sources:
        signals = {match.group(0).lower() for match in _REPOSITORY_SIGNALS.finditer(readme)}
        if len(signals) >= 2:
            found["README.md"] = "repository"
    return found


def _mostly_links(text: str) -> bool:
    """Most lines with words are list items holding a link: a table of contents, not an article."""
    lines = [line.strip() for line in text.splitlines()
             if line.strip() and not line.lstrip().startswith(("#", "---", "<!--"))]
    links = [line for line in lines if _TOC_ITEM.match(line)]
    return bool(lines) and len(links) >= 0.6 * len(lines)


def _outputs_of(path: str) -> tuple[str, ...]:
    """The files a static host serves a page source from, built or pretty: a.md -> a.html, a/index.html;
    b/README.md -> b/index.html."""
    stem = posixpath.splitext(path)[0]
    if posixpath.basename(stem) in ("README", "_index", "index"):
        return (posixpath.join(posixpath.dirname(stem), "index.html"),)
    return stem + ".html", stem + "/index.html"


def _removed_tags(articles) -> list[Problem]:
    """One warning per kind of template tag that was removed, at its first place."""
    kinds: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for article in articles:
        for kind, path, line in article.removed_tags:
            kinds[kind].append((path, line))
    problems = []
    for kind, places in sorted(kinds.items()):
        path, line = min(places)
        files = len({p for p, _ in places})
        problems.append(Problem(path, line, WARNING,
                                f"'{kind}' cannot be shown, so it was removed from the page ({len(places)} times in "
                                f"{files} file{'s' if files != 1 else ''}); write what it stood for in Markdown",
                                cause="template tag removed"))
    return problems


def _canonical_intro(path: str) -> str:
    """README.md and index.md both stand for the folder's index page."""
    return posixpath.join(posixpath.dirname(path), "index.md")


def _parts(path: str) -> tuple[str, ...]:
    """PurePosixPath(path).parts, without pathlib's parsing for a plain relative path (every page's, a few
    times per page)."""
    parts = tuple(path.split("/"))
    return parts if path and "" not in parts and "." not in parts else PurePosixPath(path).parts
