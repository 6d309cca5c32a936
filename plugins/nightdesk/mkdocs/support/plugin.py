"""`nightdesk/support`: a support box that knows business hours, and "Did this answer your question?".

A thin adapter over nightdesk.core.support; needs nightdesk/tasks (for the views and the page kinds).
Events:
- on_config: reads the hours (a mistake stops the build with the option named) and adds the scripts.
- on_files: publishes the assets; says what to fix when nightdesk/tasks is missing or disabled.
- on_page_context (0): after nightdesk/tasks (50) wrapped the page, fills the `after-article` slot
  (feedback, then the support box) and the `after-hub` slot (the support box), and gives every page the
  data support.js / feedback.js read plus a `<template id="nd-support-box">` that search uses for no results.
"""
from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from nightdesk.core.knowledge_base import ARTICLE, HUB
from nightdesk.core.safe import script_json as script_json_text, written_text
from nightdesk.core.support import Support, email_href, read_support
from nightdesk.core.views import fill_slot
from nightdesk.mkdocs.language import site_catalog, use_strings_script
from nightdesk.mkdocs.page_extras import AFTER_CONTENT, add_html, add_script, json_script, use_theme
from nightdesk.mkdocs.site import publish_assets, site_for
from nightdesk.site.render_once import RenderedOnce

from .config import SupportConfig

NAME = "nightdesk/support"
ASSET_DIR = "assets/nightdesk"
SCRIPTS = ("support.js", "feedback.js")


class SupportPlugin(BasePlugin[SupportConfig]):
    """The support box and the feedback question, on articles and hubs."""

    support: Support

    def on_config(self, config: MkDocsConfig) -> None:
        """Read the business hours and channels once; a mistake stops the build naming the option."""
        if not self.config.enabled:
            return
        self.catalog = site_catalog(config)
        try:
            self.support = read_support(catalog=self.catalog,
                timezone=self.config.timezone, hours=self.config.hours, closed=self.config.closed,
                channels=[dict(channel) for channel in self.config.channels], clock=self.config.clock,
                zone_label=self.config.zone_label)
        except ValueError as error:
            raise PluginError(f"{config.config_file_path}: {NAME}: {error}") from None
        use_theme(config)
        if f"{ASSET_DIR}/after-hours.css" not in config.extra_css:
            config.extra_css.append(f"{ASSET_DIR}/after-hours.css")
        use_strings_script(config)
        for name in SCRIPTS:
            add_script(config, f"{ASSET_DIR}/{name}")

    def on_files(self, files: Files, *, config: MkDocsConfig) -> None:
        """Publish the scripts; stop here, with what to fix, when nightdesk/tasks is not there."""
        if not self.config.enabled:
            return
        site = site_for(config, NAME)
        publish_assets(files, config)
        # The feedback question and the no-results box are the same on every page: rendered once per build.
        texts = self.catalog
        self.feedback_html = site.render(
            "feedback", question=self.config.feedback_question or texts.text("feedback.question"),
            follow_up=self.config.feedback_follow_up or texts.text("feedback.follow_up"),
            endpoint=self.config.feedback_endpoint)
        self.box_support = _TextsOnce(self.support)
        # The box on each page differs only in its topic and its email link: nightdesk's own is rendered
        # once and filled in per page; a site's override is rendered on every page (RenderedOnce cannot
        # tell a test of the topic against a constant from printing it).
        render_box = lambda **values: site.render("support", support=self.box_support, title=self._title(), **values)  # noqa: E731
        self.page_box = (RenderedOnce(render_box, texts=("topic",), functions=("email_href",))
                         if not site.overridden("support") else None)
        plain_box = site.render("support", support=self.box_support, title=self._title(),
                                topic=written_text(config.site_name), email_href=lambda address: f"mailto:{address}")
        self.plain_box_html = f'<template id="nd-support-box">{plain_box}</template>'
        # The page data starts with the hours, the same on every page: serialised once ('{"support":{...}').
        self.data_start = script_json_text({"support": self.support.to_json()})[:-1]

    def _title(self) -> str:
        return self.config.title or self.catalog.text("support.title")

    def on_page_context(self, context: TemplateContext, *, page: Page, config: MkDocsConfig,
                        nav: Navigation) -> TemplateContext | None:
        """Fill the views' slots and add the page's support data.

        Priority: 0 (after nightdesk/tasks wrapped the page in its view at 50)
        """
        if not self.config.enabled:
            return None
        site = site_for(config, NAME)
        ref = site.page(page.file.src_uri)
        topic = (ref.article.title if ref.kind == ARTICLE else ref.task.title if ref.kind == HUB
                 else written_text(config.site_name))
        url = page.canonical_url or ""

        texts = self.catalog
        values = dict(topic=topic, email_href=lambda address: email_href(
            address, texts.text("support.email_subject_topic", topic=topic),
            texts.text("support.email_body_topic", topic=topic, url=url or page.url)))
        box = (self.page_box.fill(**values) if self.page_box is not None else
               site.render("support", support=self.box_support, title=self._title(), **values))
        if ref.kind == ARTICLE:
            page.content = fill_slot(page.content, "after-article", self.feedback_html + box)
        elif ref.kind == HUB:
            page.content = fill_slot(page.content, "after-hub", box)
        rest = {"endpoint": self.config.feedback_endpoint or None,
                "page": page.url, "article": ref.article.path if ref.article else None, "title": topic}
        data = f'{self.data_start},{script_json_text(rest)[1:]}'  # = script_json_text({"support": ..., **rest})
        add_html(context, AFTER_CONTENT, json_script("nd-support-data", data) + self.plain_box_html)
        return context


class _TextsOnce:
    """`support` as the box template sees it, with the texts that are the same on every page (business
    hours, closed days, each channel's hours: babel formatting) worked out once per build."""

    def __init__(self, support: Support):
        self._support = support
        self._hours = support.hours_text()
        self._closed = support.closed_text()
        self._availability = {id(channel): support.availability_text(channel) for channel in support.channels}

    def __getattr__(self, name: str):
        return getattr(self._support, name)

    def hours_text(self, week=None) -> str:
        return self._hours if week is None else self._support.hours_text(week)

    def closed_text(self) -> str:
        return self._closed

    def availability_text(self, channel) -> str:
        # by identity: the channels are support's own, alive for the whole build
        found = self._availability.get(id(channel))
        return found if found is not None else self._support.availability_text(channel)
