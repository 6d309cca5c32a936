"""Add HTML to the two nightdesk hooks of the theme's main.html, from any nightdesk plugin.

`nightdesk_head` is placed in <head> (meta tags, JSON-LD, manifest link); `nightdesk_after_content`
after the page's content (data for the browser scripts, small notes). Plugins append, never replace.
"""
from __future__ import annotations

import json

from markupsafe import Markup

HEAD = "nightdesk_head"
AFTER_CONTENT = "nightdesk_after_content"


def add_html(context, hook: str, html: str) -> None:
    context[hook] = Markup(context.get(hook) or "") + Markup(html)


def script_json(element_id: str, data) -> str:
    """Data for browser scripts; '</' escaped so no value can close the <script> element."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
    return f'<script type="application/json" id="{element_id}">{text}</script>'
