"""Options of the `nightdesk/tasks` plugin, validated once by MkDocs."""
from mkdocs.config import config_options as opt
from mkdocs.config.base import Config

from nightdesk.core.schema import DEFAULT_ALIASES


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
