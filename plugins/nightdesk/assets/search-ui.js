/*
 * nightdesk search boxes: the header box, the big home-page box and search.html.
 * Each is an ARIA 1.2 combobox (input[type=search][role=combobox] controlling a
 * role=listbox of links with role=option). Results update on every
 * keystroke; "/" focuses the box. Ranking lives in search.js (window.nightdesk).
 * No results: the support box (support.js) under the list, and one "search" record for
 * the support team (feedback.js) once the search is finished (the reader left the box or
 * the page). "No good match" (the
 * best article holds fewer than half of the reader's words): the same, with the best
 * partial matches listed under the support box.
 */
(function () {
  "use strict";

  var nd = window.nightdesk;
  if (!nd || !nd.load) return;
  var esc = nd.escapeHtml;
  var t = nd.i18n.t, tHtml = nd.i18n.html;  // texts from the site's catalog (i18n.js)
  // A keyboard hint ("press /") only where there is a keyboard: not on touch screens.
  var hasKeyboard = window.matchMedia && matchMedia("(hover: hover) and (pointer: fine)").matches;
  var DROPDOWN_LIMIT = 6;
  var PAGE_LIMIT = 20;
  var counter = 0;
  var reported = {};  // failed queries already sent from this page view

  function boxMarkup(id, placeholder) {
    return '<form class="nd-search__form" role="search" action="' + esc(nd.siteRoot + "search.html") + '" method="get">' +
      '<label class="nd-visually-hidden" for="' + id + '-input">' + esc(t("search.label")) + '</label>' +
      '<input id="' + id + '-input" class="nd-search__input" type="search" name="q" role="combobox" ' +
      'aria-expanded="false" aria-controls="' + id + '-results" aria-autocomplete="list" ' +
      'autocomplete="off" spellcheck="false" placeholder="' + esc(placeholder) + '">' +
      '<p class="nd-search__status nd-visually-hidden" role="status"></p>' +
      '<div class="nd-search__panel" hidden><p class="nd-search__empty" aria-hidden="true"></p>' +
      '<div id="' + id + '-results" class="nd-search__results" role="listbox" aria-label="' + esc(t("search.results")) + '"></div></div></form>';
  }

  function SearchBox(root, inline) {
    this.root = root;
    this.inline = inline;  // search.html: the list stays open under the box
    this.input = root.querySelector('input[role="combobox"]');
    this.listbox = root.querySelector('[role="listbox"]');
    this.status = root.querySelector('[role="status"]');
    this.panel = root.querySelector(".nd-search__panel");
    this.empty = root.querySelector(".nd-search__empty");
    this.active = -1;
    this.options = [];
    // The support box goes after the listbox, not in it: a listbox may only hold options.
    this.support = document.createElement("div");
    this.support.className = "nd-search__support";
    this.support.hidden = true;
    this.panel.appendChild(this.support);
    var self = this;
    this.input.addEventListener("focus", function () { nd.load(); });
    this.input.addEventListener("input", function () { self.update(); });
    this.input.addEventListener("keydown", function (e) { self.onKey(e); });
    root.addEventListener("focusout", function (e) {
      if (root.contains(e.relatedTarget)) return;
      reportPending();  // the reader left the box: the search they ended on is finished
      if (self.inline) return;
      self.close();
      var toggle = root.querySelector(".nd-search__toggle");  // phones: fold the header box away again
      if (toggle) { root.classList.remove("nd-search--open"); toggle.setAttribute("aria-expanded", "false"); }
    });
    this.panel.addEventListener("mousedown", function (e) { e.preventDefault(); });  // keep focus in the box
  }

  // `settled`: the reader has finished this query (search.html?q=..., Enter on the search page).
  SearchBox.prototype.update = function (settled) {
    var self = this, query = this.input.value;
    this.query = query;
    this.failed = false;
    if (this.inline) setPageQuery(query);
    if (!query.trim()) { this.render(null); return; }
    nd.load().then(function (engine) {
      if (self.query !== query) return;  // a newer keystroke won
      var found = engine.query(query);
      // One letter, or only words like "how do i": wait for more rather than say "no results".
      self.render(found.searchable ? engine : null, found.results, query, found.good);
      self.failed = found.searchable && !found.good;
      pending = self.failed ? self : (pending === self ? null : pending);
      if (self.failed && settled === true) reportFailed(query);
    }, function () {
      self.status.textContent = t("search.unavailable");
    });
  };

  SearchBox.prototype.render = function (engine, results, query, good) {
    this.active = -1;
    this.input.removeAttribute("aria-activedescendant");
    if (!engine) {
      this.support.hidden = true;
      this.listbox.innerHTML = "";
      this.options = [];
      this.status.textContent = "";
      this.root.classList.remove("nd-search--empty");
      this.close();
      return;
    }
    var html = [], limit = this.inline ? PAGE_LIMIT : DROPDOWN_LIMIT, id = this.listbox.id;
    var weak = results.length > 0 && !good;  // "No good match": partial matches under the support box
    if (weak) {
      var suggestion = engine.suggest(query);
      if (suggestion) html.push(suggestOption(id, suggestion));
    }
    results.slice(0, limit).forEach(function (r, i) { html.push(resultOption(engine, r, id + "-" + i)); });
    if (!this.inline && results.length > limit) {
      html.push(option(id + "-all", searchPageUrl(query), '<span class="nd-search__more">' +
        esc(t("search.see_all", { count: results.length })) + "</span>"));
    }
    var support = !good && nd.support ? nd.support.render(this.support, { query: query.trim() }) : null;
    this.support.hidden = !support;
    // The support box goes above partial matches, below the options of an empty search.
    if (weak) this.panel.insertBefore(this.support, this.listbox);
    else this.panel.appendChild(this.support);
    if (!results.length) html.push(zeroResults(engine, query, id));
    this.listbox.innerHTML = html.join("");
    this.options = Array.prototype.slice.call(this.listbox.querySelectorAll('[role="option"]'));
    var shown = query.trim();
    this.status.textContent = weak ? t("search.no_good_match", { query: shown })
      : results.length ? t("search.found", { count: results.length })
      : t("search.no_match", { query: shown });
    this.empty.textContent = weak ? t("search.no_good_match_below", { query: shown })
      : results.length ? "" : t("search.no_match_try", { query: shown });
    this.root.classList.toggle("nd-search--empty", !results.length);
    this.root.classList.toggle("nd-search--weak", weak);
    this.open();
  };

  SearchBox.prototype.open = function () {
    this.panel.hidden = false;
    this.input.setAttribute("aria-expanded", "true");
    this.root.classList.add("nd-search--has-results");
  };

  SearchBox.prototype.close = function () {
    if (this.inline && this.input.value.trim()) return;
    this.panel.hidden = true;
    this.input.setAttribute("aria-expanded", "false");
    this.root.classList.remove("nd-search--has-results");
    this.setActive(-1);
  };

  SearchBox.prototype.setActive = function (i) {
    if (this.options[this.active]) this.options[this.active].setAttribute("aria-selected", "false");
    this.active = i;
    var item = this.options[i];
    if (item) {
      item.setAttribute("aria-selected", "true");
      this.input.setAttribute("aria-activedescendant", item.id);
      item.scrollIntoView({ block: "nearest" });
    } else {
      this.input.removeAttribute("aria-activedescendant");
    }
  };

  SearchBox.prototype.onKey = function (e) {
    var count = this.options.length;
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      if (!count) return;
      e.preventDefault();
      if (this.panel.hidden) this.open();
      var step = e.key === "ArrowDown" ? 1 : -1;
      this.setActive(this.active < 0 ? (step > 0 ? 0 : count - 1) : (this.active + step + count) % count);
    } else if (e.key === "Enter") {
      var chosen = this.options[this.active];
      e.preventDefault();
      if (chosen) window.location.href = chosen.href;
      else if (!this.inline && this.input.value.trim()) window.location.href = searchPageUrl(this.input.value);  // reported there
      else if (this.inline && this.failed && this.query === this.input.value) reportFailed(this.query);
    } else if (e.key === "Escape") {
      if (!this.panel.hidden && !this.inline) { e.preventDefault(); this.close(); }
      else if (this.input.value) { e.preventDefault(); this.input.value = ""; this.update(); }
    }
  };

  // Each option is the link itself (an <a> may take role=option), so nothing
  // interactive sits inside an option; focus stays in the box (tabindex=-1).
  function option(id, href, inner) {
    return '<a role="option" id="' + id + '" aria-selected="false" class="nd-search__option" tabindex="-1" href="' +
      esc(href) + '">' + inner + "</a>";
  }

  function resultOption(engine, r, id) {
    var inner = '<span class="nd-search__title">' + engine.highlight(r.title, r.terms) + "</span>";
    if (r.section) inner += '<span class="nd-search__section">' + tHtml("search.in_section", { section: engine.highlight(r.section, r.terms) }) + "</span>";
    if (r.summary) inner += '<span class="nd-search__summary">' + engine.highlight(r.summary, r.terms) + "</span>";
    if (r.task) inner += '<span class="nd-search__task">' + esc(r.task) + "</span>";
    return option(id, r.url, inner);
  }

  function suggestOption(id, suggestion) {
    return option(id + "-suggest", searchPageUrl(suggestion),
      tHtml("search.did_you_mean", { suggestion: '<strong class="nd-search__suggestion">' + esc(suggestion) + "</strong>" }));
  }

  // No match: "did you mean", every task, and a way to reach a person.
  function zeroResults(engine, query, id) {
    var html = [];
    var suggestion = engine.suggest(query);
    if (suggestion) html.push(suggestOption(id, suggestion));
    Object.keys(engine.tasks).forEach(function (key, i) {
      var t = engine.tasks[key];
      html.push(option(id + "-task-" + i, t.url, '<span class="nd-search__title">' + esc(t.title) + "</span>" +
        (t.description ? '<span class="nd-search__summary">' + esc(t.description) + "</span>" : "")));
    });
    var contact = engine.store.contact;
    if (contact) {
      html.push(option(id + "-contact", contact, '<span class="nd-search__title">' + esc(t("search.contact")) + "</span>" +
        '<span class="nd-search__summary">' + esc(t("search.contact_summary")) + "</span>"));
    }
    return html.join("");
  }

  // A search is finished when the reader leaves the box or the page (or presses Enter), never while
  // typing: "q", "qw", "qwx" are not three failed searches. `pending` is the box whose last query failed.
  var pending = null;
  function reportPending() {
    var box = pending;
    pending = null;
    if (box && box.failed && box.query === box.input.value) reportFailed(box.query);
  }
  window.addEventListener("pagehide", reportPending);
  document.addEventListener("visibilitychange", function () { if (document.visibilityState === "hidden") reportPending(); });

  // One record per failed query per page view; feedback.js sends nothing when no endpoint is set.
  function reportFailed(query) {
    var key = query.trim().toLowerCase().replace(/\s+/g, " ");
    if (!key || reported[key] || !(nd.feedback && nd.feedback.send)) return;
    reported[key] = true;
    nd.feedback.send({ type: "search", query: query.trim(), results: 0 });
  }

  function searchPageUrl(query) {
    return nd.siteRoot + "search.html?q=" + encodeURIComponent(query.trim());
  }

  function setPageQuery(query) {
    try { history.replaceState(null, "", "?q=" + encodeURIComponent(query)); } catch (e) { /* some file:// setups refuse */ }
  }

  // --- Wire up every box on the page ------------------------------------------------
  var boxes = [];

  function mount(root, inline, placeholder) {
    if (!root.querySelector('input[role="combobox"]')) root.innerHTML = boxMarkup("nd-search-" + (++counter), placeholder);
    root.classList.add("nd-search");
    var box = new SearchBox(root, inline);
    boxes.push(box);
    return box;
  }

  document.querySelectorAll("[data-nd-search]").forEach(function (root) {
    var box = mount(root, false, t("search.placeholder"));
    if (hasKeyboard) box.input.placeholder = t("search.placeholder_keyboard");
    var toggle = root.querySelector(".nd-search__toggle");
    if (toggle) toggle.addEventListener("click", function () {
      var open = root.classList.toggle("nd-search--open");
      toggle.setAttribute("aria-expanded", String(open));
      if (open) root.querySelector('input[role="combobox"]').focus();
    });
  });
  document.querySelectorAll("[data-nd-search-home]").forEach(function (root) {
    mount(root, false, t("search.placeholder_home")).root.classList.add("nd-search--large");
  });
  document.querySelectorAll("[data-nd-search-page]").forEach(function (root) {
    var box = mount(root, true, t("search.placeholder_page"));
    root.classList.add("nd-search--large", "nd-search--inline");
    var q = new URLSearchParams(window.location.search).get("q");
    if (q) { box.input.value = q; box.update(true); }
    box.input.focus();
  });

  // The word vectors arrived after the first results: show the same query ranked with them.
  document.addEventListener("nightdesk:vectors", function () {
    boxes.forEach(function (box) { if (box.query && box.query.trim() && !box.panel.hidden) box.update(); });
  });

  // "/" jumps to search from anywhere that is not already a text field.
  document.addEventListener("keydown", function (e) {
    var t = e.target;
    if (e.key !== "/" || e.ctrlKey || e.metaKey || e.altKey || !boxes.length) return;
    if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) return;
    e.preventDefault();
    var box = boxes[boxes.length - 1];  // page and home boxes come after the header's
    var toggle = box.root.querySelector(".nd-search__toggle");
    box.root.classList.add("nd-search--open");
    if (toggle) toggle.setAttribute("aria-expanded", "true");
    box.input.focus();
  });
})();
