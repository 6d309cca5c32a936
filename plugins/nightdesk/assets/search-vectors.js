/*
 * nightdesk search, meaning: static word vectors in plain JavaScript (no WebAssembly,
 * no network). One job: tokenise -> look up -> average -> cosine -> gate, plus the
 * rank fusion that merges the vector ranking into the lexical one.
 * The data is search-vectors-data.js (window.__nightdeskVectors), written at build time
 * by nightdesk/search/vectors.py, whose functions are the line-by-line twins of these
 * (tests/search/test_vectors_parity.py proves both give the same tokens, vectors, results).
 *
 * API on window.nightdesk.vectors:
 *   open(data) -> model        decode the data once (data = window.__nightdeskVectors)
 *   model.words(text)          -> ["how", "do", "i", ...]  BERT's split: lowercase, no accents
 *   model.pieces(text)         -> per word its word pieces (["pay", "##out"]) or null if dropped
 *   model.queryVector(text)    -> Float64Array (unit length) or null when no word is known
 *   model.rank(query[, limit]) -> {best, confident, articles, cosines, unknown}: article
 *                                 numbers (store order) best first; `confident` when every
 *                                 word is known (unknown = 0) and best >= gate
 *   model.rerank(query, lexical) -> article numbers: `lexical` (article numbers, best first)
 *                                 fused with rank(query) when confident, else `lexical` as is
 *   model.gate, model.k        the site's calibrated gate and RRF's k
 *   fuse(lexical, semantic, k) -> article numbers: reciprocal rank fusion, equal weights
 * Use: after the lexical results show, load search-vectors-data.js, then
 *   ids = nightdesk.vectors.open(window.__nightdeskVectors).rerank(query, lexicalIds).
 */
(function () {
  "use strict";

  var ASCII = /^[\x00-\x7f]*$/;
  var ASCII_CONTROL = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/g;
  var ASCII_WORD = /[0-9A-Za-z]+|[!-\/:-@\[-`{-~]/g;
  var WHITESPACE = /^[\t\n\r\u2028\u2029\p{Zs}]$/u;
  var OTHER = /^\p{C}$/u;  // control, format, private use, surrogate, unassigned
  var PUNCTUATION = /^\p{P}$/u;
  var NONSPACING_MARKS = /\p{Mn}/gu;
  var CJK = [[0x4E00, 0x9FFF], [0x3400, 0x4DBF], [0x20000, 0x2A6DF], [0x2A700, 0x2B73F],
             [0x2B740, 0x2B81F], [0x2B820, 0x2CEAF], [0xF900, 0xFAFF], [0x2F800, 0x2FA1F]];

  function isCjk(cp) {
    for (var i = 0; i < CJK.length; i++) if (cp >= CJK[i][0] && cp <= CJK[i][1]) return true;
    return false;
  }

  function isPunctuation(ch) {
    var cp = ch.codePointAt(0);
    return (cp >= 33 && cp <= 47) || (cp >= 58 && cp <= 64) || (cp >= 91 && cp <= 96) ||
           (cp >= 123 && cp <= 126) || PUNCTUATION.test(ch);
  }

  // The model's normaliser and pre-tokeniser (vectors.basic_words).
  function basicWords(text) {
    text = String(text || "");
    if (ASCII.test(text)) return text.replace(ASCII_CONTROL, "").toLowerCase().match(ASCII_WORD) || [];
    var chars = [];
    Array.from(text).forEach(function (ch) {
      var cp = ch.codePointAt(0);
      if (WHITESPACE.test(ch)) chars.push(" ");
      else if (cp === 0 || cp === 0xFFFD || OTHER.test(ch)) return;
      else if (isCjk(cp)) chars.push(" " + ch + " ");
      else chars.push(ch);
    });
    var cleaned = chars.join("").normalize("NFD").replace(NONSPACING_MARKS, "").toLowerCase();
    var words = [];
    cleaned.split(" ").forEach(function (token) {
      var current = "";
      Array.from(token).forEach(function (ch) {
        if (isPunctuation(ch)) {
          if (current) words.push(current);
          words.push(ch);
          current = "";
        } else {
          current += ch;
        }
      });
      if (current) words.push(current);
    });
    return words;
  }

  // Greedy longest-match-first WordPiece (vectors.word_pieces); null for [UNK].
  function wordPieces(word, position, maxChars) {
    var chars = Array.from(word);
    if (chars.length > maxChars) return null;
    var pieces = [], start = 0;
    while (start < chars.length) {
      var end = chars.length, piece = null;
      while (end > start) {
        var candidate = (start === 0 ? "" : "##") + chars.slice(start, end).join("");
        if (position.has(candidate)) { piece = candidate; break; }
        end--;
      }
      if (piece === null) return null;
      pieces.push(piece);
      start = end;
    }
    return pieces;
  }

  function decodeInt8(base64) {
    var binary = atob(base64), out = new Int8Array(binary.length);
    for (var i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
    return out;
  }

  function Model(data) {
    this.dims = data.dims;
    this.rows = data.rows;
    this.gate = data.gate;
    this.k = data.k;
    this.limit = data.vectorResults;
    this.maxWordChars = data.maxWordChars;
    this.names = data.pieces.split("\n");
    this.position = new Map();
    for (var i = 0; i < this.names.length; i++) this.position.set(this.names[i], i);
    this.scales = data.scales;
    this.table = decodeInt8(data.table);
    var articles = decodeInt8(data.articles), dims = this.dims;
    this.articles = [];
    this.norms = [];
    for (var a = 0; a * dims < articles.length; a++) {
      var row = articles.subarray(a * dims, (a + 1) * dims), total = 0;
      for (var d = 0; d < dims; d++) total += row[d] * row[d];
      this.articles.push(row);
      this.norms.push(Math.sqrt(total));
    }
    this.siteWords = new Set(data.words ? data.words.split("\n") : []);
    this.split = new Map();  // word -> rows, or null when dropped
  }

  Model.prototype.words = basicWords;

  Model.prototype.pieces = function (text) {
    var position = this.position, maxChars = this.maxWordChars;
    return basicWords(text).map(function (w) { return wordPieces(w, position, maxChars); });
  };

  // Row numbers of a word's pieces; null when a piece is unknown or not in the site's cut.
  Model.prototype.wordRows = function (word) {
    if (!this.split.has(word)) {
      var pieces = wordPieces(word, this.position, this.maxWordChars), rows = null;
      if (pieces) {
        var position = this.position, limit = this.rows;
        rows = pieces.map(function (p) { return position.get(p); });
        if (rows.some(function (r) { return r >= limit; })) rows = null;
      }
      this.split.set(word, rows);
    }
    return this.split.get(word);
  };

  // Rows of the query's words and how many are unknown (SiteVectors.query_rows): a word of
  // one piece counts with its row or is left out quietly when the cut has none; a word of
  // several pieces counts only when the site uses it, else it is unknown (typo, nonsense).
  // The word still being typed (no space after it) is unknown until the site uses it as written.
  Model.prototype.queryRows = function (text) {
    var rows = [], unknown = 0, self = this, words = basicWords(text), counted = [];
    words.forEach(function (w, i) { if (Array.from(w).length > 1 || !isPunctuation(w)) counted.push(i); });
    var typing = counted.length && !/\s$/.test(String(text || "")) ? counted[counted.length - 1] : -1;
    words.forEach(function (w, i) {
      if (i === typing && !self.siteWords.has(w)) { unknown++; return; }  // half a word: lexical prefixes rank
      var pieces = wordPieces(w, self.position, self.maxWordChars);
      if (pieces && pieces.length === 1) {
        var r = self.position.get(pieces[0]);
        if (r < self.rows) rows.push(r);
      } else if (pieces && self.siteWords.has(w) && self.wordRows(w)) {
        rows.push.apply(rows, self.wordRows(w));
      } else if (counted.indexOf(i) >= 0) {
        unknown++;
      }
    });
    return { rows: rows, unknown: unknown };
  };

  // Normalised mean of the pieces' vectors; each distinct row once, weighted by its count,
  // in order of first appearance (as VectorTable.mean_vector adds them).
  Model.prototype.meanVector = function (rows) {
    var counts = new Map();
    rows.forEach(function (r) { counts.set(r, (counts.get(r) || 0) + 1); });
    if (!counts.size) return null;
    var dims = this.dims, acc = new Float64Array(dims), table = this.table, scales = this.scales;
    counts.forEach(function (count, r) {
      var weight = count * scales[r], base = r * dims;
      for (var i = 0; i < dims; i++) acc[i] = acc[i] + weight * table[base + i];
    });
    var total = 0;
    for (var i = 0; i < dims; i++) total += acc[i] * acc[i];
    if (total === 0) return null;
    var norm = Math.sqrt(total);
    for (i = 0; i < dims; i++) acc[i] = acc[i] / norm;
    return acc;
  };

  Model.prototype.queryVector = function (text) {
    return this.meanVector(this.queryRows(text).rows);
  };

  Model.prototype.cosines = function (vector) {
    var dims = this.dims, norms = this.norms;
    return this.articles.map(function (row, a) {
      if (!norms[a]) return 0;
      var total = 0;
      for (var i = 0; i < dims; i++) total += vector[i] * row[i];
      return total / norms[a];
    });
  };

  Model.prototype.rank = function (query, limit) {
    var found = this.queryRows(query), vector = this.meanVector(found.rows);
    if (!vector) return { best: 0, confident: false, articles: [], cosines: [], unknown: found.unknown };
    var cosines = this.cosines(vector), order = [];
    for (var a = 0; a < cosines.length; a++) order.push(a);
    order.sort(function (x, y) { return cosines[y] - cosines[x] || x - y; });
    order = order.slice(0, limit || this.limit);
    var best = order.length ? cosines[order[0]] : 0;
    return { best: best, confident: best >= this.gate && !found.unknown, articles: order,
             cosines: order.map(function (i) { return cosines[i]; }), unknown: found.unknown };
  };

  // The article order once vectors are loaded: lexical fused with a confident vector ranking.
  Model.prototype.rerank = function (query, lexical) {
    var ranking = this.rank(query);
    return ranking.confident ? fuse(lexical, ranking.articles, this.k) : lexical.slice();
  };

  // Reciprocal rank fusion: sum of 1 / (k + rank), rank from 1; ties keep first appearance.
  // k comes from the site's vector data (nightdesk/search/ranking.py RRF_K), never from here.
  function fuse(lexical, semantic, k) {
    var scores = new Map();
    [lexical, semantic].forEach(function (ranked) {
      ranked.forEach(function (item, i) { scores.set(item, (scores.get(item) || 0) + 1 / (k + i + 1)); });
    });
    var items = Array.from(scores.keys());
    return items.map(function (item, i) { return [item, i]; })
      .sort(function (x, y) { return scores.get(y[0]) - scores.get(x[0]) || x[1] - y[1]; })
      .map(function (pair) { return pair[0]; });
  }

  window.nightdesk = window.nightdesk || {};
  window.nightdesk.vectors = {
    open: function (data) { return new Model(data); },
    fuse: fuse
  };
})();
