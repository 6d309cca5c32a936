"""`nightdesk/support`: a support box that knows business hours, and "Did this answer your question?".

A thin adapter over nightdesk.core.support. on_config reads the hours (a mistake stops the build with the
option named) and adds the scripts; on_page_context, after nightdesk/tasks, fills the `after-article` slot
(feedback, then the support box) and the `after-hub` slot (the support box), and gives every page the data
support.js / feedback.js read plus a `<template id="nd-support-box">` that search uses for no results.
"""
from __future__ import annotations

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin

from nightdesk.core.support import Support, email_href, read_support
from nightdesk.core.views import fill_slot
from nightdesk.mkdocs.page_extras import AFTER_CONTENT, add_html, add_script, script_json

from .config import SupportConfig

ASSET_DIR = "assets/nightdesk"
SCRIPTS = ("support.js", "feedback.js")


class SupportPlugin(BasePlugin[SupportConfig]):
    support: Support

    def on_config(self, config):
        if not self.config.enabled:
            return
        try:
            self.support = read_support(
                timezone=self.config.timezone, hours=self.config.hours, closed=self.config.closed,
                channels=[dict(channel) for channel in self.config.channels], clock=self.config.clock,
                zone_label=self.config.zone_label)
        except ValueError as error:
            raise PluginError(f"{config.config_file_path}: nightdesk/support: {error}") from None
        if f"{ASSET_DIR}/after-hours.css" not in config.extra_css:
            config.extra_css.append(f"{ASSET_DIR}/after-hours.css")
        for name in SCRIPTS:
            add_script(config, f"{ASSET_DIR}/{name}")

    def on_page_context(self, context, page, config, nav):
        if not self.config.enabled:
            return context
        tasks = config.plugins["nightdesk/tasks"]
        src = page.file.src_uri
        article = tasks.kb.article(src)
        task = tasks.kb.tasks.get(src.split("/", 1)[0]) if src.endswith("/index.md") else None
        topic = article.title if article else task.title if task else config.site_name
        url = page.canonical_url or ""

        def render(view: str, **values) -> str:
            return tasks.views.env.get_template(f"nightdesk/{view}.html").render(**values)

        box = render("support", support=self.support, title=self.config.title, topic=topic,
                     email_href=lambda address: email_href(
                         address, f"Help with: {topic}",
                         f'I read "{topic}"{f" ({url})" if url else ""} and still need help.\n\nMy question:\n\n'))
        if article:
            feedback = render("feedback", question=self.config.feedback_question,
                              follow_up=self.config.feedback_follow_up, endpoint=self.config.feedback_endpoint)
            page.content = fill_slot(page.content, "after-article", feedback + box)
        elif task:
            page.content = fill_slot(page.content, "after-hub", box)
        data = {"support": self.support.to_json(), "endpoint": self.config.feedback_endpoint or None,
                "page": page.url, "article": article.path if article else None, "title": topic}
        plain_box = render("support", support=self.support, title=self.config.title, topic=config.site_name,
                           email_href=lambda address: f"mailto:{address}")
        add_html(context, AFTER_CONTENT, script_json("nd-support-data", data)
                 + f'<template id="nd-support-box">{plain_box}</template>')
        return context
