"""The site model: what every nightdesk plugin of one build reads, between the core and the adapters.

A `Site` is built once per build from the content folder (the knowledge base, its views and the one
page-kind rule) and holds nothing generator-specific, so a MkDocs or ProperDocs adapter, or a command
such as `nightdesk check`, reaches the same answers. `assets` lists what nightdesk publishes next to the
pages (browser scripts, styles, icons and the generated browser settings), whoever publishes them.
"""
from nightdesk.site.assets import ASSET_DIR, Asset, published_assets
from nightdesk.site.model import Site, SiteSettings

__all__ = ["ASSET_DIR", "Asset", "Site", "SiteSettings", "published_assets"]
