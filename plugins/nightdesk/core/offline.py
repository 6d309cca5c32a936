"""Offline use: which built files the service worker saves on the first visit, the cache version, and
the web app manifest that lets a phone install the help centre.

Precaching is bounded by a byte budget so a 5,000-article site does not fill a phone: assets, the home,
search and hub pages come first, then articles by path until the budget is spent. Pages beyond it are
saved when first opened. The version is a hash of every file it may save, so any change to the site
installs a new cache and the service worker deletes the old one.
"""
from __future__ import annotations

import fnmatch
import hashlib
import json
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

SERVICE_WORKER = "service-worker.js"
MANIFEST = "manifest.webmanifest"
DEFAULT_EXCLUDE = (
    SERVICE_WORKER, "*.map", "*.gz", "*.zip", "sitemap.xml",  # downloads are not pages to read offline
    # mkdocs-material's own search (worker and lunr language packs): nightdesk ships its own search.
    "assets/javascripts/lunr/*", "assets/javascripts/workers/*",
)
OFFLINE_PAGE_TEXTS = ("offline.page_title", "offline.page_heading", "offline.page_text", "offline.page_home")
FRONT_PAGES = ("index.html", "search.html", "404.html")


@dataclass
class Precache:
    paths: list[str]  # relative to the site root, in install order
    version: str  # short content hash
    complete: bool  # False when the budget left some pages to be saved on first visit
    total_bytes: int


def plan_precache(site_dir: Path | str, *, budget_bytes: int, exclude: tuple[str, ...] = DEFAULT_EXCLUDE,
                  hubs: Collection[str] | None = None) -> Precache:
    """`hubs`: the built paths of the task hubs, as the site model knows them; without it (no knowledge
    base), every top-level folder's index.html counts as one."""
    root = Path(site_dir)
    files = sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())
    is_hub = (lambda path: path in hubs) if hubs is not None else (
        lambda path: path.endswith("/index.html") and path.count("/") == 1)
    candidates = sorted((f for f in files if not any(fnmatch.fnmatch(f, pattern) for pattern in exclude)),
                        key=lambda path: _priority(path, is_hub))
    chosen, total = [], 0
    for path in candidates:
        size = (root / path).stat().st_size
        if total + size > budget_bytes:
            continue  # a smaller file later may still fit
        chosen.append(path)
        total += size
    # The version covers pages saved on first visit too, so their saved copies are renewed as well.
    return Precache(paths=chosen, version=content_version(root, candidates),
                    complete=len(chosen) == len(candidates), total_bytes=total)


def content_version(root: Path, paths: list[str]) -> str:
    digest = hashlib.sha256()
    for path in paths:  # the same bytes as path \0 content \0, without copying every file into one
        digest.update(path.encode() + b"\0")
        digest.update((root / path).read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()[:12]


# Characters a browser leaves as they are in a URL path; every other one ('#', '?', '%', spaces, letters
# beyond ASCII) is percent-encoded, so "c#-tips.html" is fetched as itself and not as "c" plus a fragment.
_PATH_SAFE = "/!$&'()*+,;=:@~"


def url_path(path: str) -> str:
    """A site-relative file path as the URL a browser requests for it."""
    return quote(path, safe=_PATH_SAFE)


def service_worker_source(template: str, precache: Precache, offline_page: dict[str, str] | None = None) -> str:
    """The service worker: its settings on the first line, then the (static) script. `offline_page` holds
    the language and texts of the page shown for a page not saved yet (see OFFLINE_PAGE_TEXTS)."""
    settings = {"version": precache.version, "precache": [url_path(p) for p in precache.paths],
                "complete": precache.complete, "offlinePage": offline_page or {}}
    return f"self.NIGHTDESK = {json.dumps(settings, separators=(',', ':'))};\n{template}"


def web_manifest(*, name: str, short_name: str, description: str, theme_color: str, background_color: str,
                 icons: dict[int, str]) -> dict[str, Any]:
    """Web app manifest; paths are relative to the manifest, which sits at the site root."""
    return {
        "name": name, "short_name": short_name, "description": description,
        "start_url": "./index.html", "scope": "./", "display": "standalone",
        "theme_color": theme_color, "background_color": background_color,
        "icons": [{"src": src, "sizes": f"{size}x{size}", "type": "image/png", "purpose": "any"}
                  for size, src in sorted(icons.items())],
    }


def _priority(path: str, is_hub) -> tuple[int, str]:
    """Assets, then front pages, then hubs, then every other page."""
    if not path.endswith(".html"):
        return (0, path)
    if path in FRONT_PAGES:
        return (1, path)
    if is_hub(path):
        return (2, path)
    return (3, path)
