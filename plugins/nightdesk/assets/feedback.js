/* nightdesk feedback: "Did this answer your question?" and the records behind it.
 *
 * Votes, comments and searches with no results are POSTed as JSON to the endpoint set in nightdesk/support
 * (nothing at all is sent or stored when none is set). No cookies, no third party. Each record gets an id
 * and waits in localStorage until the endpoint answers 2xx, so a record made offline, or while the
 * endpoint is down, is sent later (on the `online` event or the next page load) and never twice by this
 * browser: only one flush runs at a time, across tabs too (Web Locks). A record the endpoint refuses
 * (4xx) is dropped with a console warning, so one bad record cannot block the rest.
 *
 * Public: window.nightdesk.feedback.send({type: "search", query: "...", results: 0}) -> true when queued.
 */
(function () {
  "use strict";
  var dataElement = document.getElementById("nd-support-data");
  if (!dataElement) return;
  var data = JSON.parse(dataElement.textContent);
  var endpoint = data.endpoint;
  var t = window.nightdesk.i18n.t;  // texts from the site's catalog (i18n.js)
  var QUEUE_KEY = "nightdesk.feedback.queue";
  var memoryQueue = [];  // when localStorage is unavailable (some private modes)
  var flushing = false;

  function readQueue() {
    try { return JSON.parse(localStorage.getItem(QUEUE_KEY) || "[]"); } catch (e) { return memoryQueue.slice(); }
  }

  function writeQueue(queue) {
    memoryQueue = queue;
    try { localStorage.setItem(QUEUE_KEY, JSON.stringify(queue)); } catch (e) { /* kept in memory */ }
  }

  function newId() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    return Date.now().toString(36) + "-" + Math.random().toString(36).slice(2);
  }

  function send(record) {
    if (!endpoint) return false;
    record.id = newId();
    record.at = new Date().toISOString();
    record.page = record.page || data.page;
    writeQueue(readQueue().concat([record]));
    flush();
    return true;
  }

  function post(record) {
    return fetch(endpoint, {
      method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(record),
      credentials: "omit", cache: "no-store", keepalive: true
    }).then(function (response) {
      // A 4xx other than timeout / too-many-requests will not change on retry: drop it rather than block the queue.
      var refused = response.status >= 400 && response.status < 500 && response.status !== 408 && response.status !== 429;
      if (refused) console.warn("nightdesk feedback: the endpoint refused a record (" + response.status + ")");
      return response.ok || refused;
    }, function () { return false; });
  }

  // Send queued records oldest first; stop at the first failure and keep the rest for later.
  function drain() {
    var record = readQueue()[0];
    if (!record || navigator.onLine === false) return Promise.resolve();
    return post(record).then(function (done) {
      if (!done) return;
      writeQueue(readQueue().filter(function (r) { return r.id !== record.id; }));
      return drain();
    });
  }

  function flush() {
    if (!endpoint || flushing) return Promise.resolve();
    flushing = true;
    var run = navigator.locks
      ? navigator.locks.request("nightdesk-feedback", { ifAvailable: true }, function (lock) { return lock && drain(); })
      : drain();
    return run.then(function () { flushing = false; }, function () { flushing = false; });
  }

  function say(section, text) {
    section.querySelector("[data-nd-feedback-status]").textContent = text;
  }

  function saved() {
    return navigator.onLine === false ? " " + t("feedback.offline") : "";
  }

  function setUp(section) {
    var form = section.querySelector("[data-nd-feedback-form]");
    var votes = section.querySelector(".nd-feedback__votes");
    var voteId = null;
    section.hidden = false;
    votes.addEventListener("click", function (event) {
      var button = event.target.closest("[data-nd-vote]");
      if (!button) return;
      var helped = button.getAttribute("data-nd-vote") === "yes";
      var record = { type: "vote", vote: helped ? "yes" : "no", article: data.article, title: data.title };
      send(record);
      voteId = record.id || null;
      votes.hidden = true;
      if (helped) return say(section, t("feedback.thanks") + saved());
      say(section, t("feedback.sorry") + (form ? "" : " " + t("feedback.reach_below")));
      if (form) { form.hidden = false; form.querySelector("textarea").focus(); }
    });
    if (form) form.addEventListener("submit", function (event) {
      event.preventDefault();
      var comment = form.querySelector("textarea").value.trim();
      form.hidden = true;
      if (!comment) return say(section, t("feedback.thanks_no_comment"));
      send({ type: "comment", vote_id: voteId, comment: comment, article: data.article, title: data.title });
      say(section, t("feedback.thanks_comment") + saved() + " " + t("feedback.for_an_answer"));
    });
  }

  window.nightdesk = window.nightdesk || {};
  window.nightdesk.feedback = { send: send, flush: flush };
  Array.prototype.forEach.call(document.querySelectorAll("[data-nd-feedback]"), setUp);
  window.addEventListener("online", flush);
  flush();  // records left from an earlier visit
})();
