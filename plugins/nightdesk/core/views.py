"""HTML for the generated parts of the help centre (home, task hubs, article chrome, bounded navigation).

Rendered from Jinja2 templates named `nightdesk/<view>.html`: a site overrides one by putting a file of
the same name in its own templates folder. Links are produced by a `link(path)` callable, so the views
know nothing about the site generator or its URL scheme.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from html import unescape
from pathlib import Path
from typing import Callable

import jinja2
from markupsafe import Markup

from nightdesk.i18n import Catalog

from .articles import Article
from .knowledge_base import HOME, HOME_PATH, HUB, KnowledgeBase
from .schema import KINDS
from .tasks import Task

Link = Callable[[str], str]
"""Maps a source path (article, "index.md", "<task>/index.md") to a URL relative to the page being rendered."""

SLOTS = ("after-article", "after-hub")
"""Places in the views where other features (support box, feedback) add their HTML, via fill_slot()."""

_FIRST_H1 = re.compile(r"<h1\b[^>]*>.*?</h1>", re.DOTALL)


@dataclass
class NavItem:
    """One entry of the navigation: a page by source path, or a task with its articles."""
    title: str
    path: str  # source path of the page it opens ("index.md", "<task>/index.md", an article)
    children: list["NavItem"] = field(default_factory=list)
    index: bool = False  # a task's hub, the page its section stands for
    current: bool = False  # the page being rendered
    active: bool = False  # the page being rendered is this item or below it


class Views:
    def __init__(self, kb: KnowledgeBase, *, override_dir: Path | str | None = None,
                 icon_svg: Callable[[str], str] = lambda name: "", nav_limit: int = 12,
                 catalog: Catalog | None = None):
        loaders: list[jinja2.BaseLoader] = []
        if override_dir and Path(override_dir).is_dir():
            loaders.append(jinja2.FileSystemLoader(str(override_dir)))
        loaders.append(jinja2.PackageLoader("nightdesk", "templates"))
        # auto_reload off: Views are made anew each build, so no template changes during one, and each of
        # the few renders per page would otherwise stat its template files again.
        self.env = jinja2.Environment(loader=jinja2.ChoiceLoader(loaders), autoescape=True,
                                      trim_blocks=True, lstrip_blocks=True, auto_reload=False)
        self.icon_svg = icon_svg
        self.catalog = catalog or Catalog.for_language("en")
        self.env.globals.update(kinds=KINDS, icon=self.icon, t=self.catalog.markup,
                                kind_headings={kind: self.catalog.text(f"kind.{kind}") for kind in KINDS})
        self.env.filters["date"] = self.catalog.date
        self.kb = kb
        self.nav_limit = nav_limit

    def icon(self, name: str | None) -> Markup:
        """A task icon: a named icon ("material/cash") as inline SVG from `icon_svg`, anything else (an emoji) as text."""
        if not name:
            return Markup("")
        return Markup(self.icon_svg(name)) if "/" in name else Markup.escape(name)

    def _render(self, view: str, link: Link, **context) -> str:
        return self.env.get_template(f"nightdesk/{view}.html").render(kb=self.kb, link=link, **context)

    def home(self, link: Link, intro_html: str = "", featured: list[str] | None = None, site_name: str = "") -> str:
        """The home page. An intro whose heading only repeats the site's name (already in the header) loses
        it, so "What do you want to do?" is the page's heading and a phone shows the name once."""
        match = _FIRST_H1.search(intro_html)
        if site_name and match and _plain(match.group(0)) == " ".join(site_name.split()):
            intro_html = intro_html[:match.start()] + intro_html[match.end():]
        tiles = [(task, len(self.kb.articles_in(task.id))) for task in self.kb.tasks.values()]
        return self._render("home", link, intro_html=Markup(intro_html), tiles=tiles,
                            featured=self.kb.featured(featured), has_h1="<h1" in intro_html)

    def hub(self, task: Task, link: Link, intro_html: str = "") -> str:
        articles = self.kb.articles_in(task.id)
        journey = [a for a in articles if a.path in task.journey]
        groups = [(kind, [a for a in articles if a.kind == kind and a.path not in task.journey]) for kind in KINDS]
        return self._render("hub", link, task=task, intro_html=Markup(intro_html), journey=journey,
                            groups=[(kind, items) for kind, items in groups if items], has_h1="<h1" in intro_html)

    def article(self, article: Article, content_html: str, link: Link) -> str:
        """The article's rendered body wrapped in its chrome: breadcrumb, answer box, badges, footer."""
        match = _FIRST_H1.search(content_html)
        h1, rest = (match.group(0), content_html[:match.start()] + content_html[match.end():]) if match else ("", content_html)
        previous, following = self.kb.journey_neighbours(article)
        return self._render("article", link, article=article, task=self.kb.primary_task(article),
                            h1=Markup(h1), content=Markup(rest), previous=previous, following=following,
                            related=self.kb.related(article))

    def nav(self, current_path: str | None = None) -> list[NavItem]:
        """Navigation whose size does not grow with the knowledge base: home, every task, and for the
        current page's task its hub and at most `nav_limit` articles (the current one always among
        them), then a link to the hub for the rest. The theme renders it (mkdocs-material: tabs,
        sections, integrated table of contents and all)."""
        ref = self.kb.page(current_path) if current_path else None
        current_task = ref.task if ref else None
        current_article = ref.article.path if ref and ref.article else None
        items = [NavItem(self.catalog.text("common.home"), HOME_PATH, current=ref is not None and ref.kind == HOME)]
        for task in self.kb.tasks.values():
            if current_task is None or task.id != current_task.id:
                items.append(NavItem(task.title, task.hub_path))
                continue
            articles = self.kb.articles_in(task.id)
            shown = articles[: self.nav_limit]
            if current_article and current_article not in {a.path for a in shown}:
                shown = shown[: self.nav_limit - 1] + [self.kb.articles[current_article]]
            children = [NavItem(task.title, task.hub_path, index=True, current=ref.kind == HUB, active=ref.kind == HUB)]
            children += [NavItem(a.title, a.path, current=a.path == current_article, active=a.path == current_article)
                         for a in shown]
            if len(articles) > len(shown):
                more = len(articles) - len(shown)
                children.append(NavItem(self.catalog.text("nav.more", task=task.title, count=more), task.hub_path))
            items.append(NavItem(task.title, task.hub_path, children=children, active=True))
        return items


def _plain(html: str) -> str:
    """The text of a heading, without its permalink anchor: '<h1>Help<a class="headerlink">¶</a></h1>' -> 'Help'."""
    html = re.sub(r'<a [^>]*class="headerlink"[^>]*>.*?</a>', "", html, flags=re.DOTALL)
    return " ".join(unescape(re.sub(r"<[^>]+>", "", html)).split())


def fill_slot(html: str, slot: str, content: str) -> str:
    """Put `content` into a view's named slot, keeping the slot open for the next feature."""
    marker = f"<!-- nightdesk:{slot} -->"
    return html.replace(marker, content + marker, 1)
