/* nightdesk service worker (source). The build writes it to the site root as service-worker.js, with a
 * first line `self.NIGHTDESK = {version, precache, complete}` (see nightdesk/core/offline.py).
 *
 * Install: save every precache path (percent-encoded URLs) in the cache "nightdesk-<version>", each on its
 * own so one failure never fails the install. Activate: delete older nightdesk
 * caches. Fetch: answer from the cache first (fast on a weak signal, works offline), else from the network,
 * saving the answer so a page opened once works offline next time. A page answered from the cache is also
 * asked of the network in the background: that refreshes the saved copy and is how the worker knows the
 * reader is offline (navigator.onLine is not reliable: it stays true in some browsers, behind captive
 * portals and on flaky mobile data). The page asks "nightdesk:status" and hears whether its own network
 * attempt failed.
 */
"use strict";
var settings = self.NIGHTDESK;
var CACHE = "nightdesk-" + settings.version;

// Each file is saved on its own: one that fails (missing after a deploy, a flaky connection) is fetched
// when first opened instead, and never keeps a new worker, with the new site, from installing.
self.addEventListener("install", function (event) {
  event.waitUntil(caches.open(CACHE).then(function (cache) {
    return Promise.all(settings.precache.map(function (path) {
      return cache.add(new Request(path, { cache: "reload" })).catch(function () { /* saved on first visit */ });
    }));
  }).then(function () { return self.skipWaiting(); }));
});

self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (names) {
    return Promise.all(names.filter(function (name) {
      return name.indexOf("nightdesk-") === 0 && name !== CACHE;
    }).map(function (name) { return caches.delete(name); }));
  }).then(function () { return self.clients.claim(); }));
});

// A folder URL ("/get-paid/") is its index.html; query strings (search.html?q=...) do not change a static file.
function cacheKey(url) {
  var key = new URL(url);
  key.search = "";
  key.hash = "";
  if (key.pathname.slice(-1) === "/") key.pathname += "index.html";
  return key.href;
}

// The page for a page not saved yet, in the site's language (texts from nightdesk's catalog, in settings).
function escapeHtml(text) {
  return String(text || "").replace(/[&<>"']/g, function (c) {
    return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
  });
}
var texts = settings.offlinePage || {};
var OFFLINE_PAGE = "<!doctype html><html lang='" + escapeHtml(texts.lang) + "'><meta charset=utf-8>" +
  "<meta name=viewport content='width=device-width,initial-scale=1'>" +
  "<title>" + escapeHtml(texts.page_title) + "</title>" +
  "<body style='font-family:system-ui,sans-serif;max-width:32rem;margin:2rem auto;padding:0 1rem'>" +
  "<h1>" + escapeHtml(texts.page_heading) + "</h1><p>" + escapeHtml(texts.page_text) + "</p>" +
  "<p><a href='" + escapeHtml(self.registration.scope + "index.html") + "'>" + escapeHtml(texts.page_home) + "</a></p>";

// Outcome of each page's own network attempt, by the id of the window it loads into: a promise of true
// when the network failed. Kept only until the page asks for its status.
var networkFailed = {};

function offlinePage() {
  return new Response(OFFLINE_PAGE, { headers: { "Content-Type": "text/html; charset=utf-8" } });
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  var key = cacheKey(request.url);
  var navigation = request.mode === "navigate";
  function fromNetwork() {
    return fetch(request).then(function (response) {
      if (!response.ok || response.type !== "basic") return response;
      var copy = response.clone();
      return caches.open(CACHE).then(function (cache) { return cache.put(key, copy); })
        .then(function () { return response; }, function () { return response; });  // e.g. storage full
    });
  }
  // A page always asks the network too (in the background when saved), so the worker learns the truth.
  var attempt = navigation ? fromNetwork() : null;
  if (attempt && event.resultingClientId) {
    networkFailed[event.resultingClientId] = attempt.then(function () { return false; }, function () { return true; });
  }
  event.respondWith(caches.open(CACHE).then(function (cache) {
    return cache.match(key);
  }).then(function (saved) {
    if (saved) {
      if (attempt) event.waitUntil(attempt.catch(function () {}));
      return saved;
    }
    return (attempt || fromNetwork()).then(null, function () { return navigation ? offlinePage() : Response.error(); });
  }));
});

// offline.js asks whether the whole site is saved, to word its "available offline" note honestly.
self.addEventListener("message", function (event) {
  if (event.data !== "nightdesk:status" || !event.source) return;
  var client = event.source;
  var failed = networkFailed[client.id] || Promise.resolve(false);
  delete networkFailed[client.id];
  event.waitUntil(failed.then(function (offline) {
    client.postMessage({ type: "nightdesk:status", complete: settings.complete, version: settings.version, offline: offline });
  }));
});
