"""Options of the `nightdesk/support` plugin, validated once by MkDocs (hours and dates by nightdesk.core.support)."""
import datetime as dt

from mkdocs.config import config_options as opt
from mkdocs.config.base import Config

from nightdesk.core.support import CHANNEL_KINDS, CLOCKS
from nightdesk.mkdocs.options import SafeURL


class ChannelConfig(Config):
    kind = opt.Choice(CHANNEL_KINDS)
    """phone, email, chat, status (a status page) or emergency (e.g. a line for card-reader outages)."""

    value = opt.Type(str)
    """The phone number, email address, or web address (chat, status page)."""

    label = opt.Optional(opt.Type(str))
    """Link text; default e.g. "Call us", "Email us", "Service status"."""

    note = opt.Optional(opt.Type(str))
    """A short line under the channel, e.g. "We reply the next working day."."""

    available = opt.Optional(opt.Type((str, dict)))
    """`hours` (business hours and closed dates), `always`, or its own hours per day like `hours`.
    Default: `hours` for phone and chat, `always` for the others."""


class SupportConfig(Config):
    enabled = opt.Type(bool, default=True)
    """Turn the support box and feedback off."""

    timezone = opt.Type(str)
    """The business's time zone, e.g. Europe/London; opening times are in this zone all year (DST included)."""

    zone_label = opt.Optional(opt.Type(str))
    """How readers know the zone, e.g. "UK time"; default from the zone name ("London time")."""

    hours = opt.DictOfItems(opt.Type(str), default={})
    """Opening hours per weekday: `mon-fri: "08:00-18:00"`, `sat: "09:00-13:00"`, `"08:00-12:00, 13:00-17:00"`
    for a lunch break. A day left out is closed."""

    closed = opt.ListOfItems(opt.Type((str, dt.date)), default=[])
    """Days without support: a date (2026-04-03) or a yearly day ("12-25"), optionally named: "12-25 Christmas Day"."""

    channels = opt.ListOfItems(opt.SubConfig(ChannelConfig), default=[])
    """Ways to reach support, in the order shown."""

    clock = opt.Choice(CLOCKS, default="24h")
    """How times are written: 24h ("18:00") or 12h ("6 pm")."""

    title = opt.Optional(opt.Type(str))
    """Heading of the support box; default "Still need help?" in the site's language."""

    feedback_endpoint = opt.Optional(SafeURL(schemes=("https", "http")))
    """Where votes, comments and searches with no results are POSTed as JSON (a form backend or webhook).
    Not set: nothing is sent, and the follow-up question is not asked."""

    feedback_question = opt.Optional(opt.Type(str))
    """The question under every article; default "Did this answer your question?" in the site's language."""

    feedback_follow_up = opt.Optional(opt.Type(str))
    """The one optional question asked after "No"; default "What were you looking for?" in the site's language."""
