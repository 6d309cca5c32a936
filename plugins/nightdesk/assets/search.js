/*
 * nightdesk search: loads the prebuilt index on first use and ranks articles.
 * Public API: window.nightdesk.search(query) -> Promise of
 *   [{url, title, summary, task, section, ...}], best first.
 * Everything loads as classic <script>s found next to this file, so it works from
 * file:// with no network. The search box itself is search-ui.js.
 */
(function () {
  "use strict";

  var me = document.currentScript;
  var assetsUrl = new URL(".", me.src).href;          // <site>/assets/nightdesk/
  var siteRoot = new URL("../../", assetsUrl).href;   // <site>/
  var version = new URL(me.src).searchParams.get("v");
  var FILES = ["lunr.js", "search-language.js", "search-pipeline.js", "search-unpack.js", "search-index.js", "search-store.js"];
  var MAX_RESULTS = 50;
  var SHORT_PREFIX_FIELDS = ["title", "keywords", "headings"];

  function loadScript(name) {
    return new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      script.src = assetsUrl + name + (version ? "?v=" + encodeURIComponent(version) : "");
      script.async = false;  // execute in list order: lunr.js before the pipeline
      script.onload = resolve;
      script.onerror = function () { reject(new Error("nightdesk search could not load " + name)); };
      document.head.appendChild(script);
    });
  }

  var loading = null;
  function load() {
    if (!loading) {
      loading = Promise.all(FILES.map(loadScript)).then(function () {
        var engine = new Engine(window.nightdeskUnpackIndex(window.__nightdeskIndex), window.__nightdeskStore);
        window.__nightdeskIndex = undefined;  // the lunr.Index holds it now
        return engine;
      });
      loading.catch(function () { loading = null; });  // let a later call retry
    }
    return loading;
  }

  function Engine(index, store) {
    this.index = index;
    this.store = store;
    this.pipeline = window.nightdeskPipeline;
    this.tasks = {};
    for (var i = 0; i < store.tasks.length; i++) {
      var t = store.tasks[i];
      this.tasks[t[0]] = { id: t[0], title: t[1], url: siteRoot + t[2], description: t[3] };
    }
  }

  // "Refnd a custmer's" -> [{word, stem, stop, typing}]; `typing` marks the word being typed.
  Engine.prototype.parse = function (query) {
    var p = this.pipeline;
    var words = p.normalizeText(query).split(" ").map(p.normalizeWord).filter(Boolean);
    var typing = !/\s$/.test(query);
    return words.map(function (word, i) {
      return { word: word, stem: p.stem(word), stop: p.isStopWord(word),
               typing: typing && i === words.length - 1 };
    });
  };

  // Index terms of the words articles use, for phrases from synonyms.yml found in the query.
  // -> [{terms, words: positions of the query words the phrase covers}]
  Engine.prototype.synonymTerms = function (words) {
    var stems = words.map(function (w) { return w.stem; });
    var found = [];
    this.store.synonyms.forEach(function (entry) {
      var phrase = entry[0];
      for (var start = 0; start + phrase.length <= stems.length; start++) {
        var k = 0;
        while (k < phrase.length && stems[start + k] === phrase[k]) k++;
        if (k === phrase.length) {
          var covered = [];
          for (k = 0; k < phrase.length; k++) covered.push(start + k);
          found.push({ terms: entry[1], words: covered });
          break;
        }
      }
    });
    return found;
  };

  // The lunr clauses for one word: exact stem, prefix (the word being typed, or any
  // word of 3+ letters) and one typo for 4+ letters, on the stem and the word as typed.
  function clausesFor(w) {
    var variants = w.word === w.stem ? [w.stem] : [w.stem, w.word], clauses = [];
    if (!w.stop) {
      clauses.push({ term: w.stem, boost: 10 });
      if (w.word.length >= 4) {
        variants.forEach(function (v) { clauses.push({ term: v, editDistance: 1, boost: 2 }); });
      }
    }
    if ((w.typing && w.word.length >= 2) || (!w.stop && w.word.length >= 3)) {
      // A stem that is the start of the word ("pay" of "paying") would widen the prefix
      // beyond what was typed (payout, payment): prefix the word as typed instead.
      // Two or three letters start hundreds of words: look for those in titles,
      // keywords and headings only, which keeps each keystroke fast on big sites.
      variants.filter(function (v) { return v === w.word || w.word.indexOf(v) !== 0; }).forEach(function (v) {
        var clause = { term: v, wildcard: lunr.Query.wildcard.TRAILING, boost: w.typing ? 4 : 1 };
        if (w.word.length <= 3) clause.fields = SHORT_PREFIX_FIELDS;
        clauses.push(clause);
      });
    }
    return clauses;
  }

  // Index terms each word can match, to count how many of the user's words an article has.
  Engine.prototype.termsPerWord = function (words, expansions) {
    var tokenSet = this.index.tokenSet;
    return words.map(function (w, i) {
      var found = {};
      clausesFor(w).forEach(function (c) {
        var term = c.wildcard ? c.term + "*" : c.term;
        var set = c.editDistance ? lunr.TokenSet.fromFuzzyString(term, c.editDistance) : lunr.TokenSet.fromString(term);
        tokenSet.intersect(set).toArray().forEach(function (t) { found[t] = true; });
      });
      expansions.forEach(function (e) { if (e.words.indexOf(i) >= 0) e.terms.forEach(function (t) { found[t] = true; }); });
      return found;
    });
  };

  Engine.prototype.lunrQuery = function (words, expansions) {
    return function (q) {
      words.forEach(function (w) {
        clausesFor(w).forEach(function (c) {
          c.usePipeline = false;  // terms are already stemmed (or are the word as typed)
          q.term(c.term, c);
        });
      });
      expansions.forEach(function (e) {
        e.terms.forEach(function (term) { q.term(term, { usePipeline: false, boost: 6 }); });
      });
    };
  };

  // Ranked articles, each with its best section and the index terms it matched.
  Engine.prototype.query = function (query) {
    var words = this.parse(String(query || ""));
    var expansions = this.synonymTerms(words);
    // Nothing to look for (only "how do i"): lunr would treat an empty query as "everything".
    if (!expansions.length && !words.some(function (w) { return clausesFor(w).length; })) {
      return { results: [], words: words, searchable: false };
    }
    var store = this.store, tasks = this.tasks;
    var byArticle = {}, groups = [];
    this.index.query(this.lunrQuery(words, expansions)).forEach(function (hit) {
      var section = store.sections[parseInt(hit.ref, 36)];
      var group = byArticle[section[0]];
      if (!group) {
        group = byArticle[section[0]] = { article: section[0], score: 0, best: section, bestScore: 0, terms: {} };
        groups.push(group);
      }
      // Hits come best first. The best section counts in full, the others a little: an
      // article that answers in one place beats one that mentions the words everywhere.
      group.score += hit.score * (group.score ? 0.3 : 1);
      if (hit.score > group.bestScore) { group.best = section; group.bestScore = hit.score; }
      Object.keys(hit.matchData.metadata).forEach(function (t) { group.terms[t] = true; });
    });
    // Articles holding more of the user's words come first (a "coordination" factor).
    var perWord = this.termsPerWord(words, expansions);
    var counted = perWord.filter(function (terms, i) { return !words[i].stop || words[i].typing; }).length || 1;
    groups.forEach(function (g) {
      var matched = Object.keys(g.terms);
      var covered = perWord.filter(function (terms, i) {
        return (!words[i].stop || words[i].typing) && matched.some(function (t) { return terms[t]; });
      }).length;
      g.score *= covered / counted;
    });
    groups.sort(function (a, b) { return b.score - a.score; });
    var results = groups.slice(0, MAX_RESULTS).map(function (g) {
      var a = store.articles[g.article], task = tasks[a[3]];
      var anchor = g.best[1];
      return {
        url: siteRoot + a[0] + (anchor ? "#" + anchor : ""),
        title: a[1], summary: a[2],
        task: task ? task.title : "", taskUrl: task ? task.url : "",
        section: g.best[2], score: Math.round(g.score * 1000) / 1000,
        terms: Object.keys(g.terms)
      };
    });
    return { results: results, words: words, searchable: true };
  };

  // --- "Did you mean": nearest words the articles actually use ----------------------
  Engine.prototype.vocabulary = function () {
    if (this._vocabulary) return this._vocabulary;
    var p = this.pipeline, counts = {};
    var texts = [];
    this.store.articles.forEach(function (a) { texts.push(a[1], a[2]); });
    this.store.sections.forEach(function (s) { texts.push(s[2]); });
    var index = this.index;
    texts.forEach(function (text) {
      p.normalizeText(text).split(" ").forEach(function (raw) {
        var word = p.normalizeWord(raw);
        if (word.length >= 3 && /^\p{L}+$/u.test(word) && p.stem(word) in index.invertedIndex) {
          counts[word] = (counts[word] || 0) + 1;
        }
      });
    });
    return (this._vocabulary = counts);
  };

  Engine.prototype.suggest = function (query) {
    var words = this.parse(query), vocabulary = this.vocabulary(), changed = false;
    var fixed = words.map(function (w) {
      if (w.stop || vocabulary[w.word]) return w.word;
      var limit = w.word.length > 4 ? 2 : 1, best = null, bestDistance = limit + 1, bestCount = 0;
      Object.keys(vocabulary).forEach(function (candidate) {
        if (Math.abs(candidate.length - w.word.length) > Math.min(limit, bestDistance)) return;
        var d = editDistance(w.word, candidate, limit), count = vocabulary[candidate];
        if (d < bestDistance || (d === bestDistance && d <= limit && count > bestCount)) {
          best = candidate; bestDistance = d; bestCount = count;
        }
      });
      if (best) { changed = true; return best; }
      return w.word;
    });
    var suggestion = fixed.join(" ");
    return changed && this.query(suggestion).results.length ? suggestion : "";
  };

  // Optimal-string-alignment distance (a swap counts as one typo), stopping past `limit`.
  function editDistance(a, b, limit) {
    var prev2 = null, prev = [], i, j;
    for (j = 0; j <= b.length; j++) prev[j] = j;
    for (i = 1; i <= a.length; i++) {
      var row = [i], rowMin = i;
      for (j = 1; j <= b.length; j++) {
        var cost = a[i - 1] === b[j - 1] ? 0 : 1;
        var d = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
        if (prev2 && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2] + 1);
        row[j] = d;
        if (d < rowMin) rowMin = d;
      }
      if (rowMin > limit) return limit + 1;
      prev2 = prev; prev = row;
    }
    return prev[b.length];
  }

  // --- Highlighting: wrap words whose stem matched (also typos and prefixes) ---------
  function escapeHtml(text) {
    return String(text).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }

  Engine.prototype.highlight = function (text, terms) {
    var p = this.pipeline, wanted = {};
    (terms || []).forEach(function (t) { wanted[t] = true; });
    return String(text).split(/(\s+)/).map(function (chunk) {
      var word = p.normalizeWord(chunk);
      var hit = word && (wanted[p.stem(word)] || chunk.split(/[-\/]/).some(function (part) {
        var w = p.normalizeWord(part);
        return w && wanted[p.stem(w)];
      }));
      return hit ? "<mark>" + escapeHtml(chunk) + "</mark>" : escapeHtml(chunk);
    }).join("");
  };

  window.nightdesk = window.nightdesk || {};
  window.nightdesk.siteRoot = siteRoot;
  window.nightdesk.load = load;
  window.nightdesk.escapeHtml = escapeHtml;
  window.nightdesk.search = function (query) {
    return load().then(function (engine) {
      return engine.query(query).results.map(function (r) {
        return { url: r.url, title: r.title, summary: r.summary, task: r.task,
                 section: r.section, taskUrl: r.taskUrl, score: r.score };
      });
    });
  };
})();
