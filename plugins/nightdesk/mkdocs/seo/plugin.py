"""`nightdesk/seo`: what search engines read. The meta description comes from the article's summary (or
the task's description on a hub) and JSON-LD from nightdesk.core.seo. Canonical URLs and sitemap.xml are
MkDocs' own once `site_url` is set; without it they cannot be absolute, so the build says so.

Needs nightdesk/tasks (for the page kinds and articles). Events: on_config (a note without site_url),
on_files (says what to fix when nightdesk/tasks is missing), on_page_markdown (the description),
on_page_context (the JSON-LD).
"""
from __future__ import annotations

from markupsafe import escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from nightdesk.core.knowledge_base import ARTICLE, HUB
from nightdesk.core.seo import json_ld_script, meta_description, structured_data
from nightdesk.mkdocs.page_extras import HEAD, add_html, use_theme
from nightdesk.mkdocs.site import site_for

from .config import SeoConfig

NAME = "nightdesk/seo"
log = get_plugin_logger("nightdesk")


class SeoPlugin(BasePlugin[SeoConfig]):
    """Meta descriptions and schema.org JSON-LD from the knowledge base."""

    def on_config(self, config: MkDocsConfig) -> None:
        """Use the theme hooks; say that canonical URLs and the sitemap need site_url."""
        if self.config.enabled:
            use_theme(config)
        if self.config.enabled and not config.site_url:
            log.info("seo: set site_url in mkdocs.yml for canonical URLs and a usable sitemap.xml")

    def on_files(self, files: Files, *, config: MkDocsConfig) -> None:
        """Stop here, with what to fix, when nightdesk/tasks is not there."""
        if self.config.enabled:
            site_for(config, NAME)

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> None:
        """The meta description: the article's summary, or the task's description on its hub."""
        if not self.config.enabled or page.meta.get("description"):
            return
        ref = site_for(config, NAME).page(page.file.src_uri)
        summary = ref.article.summary if ref.kind == ARTICLE else ref.task.description if ref.kind == HUB else ""
        if summary:
            # material's base.html writes the tag, unescaped (MkDocs templates do not autoescape).
            page.meta["description"] = escape(meta_description(summary))

    def on_page_context(self, context: TemplateContext, *, page: Page, config: MkDocsConfig,
                        nav: Navigation) -> TemplateContext | None:
        """HowTo or FAQPage JSON-LD in the page's head."""
        if not (self.config.enabled and self.config.json_ld):
            return None
        ref = site_for(config, NAME).page(page.file.src_uri)
        data = structured_data(ref.article, page.canonical_url) if ref.kind == ARTICLE else None
        if data:
            add_html(context, HEAD, json_ld_script(data))
        return context
