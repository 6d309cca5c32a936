"""One `Site` per build: the knowledge base, its views, and what kind of page each source path is."""
from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

from nightdesk.core.compat import CALLOUT_KINDS, CompatSettings
from nightdesk.core.knowledge_base import TASKS_FILE, KnowledgeBase, PageRef
from nightdesk.core.schema import DEFAULT_ALIASES
from nightdesk.core.views import Views
from nightdesk.i18n import Catalog
from nightdesk.site.templates import ROOTS


@dataclass(frozen=True)
class SiteSettings:
    """How to read a content folder and render its views; in MkDocs these are the nightdesk/tasks options."""
    tasks_file: str = TASKS_FILE
    aliases: Mapping[str, str] = field(default_factory=lambda: dict(DEFAULT_ALIASES))
    featured: tuple[str, ...] = ()
    nav_limit: int = 12
    override_dir: str | None = None  # the site's own templates folder, which wins over nightdesk's views
    prefix: str = ""  # shown before paths in messages, e.g. "content/"
    catalog: Catalog = field(default_factory=lambda: Catalog.for_language("en"))  # the reader-facing texts
    compat: CompatSettings = CompatSettings()  # Markdown written for other tools (nightdesk.core.compat)

    def compat_in_language(self) -> CompatSettings:
        """The compat settings with converted callouts titled in the site's language."""
        return compat_in_language(self.compat, self.catalog)


def compat_in_language(compat: CompatSettings, catalog: Catalog) -> CompatSettings:
    """`compat` whose converted callouts ("> [!NOTE]", ":::tip", GitBook hints and tabs) carry the
    catalog's `callout.*` titles, so a French site says "Remarque", never "Note"."""
    return replace(compat, labels=tuple((kind, catalog.text(f"callout.{kind}")) for kind in CALLOUT_KINDS))


class Site:
    """The knowledge base of one build and its views. Built once, read by every plugin."""

    def __init__(self, kb: KnowledgeBase, views: Views, settings: SiteSettings):
        self.kb = kb
        self.views = views
        self.settings = settings

    @classmethod
    def build(cls, sources: Mapping[str, str], tasks_text: str | None, settings: SiteSettings = SiteSettings(),
              *, icon_svg: Callable[[str], str] = lambda name: "", problems: list | None = None,
              files=None) -> "Site":
        """From {source path: Markdown} and the text of tasks.yml (None when there is none); `problems`:
        files the generator could not read (nightdesk.core.sources), reported with the rest; `files` names
        every file of the content folder (images too), for links written for other tools. `sources` is
        read, never kept: it may be a nightdesk.core.sources.TextFiles reading each text when asked."""
        kb = KnowledgeBase.from_sources(sources, tasks_text, tasks_file=settings.tasks_file,
                                        aliases=dict(settings.aliases), prefix=settings.prefix, problems=problems,
                                        files=files, compat=settings.compat_in_language())
        views = Views(kb, override_dir=settings.override_dir, icon_svg=icon_svg, nav_limit=settings.nav_limit,
                      catalog=settings.catalog)
        return cls(kb, views, settings)

    @classmethod
    def load(cls, content_dir: Path | str, settings: SiteSettings = SiteSettings()) -> "Site":
        """From a content folder on disk, whatever generator publishes it."""
        kb = KnowledgeBase.load(content_dir, tasks_file=settings.tasks_file, aliases=dict(settings.aliases),
                                prefix=settings.prefix, compat=settings.compat_in_language())
        return cls(kb, Views(kb, override_dir=settings.override_dir, nav_limit=settings.nav_limit,
                             catalog=settings.catalog), settings)

    def page(self, src: str) -> PageRef:
        """What the page at a source path is: home, hub (index.md or README.md), article or other."""
        return self.kb.page(src)

    def page_written(self, src: str) -> None:
        """The page at `src` is built and written: its article's body, most of the knowledge base's memory,
        is let go. Everything asked of an article later (title, summary, steps, links) was read with it."""
        article = self.kb.articles.get(src)
        if article is not None:
            article.body = None

    def render(self, view: str, **values) -> str:
        """A nightdesk view (`nightdesk/<view>.html`, which a site may override) with these values."""
        return self.views.env.get_template(f"nightdesk/{view}.html").render(**values)

    def overridden(self, view: str) -> bool:
        """Whether the site overrides the view `nightdesk/<view>.html`."""
        filename = self.views.env.get_template(f"nightdesk/{view}.html").filename
        return filename is None or Path(filename).resolve() != (ROOTS["templates"] / "nightdesk" / f"{view}.html").resolve()
