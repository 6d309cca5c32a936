"""`nightdesk/offline`: a service worker so every page and the search work offline after one visit, and a
web app manifest with icons so the help centre installs on a phone's home screen.

A thin adapter over nightdesk.core.offline. on_files drops the service worker's source from the published
assets; on_page_context links the manifest and adds the "available offline" note; on_post_build, after
every other plugin has written its files, writes the manifest and the versioned service-worker.js at the
site root (a service worker only controls pages in its own folder and below).
"""
from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

from markupsafe import escape
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.utils import get_relative_url

from nightdesk.core.offline import DEFAULT_EXCLUDE, MANIFEST, SERVICE_WORKER, plan_precache, service_worker_source, web_manifest
from nightdesk.mkdocs.page_extras import AFTER_CONTENT, HEAD, add_html, add_script

from .config import OfflineConfig

log = get_plugin_logger("nightdesk")
ASSET_DIR = "assets/nightdesk"
ICONS = {192: f"{ASSET_DIR}/icon-192.png", 512: f"{ASSET_DIR}/icon-512.png"}  # a site may put its own at these paths


class OfflinePlugin(BasePlugin[OfflineConfig]):
    def on_config(self, config):
        if not self.config.enabled:
            return
        if f"{ASSET_DIR}/after-hours.css" not in config.extra_css:
            config.extra_css.append(f"{ASSET_DIR}/after-hours.css")
        add_script(config, f"{ASSET_DIR}/offline.js")

    def on_files(self, files, config):
        source = files.get_file_from_path(f"{ASSET_DIR}/{SERVICE_WORKER}")
        if source:
            files.remove(source)  # published at the site root by on_post_build, with its settings
        return files

    def on_page_context(self, context, page, config, nav):
        if not self.config.enabled:
            return context
        link = lambda path: escape(get_relative_url(path, page.url))  # noqa: E731
        add_html(context, HEAD, f'<link rel="manifest" href="{link(MANIFEST)}">'
                                f'<meta name="theme-color" content="{escape(self.config.theme_color)}">'
                                f'<link rel="apple-touch-icon" href="{link(ICONS[192])}">')
        add_html(context, AFTER_CONTENT, '<p class="nd-offline" data-nd-offline role="status" hidden></p>')
        return context

    @event_priority(-100)  # after every plugin that writes files (e.g. the search index)
    def on_post_build(self, config):
        if not self.config.enabled:
            return
        site = Path(config.site_dir)
        manifest = web_manifest(name=config.site_name, short_name=self.config.short_name or config.site_name,
                                description=config.site_description or "", theme_color=self.config.theme_color,
                                background_color=self.config.background_color, icons=ICONS)
        (site / MANIFEST).write_text(json.dumps(manifest, indent=2, ensure_ascii=False), encoding="utf-8")
        precache = plan_precache(site, budget_bytes=int(self.config.precache_budget_mb * 1024 * 1024),
                                 exclude=DEFAULT_EXCLUDE + tuple(self.config.exclude))
        template = (resources.files("nightdesk") / "assets" / SERVICE_WORKER).read_text(encoding="utf-8")
        (site / SERVICE_WORKER).write_text(service_worker_source(template, precache), encoding="utf-8")
        left = "" if precache.complete else "; the other pages are saved when first opened"
        log.info(f"offline: {len(precache.paths)} files ({precache.total_bytes / 1e6:.1f} MB) saved on first visit{left}")
