"""The site's catalog of reader-facing texts, for every nightdesk plugin, and its copy for the browser.

The language is `theme.language` (as for mkdocs-material's own texts); a site replaces any text with

    extra:
      nightdesk:
        strings:
          home.title: How can we help?

`site_catalog(config)` reads both once per build (a bad replacement stops the build, naming it);
`strings_script()` is assets/nightdesk/i18n.js with the texts the browser scripts show (published with
the other assets by nightdesk.mkdocs.site.publish_assets).
"""
from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources

from jinja2 import Environment
from mkdocs.config.config_options import ExtraScriptValue
from mkdocs.exceptions import PluginError

from nightdesk.i18n import Catalog, CatalogError

I18N_SCRIPT = "assets/nightdesk/i18n.js"


def site_language(config) -> str:
    theme = config.theme
    return str((theme.get("language") if hasattr(theme, "get") else None) or "en")


def site_overrides(config) -> dict:
    extra = config.extra or {}
    settings = extra.get("nightdesk") or {}
    strings = settings.get("strings") if isinstance(settings, dict) else None
    if strings is None:
        return {}
    if not isinstance(strings, dict):
        raise PluginError(f"{config.config_file_path}: extra.nightdesk.strings: expected text per key, "
                          "like `home.title: How can we help?`")
    return strings


def site_catalog(config) -> Catalog:
    overrides = site_overrides(config)
    try:
        return _catalog(site_language(config), json.dumps(overrides, sort_keys=True, default=str))
    except CatalogError as error:
        raise PluginError(f"{config.config_file_path}: extra.nightdesk.{error}") from None


@lru_cache(maxsize=8)
def _catalog(language: str, overrides_json: str) -> Catalog:
    return Catalog.for_language(language, json.loads(overrides_json))


def use_strings_script(config) -> None:
    """Load i18n.js first among nightdesk's scripts (deferred scripts run in order), once."""
    if I18N_SCRIPT not in map(str, config.extra_javascript):
        script = ExtraScriptValue(I18N_SCRIPT)
        script.defer = True
        config.extra_javascript.insert(0, script)


def strings_script(catalog: Catalog) -> str:
    data = json.dumps(catalog.for_browser(), ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
    source = (resources.files("nightdesk") / "assets" / "i18n.js").read_text(encoding="utf-8")
    return f"(window.nightdesk = window.nightdesk || {{}}).strings = {data};\n{source}"


def add_template_globals(env: Environment, config) -> None:
    """`t(key, **values)` in the theme's templates (escaped: MkDocs' own environment does not autoescape)."""
    env.globals["t"] = site_catalog(config).markup
