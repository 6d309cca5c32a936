"""Options of the `nightdesk/offline` plugin."""
from mkdocs.config import config_options as opt
from mkdocs.config.base import Config


class OfflineConfig(Config):
    enabled = opt.Type(bool, default=True)
    """Turn off the service worker and the web app manifest."""

    precache_budget_mb = opt.Type((int, float), default=20)
    """Most megabytes saved on a reader's phone at the first visit. Assets, home, search and task hubs
    come first, then articles; pages beyond the budget are saved when first opened."""

    exclude = opt.ListOfItems(opt.Type(str), default=[])
    """More files (glob patterns relative to the site, e.g. "downloads/*.pdf") never saved up front."""

    short_name = opt.Optional(opt.Type(str))
    """Name under the icon on a phone's home screen (about 12 characters); default: site_name."""

    theme_color = opt.Type(str, default="#009485")
    """Colour of the phone's title bar for the installed app."""

    background_color = opt.Type(str, default="#ffffff")
    """Splash-screen colour while the installed app opens."""
