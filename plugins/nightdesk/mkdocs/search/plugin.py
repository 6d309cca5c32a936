"""`nightdesk/search`: offline search for a nightdesk site (replaces material's `search`).

A thin adapter: pages go in as sections (nightdesk.search.sections), and after the
build nightdesk.search.index writes the lunr index and its store as classic scripts
next to lunr.js, which is copied from the installed mkdocs package.

Works alone (every page is then an article) or with nightdesk/tasks, whose Site says which pages are
articles and which tasks there are. Events: on_config (stylesheet, theme), on_files (synonyms, search
page, assets, versioned scripts), on_page_context / on_template_context (the header's search box),
on_page_content (sections of each article), on_post_page (the written page's HTML let go), on_post_build
(index and store).
"""
from __future__ import annotations

import hashlib
from importlib import resources
from pathlib import Path

from mkdocs.config.config_options import ExtraScriptValue
from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

import nightdesk
from nightdesk.core.knowledge_base import ARTICLE
from nightdesk.mkdocs.language import add_template_globals, site_catalog, site_language, use_strings_script
from nightdesk.mkdocs.search.config import SearchConfig
from nightdesk.mkdocs.page_extras import use_theme
from nightdesk.mkdocs.site import publish_assets, site_for
from nightdesk.search.index import SearchArticle, SearchBuilder, SearchTask, as_script
from nightdesk.search.vectors import SITE_FILE as VECTORS_FILE
from nightdesk.search.vectors import article_text, build_site_vectors
from nightdesk.search.pipeline import browser_language_script, language_for
from nightdesk.search.roles import excluded_by_front_matter
from nightdesk.search.sections import split_sections
from nightdesk.search.synonyms import Synonyms, load_synonyms, refused_synonyms
from nightdesk.search.thesaurus import DATA_FILE as THESAURUS_FILE, thesaurus_for

log = get_plugin_logger(__name__)
NAME = "nightdesk/search"

ASSET_DIR = "assets/nightdesk"
# lunr.js 2.3.9 as shipped inside MkDocs' own search plugin: the same version lunr.py targets.
LUNR_JS = Path(resources.files("mkdocs")) / "contrib" / "search" / "templates" / "search" / "lunr.js"
SCRIPTS = ("search.js", "search-ui.js")  # loaded on every page; search.js fetches the rest lazily

SEARCH_PAGE = """\
# {title}

<div class="nd-search-page" data-nd-search-page></div>
<noscript><p>{needs_javascript} <a href="index.html">{browse_home}</a></p></noscript>
"""


class SearchPlugin(BasePlugin[SearchConfig]):
    """Sections of every article in a lunr index the browser searches offline."""

    builder: SearchBuilder
    synonyms: Synonyms

    def on_config(self, config: MkDocsConfig) -> None:
        """Add the search stylesheet and the theme that holds the header's search box."""
        if not self.config.enabled:
            return
        use_theme(config)
        if f"{ASSET_DIR}/search.css" not in config.extra_css:
            config.extra_css.append(f"{ASSET_DIR}/search.css")
        use_strings_script(config)

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        """`t(key)` in the theme's templates, when nightdesk/search is used without nightdesk/tasks."""
        if self.config.enabled:
            add_template_globals(env, config)
        return env

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files | None:
        """Read the synonyms, add the search page and the versioned scripts, publish the assets.

        Priority: 0 (after nightdesk/tasks built the Site at 100, when it is there)
        """
        if not self.config.enabled:
            return None
        synonyms_file = files.get_file_from_path(self.config.synonyms)
        if synonyms_file:
            files.remove(synonyms_file)  # source data, not something to publish
        synonyms_path = Path(config.docs_dir) / self.config.synonyms
        shown = _shown_path(synonyms_path, config)
        self.synonyms = (refused_synonyms(config.docs_dir, self.config.synonyms, shown) or
                         load_synonyms(synonyms_path, display_path=shown, language=language_for(site_language(config))))
        for problem in self.synonyms.problems:
            (log.error if problem.is_error else log.warning)(str(problem))
        settings = self.config.thesaurus
        english = language_for(site_language(config)).code == "en"  # the thesaurus is English
        self.thesaurus = thesaurus_for(settings.enabled and english, settings.exclude)
        for word in settings.exclude if self.thesaurus else ():
            if not thesaurus_for().knows(word):
                log.warning(f"thesaurus: exclude: '{word}' is not in nightdesk's thesaurus, so it changes nothing")

        if files.get_file_from_path(self.config.search_page) is None:
            catalog = site_catalog(config)
            page = SEARCH_PAGE.format(**{name: catalog.markup(f"search.{name}")
                                         for name in ("title", "needs_javascript", "browse_home")})
            files.append(File.generated(config, self.config.search_page, content=page,
                                        inclusion=InclusionLevel.NOT_IN_NAV))
        publish_assets(files, config)
        files.append(File.generated(config, f"{ASSET_DIR}/lunr.js", abs_src_path=str(LUNR_JS)))

        # Scripts carry a hash of the sources, so browsers refetch the index after a rebuild.
        self.version = _sources_hash(files, synonyms_path, site_language(config), repr(settings))
        for name in SCRIPTS:
            script = ExtraScriptValue(f"{ASSET_DIR}/{name}?v={self.version}")
            script.defer = True
            config.extra_javascript[:] = [s for s in config.extra_javascript if not str(s).startswith(f"{ASSET_DIR}/{name}")]
            config.extra_javascript.append(script)
        # Each article goes into the index as its page is rendered (on_page_content): its text is not kept.
        self.builder = SearchBuilder(language_for(site_language(config)), dict(self.config.boosts),
                                     dict(self.config.role_weights), keep_articles=self.config.vectors)
        return files

    def on_page_context(self, context: TemplateContext, *, page: Page, config: MkDocsConfig,
                        nav: Navigation) -> TemplateContext | None:
        """Ask the theme for the header's search box."""
        if self.config.enabled:
            context["nightdesk_search"] = True
        return context

    def on_template_context(self, context: TemplateContext, *, template_name: str,
                            config: MkDocsConfig) -> TemplateContext | None:
        """The search box on the 404 page too."""
        if self.config.enabled:
            context["nightdesk_search"] = True
        return context

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        """Split an article's HTML into the sections search shows."""
        if not self.config.enabled:
            return None
        src = page.file.src_uri
        if src == self.config.search_page or excluded_by_front_matter(page.meta):
            return html
        article = self._describe(page, config)
        if article:
            article.sections = split_sections(html)
            self.builder.add(article)
        return html

    @event_priority(-100)
    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str | None:
        """The page is rendered and its sections are in the index: let go of its HTML. MkDocs keeps every
        page's content to the end of the build (22 MB at 1,000 realistic articles, 5x that at 5,000).

        Priority: -100 (after every other plugin's on_post_page)
        """
        if self.config.enabled:
            page.content = None
        return output

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Write the index and the store as classic scripts (they load from file:// too)."""
        if not self.config.enabled:
            return
        kb = self._knowledge_base(config)
        tasks = [SearchTask(t.id, t.title, f"{t.id}/index.html", t.description) for t in kb.tasks.values()] if kb else []
        language = language_for(site_language(config))
        bundle = self.builder.finish(tasks, synonyms=self.synonyms.for_browser(language),
                                     contact_url=self.config.contact_url or "", thesaurus=self.thesaurus)
        out = Path(config.site_dir) / ASSET_DIR
        out.mkdir(parents=True, exist_ok=True)
        if self.config.vectors and language.code == "en":
            # Article numbers are store positions: the bundle's articles, in store order.
            site_vectors = build_site_vectors([article_text(a) for a in bundle.articles])
            (Path(config.site_dir) / VECTORS_FILE).write_text(site_vectors.script(), encoding="utf-8")
            bundle.store["vectors"] = 1  # search.js fetches the vectors only when the site has them
        (out / "search-index.js").write_text(as_script("__nightdeskIndex", bundle.index), encoding="utf-8")
        (out / "search-store.js").write_text(as_script("__nightdeskStore", bundle.store), encoding="utf-8")
        (out / "search-language.js").write_text(browser_language_script(language), encoding="utf-8")
        log.info(f"indexed {self.builder.count} articles, {len(bundle.store['sections'])} sections")

    def _describe(self, page, config) -> SearchArticle | None:
        """What search shows for a page; None for pages that are not articles (home, hubs)."""
        url = page.file.dest_uri  # always the .html file, so links work from file://
        site = site_for(config, NAME, required=False)
        if site is None:  # used without nightdesk/tasks: every page is an article
            meta = page.meta or {}
            keywords = meta.get("keywords") or []
            tasks = meta.get("tasks") or []
            return SearchArticle(url=url, title=page.title or "", summary=str(meta.get("summary") or ""),
                                 keywords=[str(k) for k in keywords] if isinstance(keywords, list) else [str(keywords)],
                                 task=str(tasks[0]) if isinstance(tasks, list) and tasks else "")
        ref = site.page(page.file.src_uri)
        if ref.kind != ARTICLE or not ref.article.searchable:  # nosearch pages stay out of search
            return None
        article = ref.article
        return SearchArticle(url=url, title=article.title, summary=article.summary,
                             keywords=list(article.keywords), task=article.tasks[0] if article.tasks else "")

    @staticmethod
    def _knowledge_base(config: MkDocsConfig):
        site = site_for(config, NAME, required=False)
        return site.kb if site else None


def _shown_path(path: Path, config) -> str:
    """The synonyms file as the user knows it: relative to mkdocs.yml, e.g. content/synonyms.yml."""
    base = Path(config.config_file_path or ".").parent
    try:
        return path.resolve().relative_to(base.resolve()).as_posix()
    except ValueError:
        return str(path)


def _sources_hash(files: Files, synonyms_path: Path, language: str = "en", thesaurus: str = "") -> str:
    """Changes whenever a page, the synonyms, the language, the thesaurus or nightdesk's own scripts change."""
    digest = hashlib.sha256(f"{nightdesk.__version__} {language} {thesaurus}".encode())
    digest.update(THESAURUS_FILE.read_bytes())
    for file in sorted(files, key=lambda f: f.src_uri):
        if file.is_documentation_page() or file.src_uri.startswith(ASSET_DIR):
            digest.update(file.src_uri.encode())
            digest.update(file.content_bytes)
    if synonyms_path.is_file():
        digest.update(synonyms_path.read_bytes())
    return digest.hexdigest()[:10]
