/* nightdesk support box: says whether support is open right now, in the business's time zone.
 *
 * Reads the page's #nd-support-data (written at build from nightdesk/support's settings) and fills every
 * [data-nd-support] box: "We're open until 18:00" or "We're closed. Back Monday at 8:00 (9:00 your
 * time)", hides channels nobody answers now, and pre-fills the "Email us" link. Times are computed with
 * Intl.DateTimeFormat in the business's zone, so daylight-saving changes are handled by the browser.
 * Every sentence comes from the site's catalog (i18n.js), day names from Intl in the site's language.
 *
 * Public: window.nightdesk.support.render(element, {query}) puts a fresh support box into `element`
 * (e.g. on a search with no results; the email then names the search).
 */
(function () {
  "use strict";
  var dataElement = document.getElementById("nd-support-data");
  if (!dataElement) return;
  var data = JSON.parse(dataElement.textContent);
  var settings = data.support;
  var i18n = window.nightdesk.i18n;
  var t = i18n.t;
  var DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
  var SHORT = { Mon: 0, Tue: 1, Wed: 2, Thu: 3, Fri: 4, Sat: 5, Sun: 6 };
  var LOOK_AHEAD_DAYS = 14;

  // The wall-clock date and time at `ms` in `timeZone` (undefined: the reader's own zone).
  function wallClock(ms, timeZone) {
    var parts = {};
    new Intl.DateTimeFormat("en-US", {
      timeZone: timeZone, hourCycle: "h23", weekday: "short",
      year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric"
    }).formatToParts(new Date(ms)).forEach(function (p) { parts[p.type] = p.value; });
    return { year: +parts.year, month: +parts.month, day: +parts.day, weekday: SHORT[parts.weekday],
             minutes: +parts.hour * 60 + +parts.minute };
  }

  // The instant when the business's clock shows `minutes` on that date (two passes settle DST changes).
  function instantAt(year, month, day, minutes) {
    var guess = Date.UTC(year, month - 1, day, 0, minutes);
    var ms = guess;
    for (var i = 0; i < 2; i++) {
      var shown = wallClock(ms, settings.timezone);
      ms += guess - Date.UTC(shown.year, shown.month - 1, shown.day, 0, shown.minutes);
    }
    return ms;
  }

  function closedDay(date) {
    return settings.closed.filter(function (c) {
      return c.month === date.month && c.day === date.day && (c.year === null || c.year === date.year);
    })[0] || null;
  }

  // Opening ranges of one date for a week of hours; closed dates count only for business hours.
  function rangesOn(week, followsHours, date) {
    if (followsHours && closedDay(date)) return [];
    return week[DAYS[date.weekday]] || [];
  }

  function addDays(date, n) {
    var d = new Date(Date.UTC(date.year, date.month - 1, date.day + n));
    return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), weekday: (d.getUTCDay() + 6) % 7 };
  }

  // {open, until} when open now, else {open: false, next: {date, minutes, offset}} (next may be null).
  function statusOf(week, followsHours, now) {
    if (!week) return { open: true, until: null };
    var today = wallClock(now, settings.timezone);
    for (var offset = 0; offset <= LOOK_AHEAD_DAYS; offset++) {
      var date = offset ? addDays(today, offset) : today;
      var ranges = rangesOn(week, followsHours, date);
      for (var i = 0; i < ranges.length; i++) {
        var start = ranges[i][0], end = ranges[i][1];
        if (offset === 0 && start <= today.minutes && today.minutes < end) return { open: true, until: end };
        if (offset > 0 || start > today.minutes) return { open: false, next: { date: date, minutes: start, offset: offset } };
      }
    }
    return { open: false, next: null };
  }

  function clockText(minutes) {
    var hour = Math.floor(minutes / 60) % 24, minute = minutes % 60, mm = (minute < 10 ? "0" : "") + minute;
    if (settings.clock === "24h") return (minutes === 1440 ? 24 : hour) + ":" + mm;
    var h12 = hour % 12 || 12, suffix = hour < 12 ? "am" : "pm";
    return minute ? h12 + ":" + mm + " " + suffix : h12 + " " + suffix;
  }

  // " (9:00 your time)" when the reader's clock shows something else at that instant.
  function yourTime(date, minutes) {
    var mine = wallClock(instantAt(date.year, date.month, date.day, minutes));
    if (mine.minutes === minutes % 1440 && mine.day === date.day) return "";
    if (mine.day === date.day) return t("support.your_time", { time: clockText(mine.minutes) });
    return t("support.your_day_time", { day: i18n.dayName(mine.weekday), time: clockText(mine.minutes) });
  }

  function statusText(now) {
    var status = statusOf(settings.week, true, now);
    var today = wallClock(now, settings.timezone);
    if (status.open) {
      return t("support.open_until", { time: clockText(status.until), your_time: yourTime(today, status.until) });
    }
    var holiday = closedDay(today);
    var text = !holiday ? t("support.closed_now")
      : holiday.name ? t("support.closed_today_named", { name: holiday.name }) : t("support.closed_today");
    if (status.next) {
      var next = status.next;
      var when = { time: clockText(next.minutes), your_time: yourTime(next.date, next.minutes),
                   day: i18n.dayName(next.date.weekday) };
      text += " " + t(next.offset === 0 ? "support.back_today" : next.offset === 1 ? "support.back_tomorrow"
                                        : "support.back_on", when);
    }
    return text;
  }

  function emailLink(address, query, topic) {
    var subject, body;
    if (query) {
      subject = t("support.email_subject_search", { query: query });
      body = t("support.email_body_search", { query: query });
    } else {
      subject = t("support.email_subject_topic", { topic: topic });
      body = t("support.email_body_topic", { topic: topic, url: location.href });
    }
    return "mailto:" + address + "?subject=" + encodeURIComponent(subject) + "&body=" + encodeURIComponent(body);
  }

  function update(box, query) {
    var now = Date.now();
    var open = statusOf(settings.week, true, now).open;
    var anyoneNow = false;
    Array.prototype.forEach.call(box.querySelectorAll("[data-nd-channel]"), function (item) {
      var channel = settings.channels[+item.getAttribute("data-nd-channel")];
      var available = statusOf(channel.week, channel.hours, now).open;
      anyoneNow = anyoneNow || available;
      item.hidden = !available;
      var email = item.querySelector("[data-nd-email]");
      if (email) email.href = emailLink(email.getAttribute("data-nd-email"), query, box.getAttribute("data-nd-topic"));
    });
    box.classList.toggle("nd-support--closed", !open);
    box.querySelector("[data-nd-support-status]").textContent = statusText(now) + (!open && anyoneNow ? " " + t("support.meanwhile") : "");
  }

  function render(element, options) {
    var template = document.getElementById("nd-support-box");
    if (!template || !element) return null;
    var box = template.content.firstElementChild.cloneNode(true);
    var query = (options && options.query) || "";
    box.setAttribute("data-nd-query", query);
    element.textContent = "";
    element.appendChild(box);
    update(box, query);
    return box;
  }

  function updateAll() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-nd-support]"), function (box) {
      update(box, box.getAttribute("data-nd-query") || "");
    });
  }

  window.nightdesk = window.nightdesk || {};
  window.nightdesk.support = { render: render, statusText: statusText };
  updateAll();
  setInterval(updateAll, 60 * 1000);  // a page left open past closing time should say so
})();
