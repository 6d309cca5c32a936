"""When support is open and how to reach it: business hours, closed dates and contact channels.

Read once from configuration (ValueError with a message for the author when something is wrong). The
browser decides "open now?" from `to_json()` in the business's time zone (support.js); this module also
writes the plain weekly hours that a page shows without JavaScript.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from nightdesk.i18n import Catalog

from .safe import check_url

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
CHANNEL_KINDS = ("phone", "email", "chat", "status", "emergency")
# Phone and chat need a person at the other end; an email, a status page or an emergency line do not.
DEFAULT_AVAILABILITY = {"phone": "hours", "chat": "hours", "email": "always", "status": "always", "emergency": "always"}
CLOCKS = ("24h", "12h")

_EMAIL = re.compile(r"^[^@\s<>\"'?&:/]+@[^@\s<>\"'?&:/]+$")
_RANGE = re.compile(r"^(\d{1,2}):(\d{2})\s*[-–]\s*(\d{1,2}):(\d{2})$")
_CLOSED = re.compile(r"^(?:(\d{4})-)?(\d{1,2})-(\d{1,2})(?:\s+(.+))?$")

Ranges = tuple[tuple[int, int], ...]
"""Opening times of one day as (start, end) minutes after midnight, e.g. ((480, 1080),) for 8:00-18:00."""
Week = dict[str, Ranges]


@dataclass(frozen=True)
class ClosedDay:
    month: int
    day: int
    year: int | None = None  # None: every year
    name: str = ""


@dataclass(frozen=True)
class Channel:
    kind: str  # one of CHANNEL_KINDS
    value: str  # phone number, email address or URL
    label: str
    note: str = ""  # e.g. "We reply the next working day."
    week: Week | None = None  # None: any time; closed dates only apply to channels that follow business hours
    follows_hours: bool = False

    @property
    def href(self) -> str:
        if self.value.startswith(("http://", "https://")):
            return self.value
        if self.kind == "email":
            return f"mailto:{self.value}"
        return "tel:" + re.sub(r"[^\d+]", "", self.value)


@dataclass
class Support:
    timezone: str
    week: Week
    closed: list[ClosedDay] = field(default_factory=list)
    channels: list[Channel] = field(default_factory=list)
    clock: str = "24h"
    zone_label: str = ""  # "London time"
    catalog: Catalog = field(default_factory=lambda: Catalog.for_language("en"), repr=False)

    def hours_text(self, week: Week | None = None) -> str:
        """'Mon–Fri 8:00–18:00, Sat 9:00–13:00' (days with the same hours grouped)."""
        week = self.week if week is None else week
        groups: list[tuple[int, int, Ranges]] = []
        for index, day in enumerate(WEEKDAYS):
            ranges = week.get(day, ())
            if groups and groups[-1][2] == ranges and groups[-1][1] == index - 1:
                groups[-1] = (groups[-1][0], index, ranges)
            else:
                groups.append((index, index, ranges))
        parts = []
        day_names = self.catalog.day_names()
        for first, last, ranges in groups:
            if not ranges:
                continue
            days = day_names[first] if first == last else f"{day_names[first]}–{day_names[last]}"
            days = self.catalog.text("support.every_day") if (first, last) == (0, 6) else days
            parts.append(f"{days} {', '.join(self.range_text(r) for r in ranges)}")
        return ", ".join(parts) or self.catalog.text("support.no_hours")

    def range_text(self, opening: tuple[int, int]) -> str:
        return f"{format_time(opening[0], self.clock)}–{format_time(opening[1], self.clock)}"

    def closed_text(self) -> str:
        """'25 Dec, 26 Dec 2026' for the no-JavaScript hours (in the site's language)."""
        return ", ".join(self.catalog.day_month(c.month, c.day, c.year) for c in self.closed)

    def availability_text(self, channel: Channel) -> str:
        if channel.week is None:
            return self.catalog.text("support.any_time")
        return self.hours_text(channel.week)

    def to_json(self) -> dict[str, Any]:
        """What support.js needs to say "open until …" or "back Monday …" in the reader's browser."""
        return {
            "timezone": self.timezone, "zoneLabel": self.zone_label, "clock": self.clock,
            "week": {day: [list(r) for r in self.week.get(day, ())] for day in WEEKDAYS},
            "closed": [{"year": c.year, "month": c.month, "day": c.day, "name": c.name} for c in self.closed],
            "channels": [{"kind": c.kind, "week": _week_json(c.week), "hours": c.follows_hours} for c in self.channels],
        }


def read_support(*, timezone: str, hours: dict[str, Any], closed: list[Any] | None = None,
                 channels: list[dict[str, Any]] | None = None, clock: str = "24h",
                 zone_label: str | None = None, catalog: Catalog | None = None) -> Support:
    """Build the model from plain configuration values; raises ValueError naming the bad value."""
    try:
        ZoneInfo(timezone)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(f"timezone: '{timezone}' is not a time zone name like Europe/London") from None
    if clock not in CLOCKS:
        raise ValueError(f"clock: expected one of {', '.join(CLOCKS)}, got '{clock}'")
    catalog = catalog or Catalog.for_language("en")
    week = read_week(hours, "hours")
    city = timezone.rsplit("/", 1)[-1].replace("_", " ")
    support = Support(timezone=timezone, week=week, clock=clock, catalog=catalog,
                      closed=[read_closed_day(item) for item in closed or []],
                      zone_label=zone_label or catalog.text("support.zone", city=city))
    support.channels = [read_channel(item, week, f"channels[{i}]", catalog) for i, item in enumerate(channels or [])]
    return support


def read_week(hours: dict[str, Any], where: str) -> Week:
    """{'mon-fri': '08:00-18:00', 'sat': '09:00-13:00'}; a day left out, or 'closed', is closed."""
    if not isinstance(hours, dict):
        raise ValueError(f"{where}: expected hours per day, like mon-fri: 08:00-18:00")
    week: Week = {}
    given_in: dict[str, str] = {}
    for key, value in hours.items():
        days = _days(str(key).strip().lower(), where)
        ranges = read_ranges(value, f"{where}.{key}")
        for day in days:
            if day in given_in:  # "mon-fri" and "mon": the later one would silently win
                raise ValueError(f"{where}: {day} is given twice (in '{given_in[day]}' and '{key}'); "
                                 "give each day once")
            given_in[day] = str(key)
            week[day] = ranges
    return week


def read_ranges(value: Any, where: str) -> Ranges:
    """'08:00-12:00, 13:00-17:30' -> ((480, 720), (780, 1050)); 'closed' -> ()."""
    text = str(value).strip().lower()
    if text in ("", "closed", "none"):
        return ()
    ranges = []
    for part in text.split(","):
        match = _RANGE.match(part.strip())
        if not match:
            raise ValueError(f"{where}: '{part.strip()}' is not opening hours like 08:00-18:00")
        h1, m1, h2, m2 = (int(g) for g in match.groups())
        start, end = h1 * 60 + m1, h2 * 60 + m2
        if not (h1 < 24 and m1 < 60 and h2 <= 24 and m2 < 60 and start < end <= 24 * 60):
            raise ValueError(f"{where}: '{part.strip()}' must start before it ends, within one day (up to 24:00)")
        ranges.append((start, end))
    ranges.sort()
    for (_, end), (start, _) in zip(ranges, ranges[1:]):
        if start < end:
            raise ValueError(f"{where}: '{value}' has opening times that overlap; "
                             "list each time once, like 08:00-12:00, 13:00-17:00")
    return tuple(ranges)


def read_closed_day(value: Any) -> ClosedDay:
    """A date (2026-12-25), a yearly day ('12-25'), either optionally followed by a name ('12-25 Christmas Day')."""
    if isinstance(value, dt.date):
        return ClosedDay(value.month, value.day, value.year)
    match = _CLOSED.match(str(value).strip())
    if not match:
        raise ValueError(f"closed: '{value}' is not a date like 2026-12-25 or a yearly day like '12-25 Christmas Day'")
    year, month, day, name = match.groups()
    try:
        dt.date(int(year or 2000), int(month), int(day))  # 2000: a leap year, so 02-29 is allowed yearly
    except ValueError:
        raise ValueError(f"closed: '{value}' is not a real date") from None
    return ClosedDay(int(month), int(day), int(year) if year else None, (name or "").strip())


def read_channel(item: dict[str, Any], week: Week, where: str, catalog: Catalog | None = None) -> Channel:
    kind, value = item.get("kind"), str(item.get("value") or "").strip()
    if kind not in CHANNEL_KINDS:
        raise ValueError(f"{where}.kind: expected one of {', '.join(CHANNEL_KINDS)}, got '{kind}'")
    if not value:
        raise ValueError(f"{where}.value: a {kind} channel needs a value (number, address or URL)")
    if kind in ("chat", "status") and not value.startswith(("http://", "https://")):
        raise ValueError(f"{where}.value: a {kind} channel needs a web address starting with https://")
    if kind == "email" and not _EMAIL.match(value):
        raise ValueError(f"{where}.value: '{value}' is not an email address like help@example.com")
    check_url(value if ":" in value else "", f"{where}.value")  # a web address: https/http only, never javascript:
    available = item.get("available") or DEFAULT_AVAILABILITY[kind]
    if available == "hours":
        channel_week, follows = week, True
    elif available == "always":
        channel_week, follows = None, False
    elif isinstance(available, dict):
        channel_week, follows = read_week(available, f"{where}.available"), False
    else:
        raise ValueError(f"{where}.available: expected 'hours', 'always' or hours per day, got '{available}'")
    return Channel(kind=kind, value=value, label=str(item.get("label") or (catalog or Catalog.for_language("en")).text(f"support.channel.{kind}")),
                   note=str(item.get("note") or ""), week=channel_week, follows_hours=follows)


def email_href(address: str, subject: str, body: str) -> str:
    """A mailto: link that opens the reader's mail app with the subject and body already written."""
    return f"mailto:{address}?subject={quote(subject)}&body={quote(body)}"


def format_time(minutes: int, clock: str = "24h") -> str:
    hour, minute = divmod(minutes, 60)
    if clock == "24h":
        return f"{hour}:{minute:02d}"
    suffix = "am" if hour % 24 < 12 else "pm"
    hour12 = hour % 12 or 12
    return f"{hour12} {suffix}" if not minute else f"{hour12}:{minute:02d} {suffix}"


def _days(key: str, where: str) -> list[str]:
    """'mon', 'mon-fri', 'daily' -> weekday keys."""
    if key in ("daily", "every day"):
        return list(WEEKDAYS)
    first, _, last = key.partition("-")
    if first not in WEEKDAYS or (last and last not in WEEKDAYS):
        raise ValueError(f"{where}: '{key}' is not a weekday like mon, or a range like mon-fri")
    start, end = WEEKDAYS.index(first), WEEKDAYS.index(last or first)
    if end < start:
        raise ValueError(f"{where}: '{key}' runs backwards; write the days in order, like mon-fri")
    return list(WEEKDAYS[start:end + 1])


def _week_json(week: Week | None) -> dict[str, list[list[int]]] | None:
    return None if week is None else {day: [list(r) for r in week.get(day, ())] for day in WEEKDAYS}
