"""`nightdesk/offline`: a service worker so every page and the search work offline after one visit, and a
web app manifest with icons so the help centre installs on a phone's home screen.

A thin adapter over nightdesk.core.offline; works with or without the other nightdesk plugins. Events:
- on_config: the stylesheet and offline.js.
- on_files: publishes the assets (the service worker's source is not one of them).
- on_page_context: links the manifest and adds the "available offline" note.
- on_post_build (-100): after every other plugin has written its files, writes the manifest and the
  versioned service-worker.js at the site root (a service worker only controls pages in its own folder
  and below).
"""
from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

from markupsafe import escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url
from mkdocs.utils.templates import TemplateContext

from nightdesk.core.offline import (DEFAULT_EXCLUDE, MANIFEST, OFFLINE_PAGE_TEXTS, SERVICE_WORKER, plan_precache,
                                    service_worker_source, web_manifest)
from nightdesk.core.safe import written_text
from nightdesk.mkdocs.language import site_catalog, use_strings_script
from nightdesk.mkdocs.page_extras import AFTER_CONTENT, HEAD, add_html, add_script, use_theme
from nightdesk.mkdocs.site import hub_pages, publish_assets, site_for

from .config import OfflineConfig

log = get_plugin_logger("nightdesk")
NAME = "nightdesk/offline"
ASSET_DIR = "assets/nightdesk"
ICONS = {192: f"{ASSET_DIR}/icon-192.png", 512: f"{ASSET_DIR}/icon-512.png"}  # a site may put its own at these paths


class OfflinePlugin(BasePlugin[OfflineConfig]):
    """Service worker, web app manifest and the "available offline" note."""

    hubs: set[str] | None = None

    def on_config(self, config: MkDocsConfig) -> None:
        """Add the stylesheet and offline.js."""
        if not self.config.enabled:
            return
        use_theme(config)
        if f"{ASSET_DIR}/after-hours.css" not in config.extra_css:
            config.extra_css.append(f"{ASSET_DIR}/after-hours.css")
        use_strings_script(config)
        add_script(config, f"{ASSET_DIR}/offline.js")

    def on_files(self, files: Files, *, config: MkDocsConfig) -> None:
        """Publish the assets offline.js and the icons need; note the hubs, saved before articles."""
        if self.config.enabled:
            publish_assets(files, config)
            site = site_for(config, NAME, required=False)
            self.hubs = hub_pages(site, files) if site else None

    def on_page_context(self, context: TemplateContext, *, page: Page, config: MkDocsConfig,
                        nav: Navigation) -> TemplateContext | None:
        """Link the manifest and icon; add the note offline.js fills."""
        if not self.config.enabled:
            return None
        link = lambda path: escape(get_relative_url(path, page.url))  # noqa: E731
        add_html(context, HEAD, f'<link rel="manifest" href="{link(MANIFEST)}">'
                                f'<meta name="theme-color" content="{escape(self.config.theme_color)}">'
                                f'<link rel="apple-touch-icon" href="{link(ICONS[192])}">')
        add_html(context, AFTER_CONTENT, '<p class="nd-offline" data-nd-offline role="status" hidden></p>')
        return context

    @event_priority(-100)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Write the manifest and the service worker with the list of files it saves.

        Priority: -100 (after every plugin that writes files, e.g. the search index at 0)
        """
        if not self.config.enabled:
            return
        site = Path(config.site_dir)
        site_name = written_text(config.site_name)
        manifest = web_manifest(name=site_name, short_name=self.config.short_name or site_name,
                                description=written_text(config.site_description or ""), theme_color=self.config.theme_color,
                                background_color=self.config.background_color, icons=ICONS)
        (site / MANIFEST).write_text(json.dumps(manifest, indent=2, ensure_ascii=False), encoding="utf-8")
        precache = plan_precache(site, budget_bytes=int(self.config.precache_budget_mb * 1024 * 1024),
                                 exclude=DEFAULT_EXCLUDE + tuple(self.config.exclude), hubs=self.hubs)
        template = (resources.files("nightdesk") / "assets" / SERVICE_WORKER).read_text(encoding="utf-8")
        catalog = site_catalog(config)
        offline_page = {"lang": catalog.language, **{key.split(".")[1]: catalog.text(key) for key in OFFLINE_PAGE_TEXTS}}
        (site / SERVICE_WORKER).write_text(service_worker_source(template, precache, offline_page), encoding="utf-8")
        left = "" if precache.complete else "; the other pages are saved when first opened"
        log.info(f"offline: {len(precache.paths)} files ({precache.total_bytes / 1e6:.1f} MB) saved on first visit{left}")
