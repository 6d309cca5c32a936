"""Options of the `nightdesk/seo` plugin."""
from mkdocs.config import config_options as opt
from mkdocs.config.base import Config


class SeoConfig(Config):
    enabled = opt.Type(bool, default=True)
    """Turn off meta descriptions and JSON-LD."""

    json_ld = opt.Type(bool, default=True)
    """schema.org JSON-LD: HowTo for how-to articles (from their numbered steps), FAQPage for FAQs."""
