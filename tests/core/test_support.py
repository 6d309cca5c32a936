"""The business-hours model: what the author configures, what a reader sees without JavaScript."""
import datetime as dt

import pytest

from nightdesk.core.support import email_href, format_time, read_closed_day, read_ranges, read_support, read_week

SAMPLE = dict(
    timezone="Europe/London",
    hours={"mon-fri": "08:00-18:00", "sat": "09:00-13:00"},
    closed=["12-25 Christmas Day", dt.date(2026, 4, 3)],
    channels=[{"kind": "phone", "value": "0161 496 0000"},
              {"kind": "email", "value": "help@example.com"},
              {"kind": "emergency", "value": "+44 161 496 0999", "available": {"daily": "07:00-22:00"}},
              {"kind": "status", "value": "https://status.example.com/"}],
)


def test_weekly_hours_are_grouped_for_the_no_javascript_text():
    support = read_support(**SAMPLE)
    assert support.hours_text() == "Mon–Fri 8:00–18:00, Sat 9:00–13:00"
    assert support.zone_label == "London time"
    assert support.closed_text() == "25 Dec, 3 Apr 2026"


def test_twelve_hour_clock_and_a_lunch_break():
    support = read_support(timezone="America/New_York", hours={"mon": "08:30-12:00, 13:00-17:00"}, clock="12h")
    assert support.hours_text() == "Mon 8:30 am–12 pm, 1 pm–5 pm"
    assert format_time(0, "12h") == "12 am" and format_time(1080, "24h") == "18:00"


def test_channels_get_links_and_sensible_default_availability():
    phone, email, emergency, status = read_support(**SAMPLE).channels
    assert phone.href == "tel:01614960000" and phone.follows_hours and phone.label == "Call us"
    assert email.href == "mailto:help@example.com" and email.week is None  # email can be sent any time
    assert emergency.href == "tel:+441614960999" and not emergency.follows_hours
    assert status.href == "https://status.example.com/" and status.label == "Service status"
    assert read_support(**SAMPLE).availability_text(emergency) == "Every day 7:00–22:00"


def test_browser_data_has_every_day_closed_dates_and_channel_hours():
    data = read_support(**SAMPLE).to_json()
    assert data["timezone"] == "Europe/London"
    assert data["week"]["mon"] == [[480, 1080]] and data["week"]["sun"] == []
    assert {"year": None, "month": 12, "day": 25, "name": "Christmas Day"} in data["closed"]
    assert data["channels"][0] == {"kind": "phone", "week": data["week"], "hours": True}
    assert data["channels"][1]["week"] is None


@pytest.mark.parametrize("value, expected", [
    ("12-25", (12, 25, None, "")), ("2026-04-03 Good Friday", (4, 3, 2026, "Good Friday")),
    (dt.date(2027, 1, 1), (1, 1, 2027, "")), ("02-29", (2, 29, None, "")),
])
def test_closed_days(value, expected):
    day = read_closed_day(value)
    assert (day.month, day.day, day.year, day.name) == expected


@pytest.mark.parametrize("call, message", [
    (lambda: read_support(timezone="Mars/Olympus", hours={}), "not a time zone name"),
    (lambda: read_ranges("8-18", "hours.mon"), "hours.mon: '8-18' is not opening hours like 08:00-18:00"),
    (lambda: read_ranges("18:00-08:00", "hours.mon"), "must start before it ends"),
    (lambda: read_week({"monday": "08:00-18:00"}, "hours"), "'monday' is not a weekday"),
    (lambda: read_week({"fri-mon": "08:00-18:00"}, "hours"), "runs backwards"),
    (lambda: read_closed_day("25 December"), "not a date like 2026-12-25"),
    (lambda: read_closed_day("02-30"), "not a real date"),
    (lambda: read_support(timezone="UTC", hours={}, channels=[{"kind": "fax", "value": "1"}]), "channels[0].kind"),
    (lambda: read_support(timezone="UTC", hours={}, channels=[{"kind": "chat", "value": "chat.example"}]), "https://"),
    (lambda: read_support(timezone="UTC", hours={}, channels=[{"kind": "phone", "value": "1", "available": "weekdays"}]),
     "channels[0].available"),
])
def test_mistakes_are_explained(call, message):
    with pytest.raises(ValueError, match=None) as error:
        call()
    assert message in str(error.value)


def test_closed_day_and_24_00_are_understood():
    assert read_week({"sun": "closed", "sat": "00:00-24:00"}, "hours") == {"sun": (), "sat": ((0, 1440),)}


def test_email_link_prefills_subject_and_body():
    href = email_href("help@example.com", "Couldn't find: vat", 'I searched for "vat".\n')
    assert href == "mailto:help@example.com?subject=Couldn%27t%20find%3A%20vat&body=I%20searched%20for%20%22vat%22.%0A"
