/* nightdesk service worker (source). The build writes it to the site root as service-worker.js, with a
 * first line `self.NIGHTDESK = {version, precache, complete}` (see nightdesk/core/offline.py).
 *
 * Install: save every precache path in the cache "nightdesk-<version>". Activate: delete older nightdesk
 * caches. Fetch: answer from the cache first (fast on a weak signal, works offline), else from the network,
 * saving the answer so a page opened once works offline next time.
 */
"use strict";
var settings = self.NIGHTDESK;
var CACHE = "nightdesk-" + settings.version;

self.addEventListener("install", function (event) {
  event.waitUntil(caches.open(CACHE).then(function (cache) {
    return cache.addAll(settings.precache.map(function (path) { return new Request(path, { cache: "reload" }); }));
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

var OFFLINE_PAGE = "<!doctype html><meta charset=utf-8><meta name=viewport content='width=device-width,initial-scale=1'>" +
  "<title>Offline</title><body style='font-family:system-ui,sans-serif;max-width:32rem;margin:2rem auto;padding:0 1rem'>" +
  "<h1>You're offline</h1><p>This page hasn't been saved on this device yet. Pages you've opened before, " +
  "and the search, still work.</p><p><a href='" + self.registration.scope + "index.html'>Go to the help centre's home page</a></p>";

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  var key = cacheKey(request.url);
  event.respondWith(caches.open(CACHE).then(function (cache) {
    return cache.match(key).then(function (saved) {
      if (saved) return saved;
      return fetch(request).then(function (response) {
        if (response.ok && response.type === "basic") cache.put(key, response.clone());
        return response;
      }, function () {
        if (request.mode !== "navigate") return Response.error();
        return new Response(OFFLINE_PAGE, { headers: { "Content-Type": "text/html; charset=utf-8" } });
      });
    });
  }));
});

// offline.js asks whether the whole site is saved, to word its "available offline" note honestly.
self.addEventListener("message", function (event) {
  if (event.data === "nightdesk:status" && event.source) {
    event.source.postMessage({ type: "nightdesk:status", complete: settings.complete, version: settings.version });
  }
});
