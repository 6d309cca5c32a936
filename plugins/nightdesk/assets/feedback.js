/* nightdesk feedback: "Did this answer your question?" and the records behind it.
 *
 * Votes, comments and searches with no results are POSTed as JSON to the endpoint set in nightdesk/support
 * (nothing at all is sent or stored when none is set). No cookies, no third party.
 *
 * Never lost: each record (capped in size, so none can be too big to send) gets an id and waits in
 * localStorage until the endpoint answers 2xx; a record made offline or while the endpoint is down is sent
 * later (the `online` event, the next page load). A record the endpoint refuses (4xx) is dropped with a
 * console warning, and records older than MAX_AGE_DAYS are dropped, so no record blocks the queue. When
 * the browser keeps nothing (storage full or disabled), the record is sent at once and the page says
 * honestly whether it arrived.
 * A page that finds another page sending (a tab, or the page just left, still holding the lock) tries
 * again a little later, waiting longer each time up to RETRY_MAX_MS, while records wait.
 * Never twice: one sender at a time across tabs (Web Locks, else a lease in localStorage with a
 * timestamp), each record is re-read from storage just before it is sent, and a record still in flight
 * when the page goes away is left to its keepalive request rather than sent again by the next page.
 * What is read back from storage is validated: anything that is not a list of records is ignored.
 *
 * Public: window.nightdesk.feedback.send({type: "search", query: "...", results: 0}) -> true when kept
 * for sending (false: no endpoint, or nothing could keep it).
 */
(function () {
  "use strict";
  var dataElement = document.getElementById("nd-support-data");
  if (!dataElement) return;
  var data = JSON.parse(dataElement.textContent);
  var endpoint = data.endpoint;
  var t = window.nightdesk.i18n.t;  // texts from the site's catalog (i18n.js)
  var QUEUE_KEY = "nightdesk.feedback.queue";
  var LEASE_KEY = "nightdesk.feedback.lease";
  var LEASE_MS = 15000;  // a sender that vanished (tab closed mid-send) frees the queue after this long
  var MAX_QUEUE = 100;  // oldest records give way first when a browser stays offline for months
  var MAX_AGE_DAYS = 30;
  var RETRY_FIRST_MS = 1000;
  var RETRY_MAX_MS = 30000;
  var TEXT_LIMITS = { query: 200, comment: 1000, title: 300, article: 500, page: 500, vote: 10, type: 20 };
  var me = Math.random().toString(36).slice(2);  // this page, as a lease owner
  var inFlight = {};  // id -> true while its POST has not answered
  var flushing = false;
  var retryMs = 0, retryTimer = null;
  var leaving = false;  // after pagehide: whatever is still queued is the next page's to send

  function storage() {
    try { return window.localStorage || null; } catch (e) { return null; }  // blocked cookies throw here
  }

  function isRecord(r) {
    return r !== null && typeof r === "object" && !Array.isArray(r) && typeof r.id === "string" &&
      typeof r.type === "string" && r.id.length <= 64;
  }

  function readQueue() {
    var store = storage(), parsed = null;
    try { parsed = JSON.parse(store && store.getItem(QUEUE_KEY) || "[]"); } catch (e) { parsed = null; }
    // Anything else on the same origin may have written here ({} , null, 5, [null]): keep only records.
    return Array.isArray(parsed) ? parsed.filter(isRecord) : [];
  }

  function writeQueue(queue) {
    var store = storage();
    if (!store) return false;
    var seen = {}, unique = queue.filter(function (r) { return !seen[r.id] && (seen[r.id] = true); });
    try { store.setItem(QUEUE_KEY, JSON.stringify(unique.slice(-MAX_QUEUE))); return true; } catch (e) { return false; }
  }

  function newId() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    return Date.now().toString(36) + "-" + Math.random().toString(36).slice(2);
  }

  // Only plain fields, each cut to its limit: no record can grow past a few kilobytes.
  function capped(record) {
    var out = {};
    Object.keys(record).forEach(function (key) {
      var value = record[key];
      if (typeof value === "string") out[key] = value.slice(0, TEXT_LIMITS[key] || 200);
      else if (typeof value === "number" || typeof value === "boolean" || value === null) out[key] = value;
    });
    return out;
  }

  // Keep the record for sending; true when it is safely stored (or sent), false when nothing could keep it.
  function send(record, onSent) {
    if (!endpoint) return false;
    record = capped(record);
    record.id = newId();
    record.at = new Date().toISOString();
    record.page = record.page || data.page;
    var kept = writeQueue(readQueue().concat([record]));
    if (!kept) {
      // Nowhere to keep it: try once now, and tell the caller how it went.
      post(record).then(function (done) { if (onSent) onSent(done); });
      return false;
    }
    flush();
    return record.id;
  }

  function post(record) {
    inFlight[record.id] = true;
    return fetch(endpoint, {
      method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(record),
      credentials: "omit", cache: "no-store", keepalive: true
    }).then(function (response) {
      // A 4xx other than timeout / too-many-requests will not change on retry: drop it rather than block the queue.
      var refused = response.status >= 400 && response.status < 500 && response.status !== 408 && response.status !== 429;
      if (refused) console.warn("nightdesk feedback: the endpoint refused a record (" + response.status + ")");
      return response.ok || refused;
    }, function () { return false; }).then(function (done) {
      delete inFlight[record.id];
      return done;
    });
  }

  function tooOld(record) {
    var at = Date.parse(record.at);
    return !isNaN(at) && Date.now() - at > MAX_AGE_DAYS * 864e5;
  }

  function remove(id) {
    writeQueue(readQueue().filter(function (r) { return r.id !== id; }));
  }

  // Send queued records oldest first; stop at the first network failure and keep the rest for later.
  function drain(stillOwner) {
    // A send started after pagehide would not be taken out of the queue: the next page would send it again.
    if (leaving || !stillOwner()) return Promise.resolve();
    var record = readQueue()[0];  // re-read each time: another tab may have changed the queue
    if (!record || navigator.onLine === false) return Promise.resolve();
    if (tooOld(record)) { remove(record.id); return drain(stillOwner); }
    return post(record).then(function (done) {
      if (!done) return;
      remove(record.id);
      return drain(stillOwner);
    });
  }

  // Without Web Locks (http:// origins, older browsers): a lease in localStorage, written, then read back
  // after a moment, so of two tabs starting together only the last writer sends. Tabs in other processes
  // see a write late (Chromium passes it through the browser process), so the lease must read as ours
  // twice, far enough apart for the other tab's write to arrive; feedback can wait a second.
  function withLease(work) {
    var store = storage();
    if (!store) return work(function () { return true; });
    function lease() { try { return JSON.parse(store.getItem(LEASE_KEY) || "null"); } catch (e) { return null; } }
    function mine() { var l = lease(); return !!l && l.owner === me && l.until > Date.now(); }
    function take() {
      try { store.setItem(LEASE_KEY, JSON.stringify({ owner: me, until: Date.now() + LEASE_MS })); } catch (e) { /* full */ }
    }
    var current = lease();
    if (current && current.owner !== me && typeof current.until === "number" && current.until > Date.now() &&
        current.until < Date.now() + 2 * LEASE_MS) return Promise.resolve();
    take();
    function settle() { return new Promise(function (resolve) { setTimeout(resolve, 300 + Math.random() * 300); }); }
    return settle().then(function () { return mine() && settle(); }).then(function () {
      if (!mine()) return;
      var renew = setInterval(function () { if (mine()) take(); }, LEASE_MS / 3);
      return work(mine).then(function () {
        clearInterval(renew);
        if (mine()) { try { store.removeItem(LEASE_KEY); } catch (e) { /* ignore */ } }
      }, function () { clearInterval(renew); });
    });
  }

  function flush() {
    if (!endpoint || flushing) return Promise.resolve();
    flushing = true;
    var run = navigator.locks
      ? navigator.locks.request("nightdesk-feedback", { ifAvailable: true }, function (lock) {
        return lock && drain(function () { return true; });
      })
      : withLease(drain);
    function done() { flushing = false; retryIfWaiting(); }
    return run.then(done, done);
  }

  // Records still queued after a flush: another page held the lock (or the lease), or the endpoint did not
  // answer. Without this they would wait for the next page load, which may never come.
  function retryIfWaiting() {
    if (retryTimer || leaving) return;
    if (!readQueue().length) { retryMs = 0; return; }
    retryMs = Math.min(retryMs ? retryMs * 2 : RETRY_FIRST_MS, RETRY_MAX_MS);
    retryTimer = setTimeout(function () { retryTimer = null; flush(); }, retryMs);
  }

  // Leaving while a POST is in flight: its keepalive request goes on without this page, so the record
  // must not wait in the queue to be sent a second time by the next page.
  window.addEventListener("pagehide", function () {
    leaving = true;
    var ids = Object.keys(inFlight);
    if (ids.length) writeQueue(readQueue().filter(function (r) { return !inFlight[r.id]; }));
  });
  window.addEventListener("pageshow", function (event) {
    if (event.persisted) { leaving = false; flush(); }  // back from the back/forward cache
  });

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
      var thanks = helped ? t("feedback.thanks") : t("feedback.sorry") + (form ? "" : " " + t("feedback.reach_below"));
      var kept = send(record, function (sent) {
        if (sent) return say(section, thanks);
        votes.hidden = false;  // the buttons keep working: the reader can try again
        if (form) form.hidden = true;
        say(section, t("feedback.not_kept"));
      });
      voteId = kept || null;
      votes.hidden = true;
      if (!endpoint || kept) say(section, thanks + (helped ? saved() : ""));
      else say(section, t("feedback.sending"));
      if (!helped && form) { form.hidden = false; form.querySelector("textarea").focus(); }
    });
    if (form) form.addEventListener("submit", function (event) {
      event.preventDefault();
      var comment = form.querySelector("textarea").value.trim();
      form.hidden = true;
      if (!comment) return say(section, t("feedback.thanks_no_comment"));
      var done = t("feedback.thanks_comment");
      var kept = send({ type: "comment", vote_id: voteId, comment: comment, article: data.article, title: data.title },
        function (sent) { say(section, sent ? done + " " + t("feedback.for_an_answer") : t("feedback.not_kept")); });
      say(section, kept ? done + saved() + " " + t("feedback.for_an_answer") : t("feedback.sending"));
    });
  }

  window.nightdesk = window.nightdesk || {};
  window.nightdesk.feedback = { send: function (record) { return !!send(record); }, flush: flush };
  Array.prototype.forEach.call(document.querySelectorAll("[data-nd-feedback]"), setUp);
  window.addEventListener("online", flush);
  flush();  // records left from an earlier visit
})();
