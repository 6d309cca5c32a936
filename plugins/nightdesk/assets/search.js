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
  // The ranking numbers come from the build (store.ranking, written from nightdesk/search/ranking.py,
  // which the Python port uses too), set when the store loads. What each means: ranking.py.
  var MAX_RESULTS, EXACT_BOOST, PREFIX_BOOST_TYPING, PREFIX_BOOST, SHORT_PREFIX_FIELDS, SYNONYM_BOOST,
    TYPO_BOOST, TYPO_SHARE, SECTION_SHARES, TITLE_BONUS, THESAURUS_BOOST, PHRASE_GAP;
  function useRanking(r) {
    MAX_RESULTS = r.maxResults; EXACT_BOOST = r.exactBoost; PREFIX_BOOST_TYPING = r.prefixBoostTyping;
    PREFIX_BOOST = r.prefixBoost; SHORT_PREFIX_FIELDS = r.shortPrefixFields; SYNONYM_BOOST = r.synonymBoost;
    TYPO_BOOST = r.typoBoost; TYPO_SHARE = r.typoShare; SECTION_SHARES = r.sectionShares;
    TITLE_BONUS = r.titleBonus; THESAURUS_BOOST = r.thesaurusBoost; PHRASE_GAP = r.phraseGap;
  }
  var MAX_QUERY_CHARS = 200;  // longer than any question a reader types
  var MAX_WORD_CHARS = 40;  // longer than any word in a dictionary
  var LONG_WORD = new RegExp("\\S{" + (MAX_WORD_CHARS + 1) + ",}", "g");

  function boundedQuery(query) {
    return String(query || "").slice(0, MAX_QUERY_CHARS).replace(LONG_WORD, function (w) { return w.slice(0, MAX_WORD_CHARS); });
  }
  var VECTOR_FILES = ["search-vectors.js", "search-vectors-data.js"];

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
        useRanking(window.__nightdeskStore.ranking);
        var engine = new Engine(window.nightdeskUnpackIndex(window.__nightdeskIndex), window.__nightdeskStore);
        window.__nightdeskIndex = undefined;  // the engine's postings hold it now
        return engine;
      });
      loading.catch(function () { loading = null; });  // let a later call retry
    }
    return loading;
  }

  function Engine(index, store) {
    this.index = index;
    this.store = store;
    // The site's synonyms, then the built-in thesaurus's rows (marked with a third element).
    this.synonyms = store.synonyms.concat(window.nightdeskUnpackThesaurus(store.thesaurus || []));
    this.pipeline = window.nightdeskPipeline;
    // The most a page's role multiplies its score by (roles.py; 1 for an article).
    this.maxRoleWeight = store.articles.reduce(function (most, row) { return Math.max(most, row.length > 4 ? row[4] : 1); }, 0);
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
    var found = [], byFirst = this.synonymsByFirstStem(), rows = byFirst.get("") || [];
    // Only the rows whose phrase starts with a word of the query (or is empty), in their order.
    stems.forEach(function (stem) { if (byFirst.has(stem)) rows = rows.concat(byFirst.get(stem)); });
    rows.sort(function (a, b) { return a - b; });
    var synonyms = this.synonyms;
    rows.filter(function (row, i) { return rows[i - 1] !== row; }).map(function (row) { return synonyms[row]; }).forEach(function (entry) {
      var phrase = entry[0];
      for (var start = 0; start + phrase.length <= stems.length; start++) {
        var covered = phraseAt(stems, phrase, start);
        if (covered) {
          // A phrase stands for all the reader's words it covers ("goods back" -> "return"): its
          // terms weigh as much as those words would have, each at the synonym's boost.
          var weight = 0;
          covered.forEach(function (i) { if (!words[i].stop) weight++; });
          found.push({ terms: entry[1], words: covered,
                       boost: (entry.length > 2 ? THESAURUS_BOOST : SYNONYM_BOOST) * Math.max(1, weight) });
          break;
        }
      }
    });
    return found;
  };

  // Positions of the query words a synonym phrase covers when it starts at `start`, else null. Up to
  // PHRASE_GAP other words may stand at one place inside the phrase, as English puts the object inside
  // a phrasal verb ("send the parcel back", "pay them back"); they stay words of their own. (query.py
  // phrase_at)
  function phraseAt(stems, phrase, start) {
    var covered = [], at = start - 1, skipped = false;
    for (var k = 0; k < phrase.length; k++) {
      var gap = !covered.length || skipped ? 0 : PHRASE_GAP, step = 1;
      while (step <= gap + 1 && !(at + step < stems.length && stems[at + step] === phrase[k])) step++;
      if (step > gap + 1) return null;
      at += step; skipped = skipped || step > 1;
      covered.push(at);
    }
    return covered;
  }

  // Row numbers of the synonyms (site's, then thesaurus's) by the first stem of their phrase.
  Engine.prototype.synonymsByFirstStem = function () {
    if (this._synonymsByFirstStem) return this._synonymsByFirstStem;
    var byFirst = this._synonymsByFirstStem = new Map();
    this.synonyms.forEach(function (entry, row) {
      var first = entry[0].length ? entry[0][0] : "";
      if (!byFirst.has(first)) byFirst.set(first, []);
      byFirst.get(first).push(row);
    });
    return byFirst;
  };

  // The clauses for one word: exact stem and prefix (the word being typed, or any
  // word of 3+ letters), on the stem and the word as typed. Typos: typoTerms().
  function clausesFor(w) {
    var variants = w.word === w.stem ? [w.stem] : [w.stem, w.word], clauses = [];
    if (!w.stop) clauses.push({ term: w.stem, boost: EXACT_BOOST });
    if ((w.typing && w.word.length >= 2) || (!w.stop && w.word.length >= 3)) {
      // A stem that is the start of the word ("pay" of "paying") would widen the prefix
      // beyond what was typed (payout, payment): prefix the word as typed instead.
      // Two or three letters start hundreds of words: look for those in titles,
      // keywords and headings only, which keeps each keystroke fast on big sites.
      variants.filter(function (v) { return v === w.word || w.word.indexOf(v) !== 0; }).forEach(function (v) {
        var clause = { term: v, prefix: true, boost: w.typing ? PREFIX_BOOST_TYPING : PREFIX_BOOST };
        if (w.word.length <= 3) clause.fields = SHORT_PREFIX_FIELDS;
        clauses.push(clause);
      });
    }
    return clauses;
  }

  // Typos forgiven in a word: none under 4 letters, one up to 7, two from 8.
  function typoLimit(word) {
    return word.length >= 8 ? 2 : word.length >= 4 ? 1 : 0;
  }

  // Every word the articles use, as written, with its index term's number, by length.
  Engine.prototype.wordsByLength = function () {
    if (this._wordsByLength) return this._wordsByLength;
    var terms = this.index.nightdeskTerms || [], forms = this.index.nightdeskForms || [], found = [];
    for (var t = 0; t < terms.length; t++) {
      var list = (forms[t] || "").split("|");
      for (var f = 0; f < list.length; f++) {
        var word = list[f].charAt(0) === "=" ? list[f].slice(1) : terms[t] + list[f];
        (found[word.length] || (found[word.length] = [])).push(word, t);
      }
    }
    return (this._wordsByLength = found);
  };

  // Whether the articles write the word as typed: packing.py files each written word under its
  // own stem's term, so one term's forms tell, without listing every word of the site.
  Engine.prototype.writes = function (w) {
    var t = this.index.termNumber(w.stem);
    if (t < 0) return false;
    var term = this.index.terms[t], word = w.word;
    var form = word.lastIndexOf(term, 0) === 0 ? word.slice(term.length) : "=" + word;
    return ("|" + (this.index.nightdeskForms[t] || "") + "|").indexOf("|" + form + "|") >= 0;
  };

  // Index terms of the words one typo away (two from 8 letters) from a word the articles never
  // write; the words as written, so a slip near the end of a long word still matches. A word
  // they write is taken as meant: guessing would only add noise. Its stem being known is not
  // enough: "maintainance" stems to "maintain", yet meant "maintenance".
  Engine.prototype.typoTerms = function (w) {
    var limit = typoLimit(w.word);
    if (w.stop || !limit || this.writes(w)) return [];
    var cache = this._typos || (this._typos = Object.create(null));
    if (cache[w.word]) return cache[w.word];
    var byLength = this.wordsByLength(), terms = this.index.nightdeskTerms, found = Object.create(null), word = w.word;
    for (var length = word.length - limit; length <= word.length + limit; length++) {
      var list = byLength[length] || [];
      for (var i = 0; i < list.length; i += 2) {
        var candidate = list[i];
        // A first typo rarely hits both of the first two letters: cheap filter first.
        var term = terms[list[i + 1]];
        if ((candidate.charAt(0) === word.charAt(0) || candidate.charAt(1) === word.charAt(1)) &&
            !found[term] && editDistance(word, candidate, limit) <= limit) found[term] = true;
      }
    }
    return (cache[w.word] = Object.keys(found).sort());
  };

  // Per query word: {found: index terms it matches as typed or by prefix, typos: terms only
  // typos reach, phrases: the synonym phrases it stands for (term lists an article must hold
  // all of)}, to count how many of the reader's words an article has.
  Engine.prototype.termsPerWord = function (words, expansions) {
    var index = this.index, self = this;
    return words.map(function (w, i) {
      var found = {}, typos = {}, phrases = [];
      clausesFor(w).forEach(function (c) {
        index.expand(c.term, c.prefix).forEach(function (t) { found[index.terms[t]] = true; });
      });
      expansions.forEach(function (e) { if (e.words.indexOf(i) >= 0) phrases.push(e.terms); });
      self.typoTerms(w).forEach(function (t) { if (!found[t]) typos[t] = true; });
      return { found: found, typos: typos, phrases: phrases };
    });
  };

  // Every term of one of the word's synonym phrases among `terms` (a set): "one time code" is not "code".
  function hasPhrase(wordTerms, terms) {
    return wordTerms.phrases.some(function (p) { return p.every(function (t) { return terms[t]; }); });
  }

  // 1 when the article has the word (as typed, by prefix or a whole synonym phrase), TYPO_SHARE through
  // a typo only. `matched`: the article's matched terms as a list, `terms`: the same as a set.
  function wordShare(wordTerms, matched, terms) {
    if (matched.some(function (t) { return wordTerms.found[t]; }) || hasPhrase(wordTerms, terms)) return 1;
    return matched.some(function (t) { return wordTerms.typos[t]; }) ? TYPO_SHARE : 0;
  }

  // Every clause of a query, in lunr's query order (scores and ties depend on it). Terms are
  // already stemmed, or are the word as typed.
  Engine.prototype.clauses = function (words, expansions) {
    var self = this, clauses = [];
    words.forEach(function (w) {
      clausesFor(w).forEach(function (c) { clauses.push(c); });
      self.typoTerms(w).forEach(function (term) { clauses.push({ term: term, boost: TYPO_BOOST }); });
    });
    expansions.forEach(function (e) {
      e.terms.forEach(function (term) { clauses.push({ term: term, boost: e.boost }); });
    });
    return clauses;
  };

  /*
   * The matched sections by article: each article's score from its best sections (the best counts in
   * full, the second a little, the rest not: an article that answers in one place beats one that
   * mentions the words everywhere), its best section, and where that stands in lunr's order of hits.
   * -> groups, highest score first.
   */
  function groupByArticle(match, sections) {
    var byArticle = new Map(), groups = [], documents = match.documents, score = match.score, K = SECTION_SHARES.length;
    for (var i = 0; i < documents.length; i++) {
      var d = documents[i], s = score[d], article = sections[d][0], g = byArticle.get(article);
      if (!g) {
        g = { article: article, best: d, bestScore: s, bestPlace: i, top: [], sections: [] };
        byArticle.set(article, g);
        groups.push(g);
      } else if (s > g.bestScore) {
        g.best = d; g.bestScore = s; g.bestPlace = i;
      }
      g.sections.push(d);
      insertDescending(g.top, s, K);
    }
    groups.forEach(function (g) {
      g.score = 0;
      for (var k = 0; k < g.top.length; k++) g.score += g.top[k] * SECTION_SHARES[k];
    });
    return groups.sort(function (a, b) { return b.score - a.score; });
  }

  // Adds `value` to `list` (highest first), keeping at most `size` values.
  function insertDescending(list, value, size) {
    if (list.length === size && value <= list[size - 1]) return;
    var at = list.length;
    while (at > 0 && list[at - 1] < value) at--;
    list.splice(at, 0, value);
    if (list.length > size) list.pop();
  }

  // Ranked articles by their words, each with its best section and the index terms it matched.
  Engine.prototype.lexical = function (query) {
    // Bounded work per keystroke: a pasted page of text or one 4,000-letter "word" must not freeze the tab.
    query = boundedQuery(query);
    var words = this.parse(query);
    var expansions = this.synonymTerms(words);
    // Nothing to look for (only "how do i"): lunr would treat an empty query as "everything".
    if (!expansions.length && !words.some(function (w) { return clausesFor(w).length; })) {
      return { results: [], words: words, searchable: false };
    }
    var store = this.store, match = this.index.match(this.clauses(words, expansions));
    var groups = groupByArticle(match, store.sections);
    // Articles holding more of the user's words come first (a "coordination" factor).
    var perWord = this.termsPerWord(words, expansions);
    var countedWords = [];
    words.forEach(function (w, i) { if (!w.stop || w.typing) countedWords.push(i); });
    var counted = countedWords.length || 1;
    // The factors below never raise a score by more than maxFactor: once an article's score before them
    // is that far below the last of the MAX_RESULTS best so far, neither it nor any after it can enter.
    var maxFactor = this.maxRoleWeight * (1 + TITLE_BONUS) * (1 + 1e-9);  // (and rounding's share)
    var kept = [], best = [];
    for (var i = 0; i < groups.length; i++) {
      var g = groups[i];
      if (best.length === MAX_RESULTS && g.score * maxFactor < best[MAX_RESULTS - 1]) break;
      g.terms = {}; g.titleTerms = {};
      g.sections.forEach(function (d) {
        var terms = match.terms(d);
        Object.keys(terms).forEach(function (t) {
          g.terms[t] = true;
          if (terms[t].title) g.titleTerms[t] = true;
        });
      });
      var matched = Object.keys(g.terms);
      g.covered = 0;
      countedWords.forEach(function (i) { g.covered += wordShare(perWord[i], matched, g.terms); });
      // And the page's role (navigation, glossary...: nightdesk/search/roles.py) weighs in.
      var row = store.articles[g.article];
      g.score *= g.covered / counted * (row.length > 4 ? row[4] : 1);
      // The title names what the article is about: words found there count extra.
      var titled = 0;
      countedWords.forEach(function (i) {
        if (Object.keys(g.titleTerms).some(function (t) { return perWord[i].found[t]; }) ||
            hasPhrase(perWord[i], g.titleTerms)) titled++;
      });
      g.score *= 1 + TITLE_BONUS * titled / counted;
      kept.push(g);
      insertDescending(best, g.score, MAX_RESULTS);
    }
    // Equal scores keep the order of the articles' best sections (lunr's order of hits).
    groups = kept.sort(function (a, b) { return b.score - a.score || b.bestScore - a.bestScore || a.bestPlace - b.bestPlace; });
    // Honest answers: when even the best article holds fewer than half of the reader's
    // words, say "No good match" rather than present it as the answer.
    var good = groups.length > 0 && groups[0].covered * 2 >= counted;
    var tasks = this.tasks;
    var results = groups.slice(0, MAX_RESULTS).map(function (g) {
      var a = store.articles[g.article], task = tasks[a[3]], section = store.sections[g.best];
      var anchor = section[1];
      return {
        url: siteRoot + a[0] + (anchor ? "#" + anchor : ""),
        title: a[1], summary: a[2],
        task: task ? task.title : "", taskUrl: task ? task.url : "",
        section: section[2], score: Math.round(g.score * 1000) / 1000,
        terms: Object.keys(g.terms), article: g.article
      };
    });
    return { results: results, words: words, searchable: true, good: good };
  };

  // --- Meaning: the lexical ranking fused with word vectors (search-vectors.js) ---------
  // The vectors are the big download: fetched once, after the first results show, so those
  // are never slower; until they arrive (or on a site without them) results are lexical.
  Engine.prototype.query = function (query) {
    var found = this.lexical(query);
    if (!found.searchable || !this.store.vectors) return found;
    if (!this.vectors) { this.loadVectors(); return found; }
    var ranking = this.vectors.rank(query);
    if (ranking.confident) {
      found.results = this.withMeaning(found.results, ranking);
      found.good = true;  // every word known and the meaning matches: an answer, not "No good match"
    }
    return found;
  };

  Engine.prototype.loadVectors = function () {
    var engine = this;
    if (this.vectorsLoading) return this.vectorsLoading;
    this.vectorsLoading = new Promise(function (resolve) { setTimeout(resolve, 0); }).then(function () {
      return Promise.all(VECTOR_FILES.map(loadScript));
    }).then(function () {
      engine.vectors = window.nightdesk.vectors.open(window.__nightdeskVectors);
      window.__nightdeskVectors = undefined;  // the model holds it now
      document.dispatchEvent(new CustomEvent("nightdesk:vectors"));  // boxes re-rank what they show
      return engine.vectors;
    }, function () { return null; });  // words alone still work
    return this.vectorsLoading;
  };

  // Articles in the fused order; those only the vectors found join with their top section.
  // (model.rerank(), with the ranking already at hand; SiteVectors.rerank() in Python.)
  Engine.prototype.withMeaning = function (results, ranking) {
    var byArticle = {}, store = this.store, tasks = this.tasks;
    results.forEach(function (r) { byArticle[r.article] = r; });
    var lexical = results.map(function (r) { return r.article; });
    var order = window.nightdesk.vectors.fuse(lexical, ranking.articles, this.vectors.k);
    return order.slice(0, MAX_RESULTS).map(function (id) {
      if (byArticle[id]) return byArticle[id];
      var a = store.articles[id], task = tasks[a[3]];
      return { url: siteRoot + a[0], title: a[1], summary: a[2], task: task ? task.title : "",
               taskUrl: task ? task.url : "", section: "", score: 0, terms: [], article: id };
    });
  };

  // --- "Did you mean" ----------------------------------------------------------------
  // "Did you mean": every word the index does not know, replaced by the word as the
  // articles write it fewest typos away (one, two from 8 letters), in the most sections on a tie.
  Engine.prototype.suggest = function (query) {
    var self = this, index = this.index, byLength = this.wordsByLength(), changed = false;
    var cache = this._suggestions || (this._suggestions = new Map());  // the same words come back every keystroke
    var fixed = this.parse(boundedQuery(query)).map(function (w) {
      if (w.stop || w.word.length < 3 || index.has(w.stem) || index.has(w.word)) return w.word;
      if (!cache.has(w.word)) cache.set(w.word, self.closestWord(w.word, byLength));
      var best = cache.get(w.word);
      if (best) { changed = true; return best; }
      return w.word;
    });
    var suggestion = fixed.join(" ");
    return changed && self.query(suggestion).good ? suggestion : "";
  };

  // The word as the articles write it fewest typos away from `word` (letters only, 3 or more), in the
  // most sections on a tie; null when none is within reach.
  Engine.prototype.closestWord = function (word, byLength) {
    var limit = Math.max(1, typoLimit(word)), best = null, bestDistance = limit + 1, bestCount = -1, index = this.index;
    var letters = this._lettersOnly || (this._lettersOnly = []);
    for (var length = Math.max(3, word.length - limit); length <= word.length + limit; length++) {
      var list = byLength[length] || [];
      if (!letters[length]) {
        letters[length] = new Uint8Array(list.length / 2);
        for (var k = 0; k < list.length; k += 2) letters[length][k / 2] = /^\p{L}+$/u.test(list[k]) ? 1 : 0;
      }
      for (var i = 0; i < list.length; i += 2) {
        if (!letters[length][i / 2]) continue;
        var candidate = list[i], d = editDistance(word, candidate, limit);
        if (d > bestDistance || d > limit) continue;
        var count = index.termDocuments(list[i + 1]);
        if (d < bestDistance || count > bestCount) {
          best = candidate; bestDistance = d; bestCount = count;
        }
      }
    }
    return best;
  };

  // Optimal-string-alignment distance (a swap counts as one typo), stopping past `limit`. Three rows
  // kept between calls: a keystroke compares a word with thousands, and must not allocate for each.
  var rows = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];
  function editDistance(a, b, limit) {
    if (Math.abs(a.length - b.length) > limit) return limit + 1;
    if (b.length + 1 > rows[0].length) rows = [0, 1, 2].map(function () { return new Int32Array(b.length * 2 + 2); });
    var prev2 = rows[0], prev = rows[1], row = rows[2], i, j;
    for (j = 0; j <= b.length; j++) prev[j] = j;
    for (i = 1; i <= a.length; i++) {
      var rowMin = i, ai = a.charCodeAt(i - 1);
      row[0] = i;
      for (j = 1; j <= b.length; j++) {
        var bj = b.charCodeAt(j - 1);
        var d = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (ai === bj ? 0 : 1));
        if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) d = Math.min(d, prev2[j - 2] + 1);
        row[j] = d;
        if (d < rowMin) rowMin = d;
      }
      if (rowMin > limit) return limit + 1;
      var spare = prev2; prev2 = prev; prev = row; row = spare;
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
  // Resolves once the word vectors are in use (null on a site without them): for tests and tools.
  window.nightdesk.loadVectors = function () {
    return load().then(function (engine) { return engine.store.vectors ? engine.loadVectors() : null; });
  };
  window.nightdesk.escapeHtml = escapeHtml;
  window.nightdesk.search = function (query) {
    return load().then(function (engine) {
      var found = engine.query(query);
      var results = found.results.map(function (r) {
        return { url: r.url, title: r.title, summary: r.summary, task: r.task,
                 section: r.section, taskUrl: r.taskUrl, score: r.score };
      });
      // Fewer than half of the reader's words in even the best article: partial matches only.
      if (found.searchable && !found.good) results.noGoodMatch = true;
      return results;
    });
  };
})();
