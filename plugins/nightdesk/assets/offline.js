/* nightdesk offline: registers the service worker (only over http/https: there is none on file://) and
 * shows a small note once the help centre is saved on this device, or that the reader is offline. */
(function () {
  "use strict";
  var note = document.querySelector("[data-nd-offline]");
  var t = window.nightdesk.i18n.t;  // texts from the site's catalog (i18n.js)
  var saved = "";
  // Offline when the browser says so, or when the service worker's network attempt for this page failed
  // (navigator.onLine alone stays true behind captive portals, on flaky data and in some browsers).
  var networkFailed = false;

  function show() {
    if (!note) return;
    var offline = navigator.onLine === false || networkFailed;
    var text = offline ? t("offline.offline") : saved;
    note.textContent = text;
    note.hidden = !text;
  }

  window.addEventListener("online", function () { networkFailed = false; show(); });
  window.addEventListener("offline", show);
  show();
  if (!("serviceWorker" in navigator) || !/^https?:$/.test(location.protocol)) return;

  var root = new URL("../../", document.currentScript.src);  // this file is assets/nightdesk/offline.js

  // Saving the site takes CPU and bandwidth: start only after a few quiet seconds with no search being
  // typed, so the first visit's searches answer as fast as later ones.
  var QUIET_MS = 3000;
  var quietSince = Date.now();
  document.addEventListener("input", function (event) {
    if (event.target && event.target.type === "search") quietSince = Date.now();
  }, true);
  function registerWhenQuiet() {
    var wait = quietSince + QUIET_MS - Date.now();
    if (wait > 0) { setTimeout(registerWhenQuiet, wait); return; }
    navigator.serviceWorker.register(new URL("service-worker.js", root).href).catch(function () {
      /* e.g. a host that serves the site without HTTPS: the site still works online */
    });
  }
  if (document.readyState === "complete") registerWhenQuiet();
  else window.addEventListener("load", function () { quietSince = Date.now(); registerWhenQuiet(); });
  navigator.serviceWorker.addEventListener("message", function (event) {
    if (!event.data || event.data.type !== "nightdesk:status") return;
    networkFailed = event.data.offline === true;
    saved = t(event.data.complete ? "offline.saved_all" : "offline.saved_some");
    show();
  });
  navigator.serviceWorker.startMessages();
  navigator.serviceWorker.ready.then(function (registration) {
    if (registration.active) registration.active.postMessage("nightdesk:status");
  });
})();
