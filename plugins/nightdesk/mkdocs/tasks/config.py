"""Options of the `nightdesk/tasks` plugin, validated once by MkDocs."""
from mkdocs.config import config_options as opt
from mkdocs.config.base import Config

from nightdesk.core.checks import FAMILIES, CheckSettings
from nightdesk.core.compat import CompatSettings
from nightdesk.core.schema import read_aliases
from nightdesk.mkdocs.options import ZipName


class AliasesOption(opt.BaseConfigOption[dict]):
    """`aliases:` foreign front-matter key -> field name, or {to: field, values: {...}}; added to the defaults."""

    def __init__(self):
        super().__init__()
        self.default = {}

    def run_validation(self, value):
        if value is None:
            value = {}
        if not isinstance(value, dict):
            raise opt.ValidationError(f"expected a mapping of front-matter keys, got {type(value).__name__}")
        aliases, errors = read_aliases(value)
        if errors:
            raise opt.ValidationError("; ".join(errors))
        return aliases


class CompatConfig(Config):
    """The `compat:` group: Markdown written for other tools, converted while reading (each on by default)."""

    alerts = opt.Type(bool, default=True)
    """GitHub / Microsoft Learn alerts, `> [!NOTE]`, as admonitions."""
    includes = opt.Type(bool, default=True)
    """`[!INCLUDE[...](path)]` and Hugo `{{% include "path" %}}` replaced by the file's content."""
    gitbook = opt.Type(bool, default=True)
    """GitBook `{% hint %}`, `{% tabs %}`/`{% tab %}`, `{% embed %}`, `{% content-ref %}`."""
    docusaurus = opt.Type(bool, default=True)
    """Docusaurus `:::note` ... `:::` admonitions."""
    learn = opt.Type(bool, default=True)
    """Microsoft Learn `:::image ...:::` as images; `:::zone`, `:::moniker`, `:::row:::` frames dropped, content kept."""
    emoji = opt.Type(bool, default=True)
    """Emoji shortcodes such as `:warning:`."""
    angle_links = opt.Type(bool, default=True)
    """CommonMark `![](<image (1).png>)` destinations."""
    folder_links = opt.Type(bool, default=True)
    """Links to a folder go to its index.md, README.md or _index.md."""
    site_links = opt.Type(bool, default=True)
    """Hugo-style site-absolute links (`/section/page/`) go to the page when the content folder has it."""
    unknown_tags = opt.Type(bool, default=True)
    """Shortcodes and template tags nightdesk cannot render are removed (one warning per kind)."""
    html_blocks = opt.Type(bool, default=True)
    """Markdown inside `<div>` ... `</div>` after a blank line is rendered, as CommonMark does."""
    lists = opt.Type(bool, default=True)
    """A list right after a paragraph line (no blank line between) is a list, as CommonMark renders it."""

    def settings(self) -> CompatSettings:
        return CompatSettings(**{name: self[name] for name in CompatSettings.names()})


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

    max_listed = opt.Type(int, default=10)
    """How many problems of one cause the build log lists before it only counts them (`nightdesk check
    --all` lists every one)."""

    advisory_errors = opt.Type(bool, default=False)
    """Report content errors (broken links, unresolved includes...) as warnings, so an imported manual
    builds with `--strict` while the team works through them. `nightdesk check` still lists them."""

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

    aliases = AliasesOption()
    """Foreign front-matter keys mapped to nightdesk fields, added to the built-in ones (Hugo `weight`,
    Microsoft Learn `ms.topic`...): `description: summary`, or with values,
    `ms.topic: {to: kind, values: {article: concept, how-to: how-to}}`. Map a key to "" to ignore it."""

    compat = opt.SubConfig(CompatConfig)
    """Markdown written for other tools; see CompatConfig."""

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
