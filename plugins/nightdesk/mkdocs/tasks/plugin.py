"""`nightdesk/tasks`: builds the knowledge base from docs_dir and gives the site task-based navigation.

Events: on_config adds nightdesk's theme overrides and CSS; on_files reads the knowledge base, reports its
problems (errors fail `mkdocs build --strict`) and adds the home and hub pages; on_page_markdown hands MkDocs
the article body as the core read it; on_page_context wraps each page in its chrome and bounded navigation;
on_post_build writes the offline zip (not during `mkdocs serve`).
"""
from __future__ import annotations

import os
from functools import cache
from importlib import resources
from pathlib import Path

from markupsafe import Markup
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.utils import get_relative_url

from nightdesk.core.checks import run_checks
from nightdesk.core.knowledge_base import HOME_PATH, KnowledgeBase
from nightdesk.core.offline_zip import default_zip_name, write_site_zip
from nightdesk.core.views import Views

from .config import TasksConfig

log = get_plugin_logger("nightdesk")
PACKAGE = resources.files("nightdesk")


class TasksPlugin(BasePlugin[TasksConfig]):
    kb: KnowledgeBase
    views: Views
    files: Files
    command: str = "build"

    def on_startup(self, *, command, dirty):
        self.command = command  # kept across `mkdocs serve` rebuilds, which need no zip

    def on_config(self, config):
        if not self.config.enabled:
            return
        theme_dir = str(PACKAGE / "theme")
        if theme_dir not in config.theme.dirs:
            # After the site's own custom_dir, so a site can still override what nightdesk overrides.
            config.theme.dirs.insert(1 if config.theme.custom_dir else 0, theme_dir)
        if "assets/nightdesk/nightdesk.css" not in config.extra_css:
            config.extra_css.append("assets/nightdesk/nightdesk.css")

    def on_files(self, files: Files, config):
        if not self.config.enabled:
            return files
        docs_dir = Path(config.docs_dir)
        prefix = os.path.relpath(docs_dir, Path(config.config_file_path or ".").parent).replace(os.sep, "/") + "/"
        tasks_file = files.get_file_from_path(self.config.tasks_file)
        if tasks_file:
            files.remove(tasks_file)  # source data, not a page to publish
        tasks_path = docs_dir / self.config.tasks_file
        sources = {f.src_uri: f.content_string for f in files.documentation_pages()}
        self.kb = KnowledgeBase.from_sources(
            sources, tasks_path.read_text(encoding="utf-8") if tasks_path.is_file() else None,
            tasks_file=self.config.tasks_file, aliases=self.config.aliases, prefix=prefix)
        for problem in self.kb.problems:
            (log.error if problem.is_error else log.warning)(str(problem))
        self._run_checks(files, config)

        override_dir = config.theme.custom_dir
        self.views = Views(self.kb, override_dir=override_dir, icon_svg=_icon_finder(tuple(config.theme.dirs)),
                           nav_limit=self.config.nav_limit)
        for path in [HOME_PATH] + [task.hub_path for task in self.kb.tasks.values()]:
            if not _has_page(files, path):
                files.append(File.generated(config, path, content=""))
        for asset in (PACKAGE / "assets").iterdir():
            dest = f"assets/nightdesk/{asset.name}"
            if asset.is_file() and files.get_file_from_path(dest) is None:
                files.append(File.generated(config, dest, abs_src_path=str(asset)))
        self.files = files
        return files

    def _run_checks(self, files: Files, config) -> None:
        """`nightdesk check` inside the build: errors fail --strict; advisory families are only INFO."""
        checks = self.config.checks
        if not checks.enabled:
            return
        toc_slugify = config.mdx_configs.get("toc", {}).get("slugify")
        report = run_checks(self.kb, [f.src_uri for f in files], checks.settings(), tasks_file=self.config.tasks_file,
                            **({"slugify": toc_slugify} if callable(toc_slugify) else {}))
        for family, problems in report.found.items():
            if family == "knowledge-base":
                continue  # logged above, while reading
            for problem in problems:
                level = log.error if problem.is_error else log.info if family in checks.advisory else log.warning
                level(str(problem))
        log.info(f"check: {report.summary}")

    @event_priority(-200)  # last: after every plugin that writes files, the service worker's (-100) included
    def on_post_build(self, config):
        if not self.config.enabled or self.config.offline_zip is False or self.command == "serve":
            return
        name = self.config.offline_zip if isinstance(self.config.offline_zip, str) else default_zip_name(config.site_name)
        zip_path = write_site_zip(config.site_dir, Path(config.site_dir) / name)
        log.info(f"offline copy: {zip_path} ({zip_path.stat().st_size / 1e6:.1f} MB); unzip it and open index.html")

    def on_page_markdown(self, markdown, page, config, files):
        if not self.config.enabled:
            return markdown
        src = page.file.src_uri
        article = self.kb.article(src)
        if article:
            page.meta["title"] = article.title
            return article.body  # the core's reading, so a broken front matter never leaks into the page
        task = self.kb.tasks.get(src.split("/", 1)[0]) if _is_index(src) else None
        if task and "/" in src:
            page.meta["title"] = task.title
        return markdown

    def on_page_context(self, context, page, config, nav):
        if not self.config.enabled:
            return context
        src = page.file.src_uri

        def link(path: str) -> str:
            target = _find_page(self.files, path)
            return get_relative_url(target.url, page.url) if target else "#"

        article = self.kb.article(src)
        task = None
        if article:
            task = self.kb.primary_task(article)
            page.content = self.views.article(article, page.content or "", link)
        elif _is_index(src) and "/" not in src:
            page.content = self.views.home(link, page.content or "", self.config.featured)
        elif _is_index(src) and src.split("/", 1)[0] in self.kb.tasks:
            task = self.kb.tasks[src.split("/", 1)[0]]
            page.content = self.views.hub(task, link, page.content or "")
        context["nightdesk_nav"] = Markup(self.views.nav(link, task, article.path if article else None))
        return context


def _is_index(src: str) -> bool:
    return src.rsplit("/", 1)[-1] in ("index.md", "README.md")


def _find_page(files: Files, path: str) -> File | None:
    """A page by source path; an index page may be written as README.md."""
    found = files.get_file_from_path(path)
    if found is None and path.endswith("index.md"):
        found = files.get_file_from_path(path[: -len("index.md")] + "README.md")
    return found


def _has_page(files: Files, path: str) -> bool:
    return _find_page(files, path) is not None


def _icon_finder(theme_dirs: tuple[str, ...]):
    """Inline SVG for an icon name such as "material/cash", from the theme's .icons folders."""

    @cache
    def icon(name: str) -> str:
        for theme_dir in theme_dirs:
            svg = Path(theme_dir) / ".icons" / f"{name}.svg"
            if svg.is_file():
                return svg.read_text(encoding="utf-8")
        log.warning(f"icon '{name}' not found in the theme's .icons folder")
        return ""

    return icon
