/* nightdesk i18n: the reader-facing texts of the site's language for the other scripts.
 *
 * The build writes this file with a first line `window.nightdesk.strings = {language, texts}` taken from
 * nightdesk's catalog (nightdesk/i18n/<language>.yml plus the site's own replacements), so no script holds
 * an English word of its own. Plurals are chosen by Intl.PluralRules, day names come from Intl.
 *
 * Public: window.nightdesk.i18n.t(key, {name: value}) -> text; .html(key, {name: html}) -> HTML with the
 * text escaped and the values inserted as given; .dayName(0..6, Monday first); .language.
 */
(function () {
  "use strict";
  var nd = window.nightdesk = window.nightdesk || {};
  var strings = nd.strings || { language: document.documentElement.lang || "en", texts: {} };
  var language = strings.language;
  var plurals = null;
  try { plurals = new Intl.PluralRules(language); } catch (e) { /* very old browser: "other" */ }

  function escapeHtml(text) {
    return String(text).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }

  // The text of `key`; for a plural, the form for values.count in this language.
  function pattern(key, values) {
    var text = strings.texts[key];
    if (text === undefined) return key;  // a missing text shows its key rather than nothing
    if (typeof text === "string") return text;
    var category = plurals && values && typeof values.count === "number" ? plurals.select(values.count) : "other";
    return text[category] !== undefined ? text[category] : text.other;
  }

  function fill(text, values, escapeValue) {
    return text.replace(/\{(\w+)\}/g, function (whole, name) {
      if (!values || values[name] === undefined) return whole;
      return escapeValue(values[name]);
    });
  }

  function t(key, values) {
    return fill(pattern(key, values), values, String);
  }

  function html(key, values) {
    return fill(escapeHtml(pattern(key, values)), values, String);
  }

  var dayFormat = null;
  try { dayFormat = new Intl.DateTimeFormat(language, { weekday: "long", timeZone: "UTC" }); } catch (e) { /* below */ }

  // 0 = Monday. 1 January 2024 was a Monday.
  function dayName(index) {
    var date = new Date(Date.UTC(2024, 0, 1 + index));
    return dayFormat ? dayFormat.format(date) : date.toUTCString().slice(0, 3);
  }

  nd.i18n = { language: language, t: t, html: html, dayName: dayName, escapeHtml: escapeHtml };
})();
