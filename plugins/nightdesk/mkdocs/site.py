"""The one way a nightdesk plugin reaches the build's `Site`, and the one asset publisher.

`nightdesk/tasks` builds the Site in its `on_files` at priority 100, before any other plugin's `on_files`
(MkDocs runs each event for every plugin, highest priority first, so the order of `plugins:` in
mkdocs.yml does not matter). The Site is kept per configuration object, so `mkdocs serve` rebuilds and
several builds in one process never see each other's. Plugins that need it call `site_for(config, name)`
from `on_files` (priority below 100) onwards.
"""
from __future__ import annotations

import weakref

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from nightdesk.mkdocs.language import I18N_SCRIPT, site_catalog, strings_script
from nightdesk.site import Site, published_assets

CORE_PLUGIN = "nightdesk/tasks"
SITE_PRIORITY = 100
"""`on_files` priority at which nightdesk/tasks builds the Site: before every plugin at the default 0."""

_DISABLED = object()
_sites: dict[int, tuple[weakref.ref, object]] = {}


def register_site(config: MkDocsConfig, site: Site | None) -> None:
    """Called by nightdesk/tasks only: the build's Site, or None when the plugin is disabled."""
    for key in [key for key, (ref, _) in _sites.items() if ref() is None]:
        del _sites[key]  # configurations of finished builds
    _sites[id(config)] = (weakref.ref(config), _DISABLED if site is None else site)


def site_for(config: MkDocsConfig, plugin: str, *, required: bool = True) -> Site | None:
    """The build's Site. Without nightdesk/tasks (missing or `enabled: false`) a PluginError names what to
    fix, or None when the caller can do without (`required=False`)."""
    ref, site = _sites.get(id(config), (None, None))
    if ref is not None and ref() is config and isinstance(site, Site):
        return site
    if not required:
        return None
    if site is _DISABLED:
        raise PluginError(f"{plugin} needs {CORE_PLUGIN}, which is disabled (enabled: false): "
                          f"enable it, or disable {plugin} too")
    raise PluginError(f"{plugin} needs {CORE_PLUGIN}: add it to plugins")


THEME_FILES_UNUSED = ("assets/javascripts/lunr/", "assets/javascripts/workers/")
"""mkdocs-material's own search (its worker and lunr language packs, about 2 MB): unused when nightdesk's
search is the site's search, so not published unless material's search plugin is on."""


def find_page(files: Files, path: str) -> File | None:
    """A page by the source path the knowledge base uses; an index page may be written as README.md."""
    found = _get_file(files, path)
    if found is None and path.endswith("index.md"):
        found = _get_file(files, path[: -len("index.md")] + "README.md")
    return found


def _get_file(files: Files, path: str) -> File | None:
    # Every page asks for dozens of links: a plain dict look-up first (the knowledge base's paths are
    # already src_uris), the normalising get_file_from_path (a PurePath each call) only when that misses.
    return files.src_uris.get(path) or files.get_file_from_path(path)


def hub_pages(site: Site, files: Files) -> set[str]:
    """The built paths of the task hubs, e.g. {"get-paid/index.html"}."""
    return {found.dest_uri for task in site.kb.tasks.values() if (found := find_page(files, task.hub_path))}


def publish_assets(files: Files, config: MkDocsConfig) -> None:
    """Add nightdesk's browser files to the build once, whichever plugins ask; a file the site already
    has at the same path (its own icon, say) wins. Drops the theme's source maps and, without material's
    search plugin, its search worker: nothing on a nightdesk page loads them."""
    material_search = any(name in config.plugins for name in ("material/search", "search"))
    for file in [f for f in files if not f.is_documentation_page() and _unused_theme_file(f.src_uri, material_search)]:
        files.remove(file)
    for asset in published_assets():
        if files.get_file_from_path(asset.dest) is None:
            if asset.dest == I18N_SCRIPT:  # the browser's texts, in the site's language
                files.append(File.generated(config, asset.dest, content=strings_script(site_catalog(config))))
            elif asset.source is not None:
                files.append(File.generated(config, asset.dest, abs_src_path=str(asset.source)))
            else:
                files.append(File.generated(config, asset.dest, content=asset.content or ""))


def _unused_theme_file(path: str, material_search: bool) -> bool:
    if path.startswith(("assets/javascripts/", "assets/stylesheets/")) and path.endswith(".map"):
        return True
    return not material_search and path.startswith(THEME_FILES_UNUSED)
