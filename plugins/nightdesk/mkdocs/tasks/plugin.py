"""`nightdesk/tasks`: builds the build's Site (knowledge base and views) and gives the site task-based navigation.

The core plugin: every other nightdesk plugin that needs the knowledge base reaches it through
`nightdesk.mkdocs.site.site_for`, which says what to fix when this plugin is missing or disabled.
Events, highest priority first within each event:
- on_config: nightdesk's theme overrides and CSS.
- on_files (100): reads the knowledge base into the Site, reports its problems (errors fail
  `mkdocs build --strict`), runs the checks, adds the home and hub pages and publishes the assets.
- on_page_markdown: hands MkDocs the article body as the core read it.
- on_page_context (50): wraps each page in its chrome (with the slots other plugins fill) and gives
  the theme a bounded navigation (nightdesk.mkdocs.navigation) in place of the one listing every page.
- on_template_context: the same navigation on the 404 page.
- on_post_page (-100): lets go of the written page's Markdown (Site.page_written) and hands the page to
  the offline zip's thread (core.offline_zip.EarlyDeflate), which deflates it on another core.
- on_post_build (1000): the zip's thread finishes, freed memory back to the system
  (nightdesk.mkdocs.memory); (-200): the offline zip, last of all (not during `mkdocs serve`).
- on_build_error: stops the zip's thread and deletes its temporary file.
"""
from __future__ import annotations

import dataclasses
import logging
import os
from functools import cache
from pathlib import Path
from typing import Literal

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url
from mkdocs.utils.templates import TemplateContext

from nightdesk.core.checks import run_checks
from nightdesk.core.compat import CompatSettings
from nightdesk.core.knowledge_base import ARTICLE, HOME, HUB, HOME_PATH
from nightdesk.core.offline_zip import EarlyDeflate, default_zip_name, write_site_zip
from nightdesk.core.problems import ERROR, WARNING, Problem, group_by_cause, limit_per_cause
from nightdesk.core.safe import html_text, shown_as_text, written_text
from nightdesk.core.sources import TextFiles, decode, read_text, refusal
from nightdesk.core.views import Link
from nightdesk.mkdocs.offline_promise import keep_offline_promise
from nightdesk.site.templates import override_problems
from nightdesk.mkdocs.language import add_template_globals, site_catalog, site_language, use_strings_script
from nightdesk.mkdocs.navigation import material_nav
from nightdesk.mkdocs.memory import return_freed_memory
from nightdesk.mkdocs.page_extras import use_theme
from nightdesk.mkdocs.site import SITE_PRIORITY, find_page, publish_assets, register_site
from nightdesk.site import Site, SiteSettings

from .config import TasksConfig

CONFIG_TEXTS = ("site_name", "site_description", "site_author", "copyright")
"""mkdocs.yml texts the theme prints unescaped; entities the author wrote (&copy;) still show as characters."""

log = get_plugin_logger("nightdesk")


class TasksPlugin(BasePlugin[TasksConfig]):
    """Reads the content folder into the build's Site; renders home, hubs, article chrome and navigation."""

    def __init__(self):
        super().__init__()
        self.is_serve = False
        self.site: Site | None = None
        self.files: Files | None = None
        self.early_zip: EarlyDeflate | None = None  # the offline zip's files, deflated as they are written

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        """Remember whether this is `mkdocs serve`, whose rebuilds need no offline zip."""
        self.is_serve = command == "serve"

    def on_config(self, config: MkDocsConfig) -> None:
        """Add nightdesk's theme overrides (after the site's custom_dir, so a site can still override
        them) and its stylesheet; leave broken links to nightdesk's check (one report, with its line)."""
        if not self.config.enabled:
            return
        use_theme(config)
        if "assets/nightdesk/nightdesk.css" not in config.extra_css:
            config.extra_css.append("assets/nightdesk/nightdesk.css")
        if self.config.checks.enabled:
            # nightdesk's link check reports a broken link with its line and fails --strict; MkDocs' own
            # messages would report it a second time (unless the site set their levels itself).
            links = config.validation.links
            if links.not_found == logging.WARNING:
                links.not_found = logging.DEBUG
            for name in ("anchors", "absolute_links", "unrecognized_links"):
                if getattr(links, name) == logging.INFO:
                    setattr(links, name, logging.DEBUG)
        # The theme prints these as HTML; they are plain text (nightdesk's own uses read written_text()).
        for name in CONFIG_TEXTS:
            if isinstance(config.get(name), str):
                config[name] = shown_as_text(config[name])
        site_catalog(config)  # a bad text replacement stops the build here, before any page
        use_strings_script(config)
        for problem in keep_offline_promise(config) + override_problems(config.theme.custom_dir):
            log.warning(problem)

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        """`t(key)` in the theme's templates: the site's reader-facing texts."""
        if self.config.enabled:
            add_template_globals(env, config)
        return env

    @event_priority(SITE_PRIORITY)
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files | None:
        """Build the Site from the documentation pages and tasks.yml.

        Priority: 100 (before every other plugin's on_files, which may then ask for the Site)
        """
        if not self.config.enabled:
            register_site(config, None)
            return None
        docs_dir = Path(config.docs_dir)
        tasks_file = files.get_file_from_path(self.config.tasks_file)
        if tasks_file:
            files.remove(tasks_file)  # source data, not a page to publish
        # Files resolving outside docs_dir, dangling symlinks and text that is not UTF-8 are reported and
        # left out (never published, searched or zipped); the rest of the site is still built.
        unreadable = _refuse_unsafe_files(files, docs_dir)
        readable = {}
        for page in files.documentation_pages():
            text, problem = decode(page.src_uri, page.content_bytes)
            if text is None:
                unreadable.append(problem)
                files.remove(page)  # MkDocs would stop the whole build on it
            else:
                readable[page.src_uri] = page
        # Each text is read again when the knowledge base converts its article, and dropped after: holding
        # every file's text through the conversion was most of this event's memory.
        sources = TextFiles(readable, lambda path: decode(path, readable[path].content_bytes)[0] or "")
        tasks_text = None
        if (docs_dir / self.config.tasks_file).is_file() or (docs_dir / self.config.tasks_file).is_symlink():
            tasks_text, problem = read_text(docs_dir, self.config.tasks_file)
            if problem:
                unreadable.append(problem)
                tasks_text = ""
        settings = SiteSettings(
            tasks_file=self.config.tasks_file, aliases=dict(self.config.aliases), featured=tuple(self.config.featured),
            nav_limit=self.config.nav_limit, override_dir=config.theme.custom_dir, prefix=_shown_prefix(config),
            catalog=site_catalog(config), compat=self.config.compat.settings())
        icon_svg = _icon_finder(tuple(config.theme.dirs), config.docs_dir)
        self.site = Site.build(sources, tasks_text, settings, icon_svg=icon_svg, problems=unreadable,
                               files=[f.src_uri for f in files])
        register_site(config, self.site)
        kb = self.site.kb
        for path in kb.unpublished:  # drafts, included snippets, a repository README
            if (unpublished := files.get_file_from_path(path)) is not None:
                files.remove(unpublished)
        for note in kb.notes:
            log.info(note)
        # What converted Markdown from other tools needs (admonitions, tabs), when some article uses it and
        # the site did not set it up itself; pages are rendered after this event, so it is still in time.
        for name, options in CompatSettings.markdown_extensions(kb.markdown_features).items():
            if name not in config.markdown_extensions:
                config.markdown_extensions.append(name)
                config.mdx_configs.setdefault(name, options)
        icon_problems = [
            Problem(f"{settings.prefix}{self.config.tasks_file}", task.icon_line, ERROR,
                    f"task '{task.id}': icon '{task.icon}' is not in the .icons folders of the theme, "
                    "custom_dir or docs_dir", field="icon")
            for task in kb.tasks.values() if task.icon and "/" in task.icon and not icon_svg(task.icon)]
        redirect_problems = self._add_redirects(files, config)
        self._report(kb.problems + icon_problems + redirect_problems, self._run_checks(files, config))

        for path in [HOME_PATH] + [task.hub_path for task in self.site.kb.tasks.values()]:
            if find_page(files, path) is None:
                files.append(File.generated(config, path, content=""))
        publish_assets(files, config)
        self.files = files
        return files

    def _add_redirects(self, files: Files, config: MkDocsConfig) -> list[Problem]:
        """A small page at each article's old address (`redirect_from`, Hugo `aliases`) that sends the
        reader on; an address some other file of the site already uses keeps that file (a warning)."""
        redirects, problems = self.site.kb.redirects()
        for stub, article in redirects.items():
            target = files.get_file_from_path(article)
            if target is None:
                continue
            if files.get_file_from_path(stub) is not None or any(f.dest_uri == stub for f in files):
                problems.append(Problem(f"{self.site.settings.prefix}{article}", 1, WARNING,
                                        f"old address '{stub}' is a file of the site already, so it does not "
                                        f"lead here", field="redirect_from"))
                continue
            url = get_relative_url(target.url or "index.html", stub)
            html = self.site.render("redirect", url=url, title=self.site.kb.articles[article].title,
                                    language=site_language(config))
            files.append(File.generated(config, stub, content=html))
        return problems

    def _run_checks(self, files: Files, config: MkDocsConfig):
        """`nightdesk check` inside the build; None when the checks are off."""
        checks = self.config.checks
        if not checks.enabled:
            return None
        toc_slugify = config.mdx_configs.get("toc", {}).get("slugify")
        settings = dataclasses.replace(checks.settings(), language=site_language(config))
        return run_checks(self.site.kb, [f.src_uri for f in files], settings,
                          tasks_file=self.config.tasks_file,
                          **({"slugify": toc_slugify} if callable(toc_slugify) else {}))

    def _report(self, kb_problems: list[Problem], report) -> None:
        """Every problem, at most `max_listed` of each cause, then a count per cause. Errors fail --strict;
        advisory families (and, with `advisory_errors`, everything) are only INFO."""
        checks = self.config.checks
        found = [("knowledge-base", kb_problems)] + [
            (family, problems) for family, problems in (report.found.items() if report else [])
            if family != "knowledge-base"]  # logged from kb_problems
        levelled: list[tuple[int, Problem]] = []
        for family, problems in found:
            for problem in problems:
                if checks.advisory_errors or (family in checks.advisory and not problem.is_error):
                    level = logging.INFO
                else:
                    level = logging.ERROR if problem.is_error else logging.WARNING
                levelled.append((level, problem))
        shown, hidden = limit_per_cause([p for _, p in levelled], checks.max_listed)
        shown_ids = {id(p) for p in shown}
        for level, problem in levelled:
            if id(problem) in shown_ids:
                log.log(level, str(problem))
        groups = group_by_cause(p for _, p in levelled)
        if hidden:
            log.info(f"{hidden:,} more problems of the same causes are not listed; `nightdesk check --all` lists them")
        if any(len(group.problems) > 1 for group in groups):
            log.info("problems by cause:")
            for group in groups:
                log.info(f"  {group}")
        if report:
            log.info(f"check: {report.summary}")

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        """An article's body as the core read it, so a broken front matter never leaks into the page;
        hub pages get their task's title. Front-matter values are plain text, but the theme prints
        page.meta (and page.title) as HTML: they are escaped here, at the source, so "Use the <Settings>
        page" shows as written and no value runs as markup."""
        if not self.config.enabled:
            return None
        page.meta = html_text(page.meta)
        src = page.file.src_uri
        ref = self.site.page(src)
        if ref.kind == ARTICLE:
            page.meta["title"] = html_text(ref.article.title)
            return ref.article.body
        if ref.kind == HUB:
            page.meta["title"] = html_text(ref.task.title)
        return self.site.kb.intro_bodies.get(src)  # a home or hub intro, converted like articles

    @event_priority(50)
    def on_page_context(self, context: TemplateContext, *, page: Page, config: MkDocsConfig,
                        nav: Navigation) -> TemplateContext | None:
        """Wrap the page in its view (home, hub or article chrome) and add the bounded navigation.

        Priority: 50 (before plugins at the default 0 fill the views' slots, e.g. nightdesk/support)
        """
        if not self.config.enabled:
            return None
        link = self._linker(lambda url: get_relative_url(url, page.url))
        ref = self.site.page(page.file.src_uri)
        views = self.site.views
        if ref.kind == ARTICLE:
            page.content = views.article(ref.article, page.content or "", link)
        elif ref.kind == HOME:
            page.content = views.home(link, page.content or "", list(self.site.settings.featured),
                                      site_name=written_text(config.site_name))
        elif ref.kind == HUB:
            page.content = views.hub(ref.task, link, page.content or "")
        context["nav"] = material_nav(views.nav(page.file.src_uri), page=page, homepage=nav.homepage,
                                      find=lambda path: find_page(self.files, path))
        return context

    def on_template_context(self, context: TemplateContext, *, template_name: str,
                            config: MkDocsConfig) -> TemplateContext | None:
        """The same bounded navigation on the 404 page (the theme makes its links start from the site's
        root there, since it is shown at any address)."""
        if not self.config.enabled or self.site is None or template_name != "404.html" or not context.get("nav"):
            return None
        context["nav"] = material_nav(self.site.views.nav(), page=None, homepage=context["nav"].homepage,
                                      find=lambda path: find_page(self.files, path))
        return context

    @event_priority(-100)
    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str | None:
        """The page is written: let go of its Markdown, in the page and in the Site (MkDocs keeps every
        page's Markdown to the end of the build: 8 MB at 1,000 realistic articles), and have the offline
        zip's copy of it deflated on another core while the next pages are rendered.

        Priority: -100 (after every other plugin's on_post_page)
        """
        if self.config.enabled and self.site is not None:
            self.site.page_written(page.file.src_uri)
            page.markdown = None
        if self._wants_zip():
            if self.early_zip is None:
                self.early_zip = EarlyDeflate()
                # The theme's files are in the site already, written before the first page.
                site_dir, zip_name = Path(config.site_dir), self._zip_name(config)
                for file in sorted(site_dir.rglob("*")):
                    if file.is_file() and not file.name.startswith(zip_name):  # an older build's zip
                        self.early_zip.add(file.relative_to(site_dir).as_posix(), file)
            # The bytes MkDocs writes next; should they change later, the zip compresses the file again.
            self.early_zip.add(page.file.dest_uri, output.encode("utf-8", errors="xmlcharrefreplace"))
        return output

    def _linker(self, url_from_here) -> Link:
        def link(path: str) -> str:
            target = find_page(self.files, path)
            return url_from_here(target.url) if target else "#"
        return link

    @event_priority(1000)
    def _return_freed_memory(self, *, config: MkDocsConfig) -> None:
        """Every page is written: give their freed memory back before the search index and the zip,
        the offline zip's thread's included (its last pages are deflated by now).

        Priority: 1000 (first, before every other plugin's on_post_build)
        """
        if self.early_zip is not None:
            self.early_zip.finish()
        if self.config.enabled:
            return_freed_memory()

    @event_priority(-200)
    def _write_offline_zip(self, *, config: MkDocsConfig) -> None:
        """Write the offline zip of the built site.

        Priority: -200 (last: after every plugin that writes files, the service worker's at -100 included)
        """
        early, self.early_zip = self.early_zip, None
        if not self._wants_zip():
            return
        zip_path = write_site_zip(config.site_dir, Path(config.site_dir) / self._zip_name(config), early)
        log.info(f"offline copy: {zip_path} ({zip_path.stat().st_size / 1e6:.1f} MB); unzip it and open index.html")

    on_post_build = CombinedEvent(_return_freed_memory, _write_offline_zip)

    def on_build_error(self, *, error: Exception) -> None:
        """No zip after all: stop deflating its files."""
        early, self.early_zip = self.early_zip, None
        if early is not None:
            early.close()

    def _wants_zip(self) -> bool:
        return self.config.enabled and self.config.offline_zip is not False and not self.is_serve

    def _zip_name(self, config: MkDocsConfig) -> str:
        return (self.config.offline_zip if isinstance(self.config.offline_zip, str)
                else default_zip_name(written_text(config.site_name)))


def _shown_prefix(config: MkDocsConfig) -> str:
    """docs_dir as the user knows it, relative to mkdocs.yml, for messages: "content/"."""
    base = Path(config.config_file_path or ".").parent
    return os.path.relpath(Path(config.docs_dir), base).replace(os.sep, "/") + "/"


def _refuse_unsafe_files(files: Files, docs_dir: Path) -> list[Problem]:
    """Leave out every source file that resolves outside docs_dir or cannot be opened (a dangling
    symlink): never published, never searched, never zipped. Returns their problems."""
    problems = []
    docs = os.path.join(os.path.abspath(docs_dir), "")
    for file in list(files):
        if file.generated_by is not None or not (file.abs_src_path or "").startswith(docs):
            continue  # theme files and generated pages come from elsewhere, by design
        why = refusal(docs_dir, file.src_uri)
        if why:
            problems.append(Problem(file.src_uri, 1, ERROR, why))
            files.remove(file)
    return problems


def _icon_finder(theme_dirs: tuple[str, ...], docs_dir: str | None = None):
    """Inline SVG for an icon name such as "material/cash", only from the `.icons` folders of the theme
    (the site's custom_dir included) and of docs_dir: a name can never reach a file outside them."""
    roots = [Path(d) / ".icons" for d in theme_dirs] + ([Path(docs_dir) / ".icons"] if docs_dir else [])

    @cache
    def icon(name: str) -> str:
        for root in roots:
            svg = (root / f"{name}.svg").resolve()
            if svg.is_relative_to(root.resolve()) and svg.is_file():
                return svg.read_text(encoding="utf-8", errors="replace")
        return ""

    return icon
