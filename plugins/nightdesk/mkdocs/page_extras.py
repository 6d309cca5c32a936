"""Add HTML to the two nightdesk hooks of the theme's main.html, from any nightdesk plugin.

`nightdesk_head` is placed in <head> (meta tags, JSON-LD, manifest link); `nightdesk_after_content`
after the page's content (data for the browser scripts, small notes). Plugins append, never replace.
Every plugin that uses the hooks calls `use_theme` in on_config, so each works alone.
"""
from __future__ import annotations

from pathlib import Path

from markupsafe import Markup
from mkdocs.config.config_options import ExtraScriptValue

from nightdesk.core.safe import script_json as safe_json

THEME_DIR = Path(__file__).resolve().parent.parent / "theme"
HEAD = "nightdesk_head"
AFTER_CONTENT = "nightdesk_after_content"


def use_theme(config) -> None:
    """Put nightdesk's main.html (the hooks) after the site's own custom_dir, so a site can still
    override it; once, whichever plugins ask."""
    theme_dir = str(THEME_DIR)
    if theme_dir not in config.theme.dirs:
        config.theme.dirs.insert(1 if config.theme.custom_dir else 0, theme_dir)


def add_html(context, hook: str, html: str) -> None:
    context[hook] = Markup(context.get(hook) or "") + Markup(html)


def script_json(element_id: str, data) -> str:
    """Data for browser scripts, serialised so that no value can end the <script> element."""
    return json_script(element_id, safe_json(data))


def json_script(element_id: str, json_text: str) -> str:
    """The element of script_json() around JSON already serialised by nightdesk.core.safe.script_json."""
    return f'<script type="application/json" id="{element_id}">{json_text}</script>'


def add_script(config, path: str) -> None:
    """Load a nightdesk script on every page, once, deferred so it never holds up the first paint.
    Deferred scripts still run in the order they were added."""
    if path not in map(str, config.extra_javascript):
        script = ExtraScriptValue(path)
        script.defer = True
        config.extra_javascript.append(script)
