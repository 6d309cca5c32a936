"""`nightdesk/seo`: what search engines read. The meta description comes from the article's summary (or
the task's description on a hub) and JSON-LD from nightdesk.core.seo. Canonical URLs and sitemap.xml are
MkDocs' own once `site_url` is set; without it they cannot be absolute, so the build says so.
"""
from __future__ import annotations

from markupsafe import escape
from mkdocs.plugins import BasePlugin, get_plugin_logger

from nightdesk.core.seo import json_ld_script, meta_description, structured_data
from nightdesk.mkdocs.page_extras import HEAD, add_html

from .config import SeoConfig

log = get_plugin_logger("nightdesk")


class SeoPlugin(BasePlugin[SeoConfig]):
    def on_config(self, config):
        if self.config.enabled and not config.site_url:
            log.info("seo: set site_url in mkdocs.yml for canonical URLs and a usable sitemap.xml")

    def on_page_markdown(self, markdown, page, config, files):
        if not self.config.enabled or page.meta.get("description"):
            return markdown
        tasks = config.plugins["nightdesk/tasks"]
        src = page.file.src_uri
        article = tasks.kb.article(src)
        task = tasks.kb.tasks.get(src.split("/", 1)[0]) if src.endswith("/index.md") else None
        summary = article.summary if article else task.description if task else ""
        if summary:
            # material's base.html writes the tag, unescaped (MkDocs templates do not autoescape).
            page.meta["description"] = escape(meta_description(summary))
        return markdown

    def on_page_context(self, context, page, config, nav):
        if not (self.config.enabled and self.config.json_ld):
            return context
        article = config.plugins["nightdesk/tasks"].kb.article(page.file.src_uri)
        data = structured_data(article, page.canonical_url) if article else None
        if data:
            add_html(context, HEAD, json_ld_script(data))
        return context
