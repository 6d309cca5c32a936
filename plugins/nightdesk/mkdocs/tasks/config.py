"""Options of the `nightdesk/tasks` plugin, validated once by MkDocs."""
from mkdocs.config import config_options as opt
from mkdocs.config.base import Config

from nightdesk.core.checks import FAMILIES, CheckSettings
from nightdesk.core.schema import DEFAULT_ALIASES
from nightdesk.mkdocs.options import ZipName


class ChecksConfig(Config):
    """The `checks:` group: what `nightdesk check` and `mkdocs build` report before publishing."""

    enabled = opt.Type(bool, default=True)
    """Run the checks during `mkdocs build` too (errors fail `--strict`). `nightdesk check` always runs them."""

    stale_after_days = opt.Type(int, default=CheckSettings.stale_after_days)
    """An article whose `reviewed` date is older than this many days is reported as stale."""

    max_grade = opt.Type((int, float), default=CheckSettings.max_grade)
    """The highest reading grade (Flesch-Kincaid, about the years of school needed) before a warning."""

    max_summary_length = opt.Type(int, default=CheckSettings.max_summary_length)
    """Characters a summary may have: about two lines on a phone, and what search results show."""

    max_step_words = opt.Type(int, default=CheckSettings.max_step_words)
    """Words a numbered step may have before it is reported as too long to follow."""

    advisory = opt.ListOfItems(opt.Choice([family for family in FAMILIES if family != "knowledge-base"]),
                               default=["structure", "plain-language", "freshness"])
    """Families whose warnings `mkdocs build` shows as INFO, so they never fail `--strict`: a stale review
    date, a long sentence or a missing summary must not block an urgent fix, and `nightdesk check` (which
    exits 1 on errors only) lists them anyway. Errors always fail `--strict`. Choices: links, structure,
    plain-language, freshness (what reading the knowledge base reports is logged as it always was)."""

    def settings(self) -> CheckSettings:
        """The limits as the core checks take them."""
        return CheckSettings(stale_after_days=self.stale_after_days, max_grade=float(self.max_grade),
                             max_summary_length=self.max_summary_length, max_step_words=self.max_step_words)


class TasksConfig(Config):
    enabled = opt.Type(bool, default=True)
    """Turn the plugin off, e.g. for a quick draft build."""

    tasks_file = opt.Type(str, default="tasks.yml")
    """The task taxonomy, relative to `docs_dir`. Without it, top-level folders are the tasks."""

    aliases = opt.DictOfItems(opt.Type(str), default=dict(DEFAULT_ALIASES))
    """Foreign front-matter keys mapped to nightdesk fields, e.g. `description: summary`."""

    featured = opt.ListOfItems(opt.Type(str), default=[])
    """Articles for the home page's "Start here" list; default: the first article of each task."""

    nav_limit = opt.Type(int, default=12)
    """How many articles of the current task the navigation lists before linking to the hub."""

    checks = opt.SubConfig(ChecksConfig)
    """Limits for the pre-publishing checks; see ChecksConfig."""

    offline_zip = ZipName(default=True)
    """A zip of the built site for offline use, written at the top of `site_dir` (so it is published
    with the site): `true` names it `<site name>-offline.zip`, a string names it, `false` writes none.
    Not written by `mkdocs serve`."""
