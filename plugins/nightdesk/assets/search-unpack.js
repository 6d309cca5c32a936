/*
 * Opens the packed index written by nightdesk/search/packing.py as postings search.js queries
 * directly (nightdeskUnpackIndex), scoring exactly as a lunr.Index of the same documents would:
 * tests/search/test_differential.py compares both in Chromium. A hand-rolled parser, because this
 * runs on the first search. Also unpacks the built-in thesaurus (nightdeskUnpackThesaurus).
 */
(function () {
  "use strict";

  var COMMA = 44, SEMICOLON = 59, COLON = 58, NINE = 57;

  // JavaScript compares strings by UTF-16 unit; Python sorted the terms by code point. They differ only
  // where a surrogate (a character beyond U+FFFF) meets U+E000-U+FFFF: lift surrogates above both.
  function unit(c) { return c >= 0xD800 && c <= 0xDFFF ? c + 0x10000 : c; }
  function compareCodePoints(a, b) {
    var n = Math.min(a.length, b.length);
    for (var i = 0; i < n; i++) {
      var x = a.charCodeAt(i), y = b.charCodeAt(i);
      if (x !== y) return unit(x) - unit(y);
    }
    return a.length - b.length;
  }

  // The order lunr's TokenSet lists the terms a wildcard expands to (its trie walked depth first, a
  // word before its longer words, the last edge first; Object.keys puts the digit edges first). Matches
  // are made in that order, and equal scores keep it, so results tie-break exactly as lunr.js's did.
  function edgeRank(c) { return c >= 48 && c <= NINE ? c - 48 : c + 10; }
  function lunrExpansionOrder(a, b) {
    var n = Math.min(a.length, b.length);
    for (var i = 0; i < n; i++) {
      var x = a.charCodeAt(i), y = b.charCodeAt(i);
      if (x !== y) return edgeRank(y) - edgeRank(x);
    }
    return a.length - b.length;
  }

  function escapeRegExp(text) { return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); }

  /*
   * The packed index as postings the browser searches directly: per term and field, the documents
   * holding it and lunr's BM25 weight of the term there (lunr.idf, k1, b, field boost, rounded to 3
   * decimals as lunr's Builder rounds it), in typed arrays. One pass over the packed documents, no
   * lunr.Index, no field vectors, no token set: the first search no longer waits for them.
   */
  function Index(packed) {
    var fields = this.fields = packed.fields, F = this.fieldCount = fields.length;
    var terms = this.terms = packed.terms, T = terms.length, docs = packed.docs, D = this.documentCount = docs.length;
    var k1 = packed.k1, b = packed.b, boosts = packed.boosts;
    this.fieldNumber = Object.create(null);
    for (var f = 0; f < F; f++) this.fieldNumber[fields[f]] = f;
    this.allFields = fields.map(function (name, i) { return i; });

    // Parse "gap[:count],gap...;..." per document: term gaps in base 36, counts in decimal.
    var chars = 0;
    for (var d = 0; d < D; d++) chars += docs[d].length;
    var capacity = ((chars + D * F) >> 1) + 8;  // an entry takes at least one digit and one separator
    var entryTerm = new Uint32Array(capacity), entryCount = new Uint32Array(capacity);
    var partStart = new Uint32Array(D * F + 1), fieldLength = new Uint32Array(D * F);
    var postingCount = new Uint32Array(T * F + 1), documentsWithTerm = new Uint32Array(T);
    var totalLength = new Float64Array(F), n = 0;
    for (d = 0; d < D; d++) {
      var doc = docs[d], base = d * F, field = 0, term = 0, value = 0, count = 0, length = 0;
      var inCount = false, hasItem = false;
      partStart[base] = n;
      for (var i = 0; i <= doc.length; i++) {
        var c = i < doc.length ? doc.charCodeAt(i) : SEMICOLON;
        if (c === COMMA || c === SEMICOLON) {
          if (hasItem) {
            term += value;
            var tf = inCount ? count : 1;
            entryTerm[n] = term; entryCount[n] = tf; n++;
            length += tf;
            postingCount[term * F + field]++;
            documentsWithTerm[term]++;  // lunr.idf counts every field of every document
          }
          value = 0; count = 0; inCount = false; hasItem = false;
          if (c === SEMICOLON) {
            fieldLength[base + field] = length; totalLength[field] += length;
            field++; term = 0; length = 0;
            if (field < F) partStart[base + field] = n;
          }
        } else if (c === COLON) {
          inCount = true;
        } else if (inCount) {
          count = count * 10 + (c - 48);
        } else {
          value = value * 36 + (c <= NINE ? c - 48 : c - 87);
          hasItem = true;
        }
      }
      for (; field < F; field++) partStart[base + field] = n;  // trailing empty fields are not written
    }
    partStart[D * F] = n;

    var idf = new Float64Array(T);
    for (var t = 0; t < T; t++) {
      var x = (D - documentsWithTerm[t] + 0.5) / (documentsWithTerm[t] + 0.5);
      idf[t] = Math.log(1 + Math.abs(x));
    }
    var averageLength = [];
    for (f = 0; f < F; f++) averageLength.push(totalLength[f] / D);

    // Postings, in the order lunr.js lists a posting's documents (Object.keys: refs that read as
    // whole numbers first, by value, then the rest as added), so matches tie-break as in lunr.js.
    var start = this.postingStart = new Uint32Array(T * F + 1), sum = 0;
    for (var p = 0; p < T * F; p++) { start[p] = sum; sum += postingCount[p]; }
    start[T * F] = sum;
    var cursor = start.slice(0, T * F);
    var postingDocument = this.postingDocument = new Uint32Array(n);
    var postingWeight = this.postingWeight = new Int32Array(n);  // thousandths: lunr rounds to 3 decimals
    var order = documentKeyOrder(D);
    for (var o = 0; o < D; o++) {
      d = order[o];
      for (f = 0; f < F; f++) {
        var from = partStart[d * F + f], to = partStart[d * F + f + 1];
        if (from === to) continue;
        var norm = k1 * (1 - b + b * (fieldLength[d * F + f] / averageLength[f]));
        for (var e = from; e < to; e++) {
          t = entryTerm[e];
          var frequency = entryCount[e];
          var score = idf[t] * ((k1 + 1) * frequency) / (norm + frequency);
          score *= boosts[f];
          var at = cursor[t * F + f]++;
          postingDocument[at] = d;
          postingWeight[at] = Math.round(score * 1000);
        }
      }
    }
    // For typos and "did you mean" (search.js): the words as written per term (nightdesk/search/
    // packing.py _forms), and how many fields hold each term.
    this.nightdeskTerms = terms;
    this.nightdeskForms = packed.forms || [];
    this.nightdeskTermDocuments = documentsWithTerm;
  }

  function documentKeyOrder(count) {
    var numeric = [], rest = [];
    for (var d = 0; d < count; d++) (/^[0-9]+$/.test(d.toString(36)) ? numeric : rest).push(d);
    numeric.sort(function (a, b) { return parseInt(a.toString(36), 10) - parseInt(b.toString(36), 10); });
    return numeric.concat(rest);
  }

  // The term's number, -1 when the index does not have it.
  Index.prototype.termNumber = function (term) {
    var at = this.lowerBound(term);
    return at < this.terms.length && this.terms[at] === term ? at : -1;
  };

  Index.prototype.has = function (term) { return this.termNumber(term) >= 0; };

  Index.prototype.lowerBound = function (term) {
    var lo = 0, hi = this.terms.length, terms = this.terms;
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      if (compareCodePoints(terms[mid], term) < 0) lo = mid + 1; else hi = mid;
    }
    return lo;
  };

  // The terms (numbers) a clause's term stands for: itself, or with `prefix` (and any "*" in it, as
  // lunr's TokenSet.fromString reads one) every term it matches, in lunr's expansion order.
  Index.prototype.expand = function (term, prefix) {
    var star = term.indexOf("*");
    if (star < 0 && !prefix) {
      var exact = this.termNumber(term);
      return exact < 0 ? [] : [exact];
    }
    var literal = star < 0 ? term : term.slice(0, star), terms = this.terms, found = [];
    var pattern = star < 0 ? null :
      new RegExp("^" + term.split("*").map(escapeRegExp).join("[\\s\\S]*") + (prefix ? "" : "$"));
    for (var i = this.lowerBound(literal); i < terms.length && terms[i].lastIndexOf(literal, 0) === 0; i++) {
      if (!pattern || pattern.test(terms[i])) found.push(i);
    }
    return found.sort(function (a, b) { return lunrExpansionOrder(terms[a], terms[b]); });
  };

  /*
   * lunr.Index.prototype.query, for clauses [{term, prefix, fields: [names] (default all), boost}] of
   * terms already through the pipeline: each document's score is, per field, the dot product of the
   * query's boosts with the document's term weights over the query vector's length, summed over fields,
   * with lunr's order of operations throughout, so scores and ties equal lunr.js's on the same index.
   * -> [{ref: document number, score, terms: {term: {field: true}}}], best first.
   */
  Index.prototype.query = function (clauses) {
    var F = this.fieldCount, terms = this.terms, fields = this.fields, i, j, k, f, p, end, key;
    var start = this.postingStart, postingDocument = this.postingDocument, postingWeight = this.postingWeight;
    var work = this.work || (this.work = new Scratch(this.documentCount, F, terms.length));
    var now = work.next();
    // 1. Clauses in order: the query vector per field (boosts summed per term, as lunr's upsert does),
    //    and each term/field posting once, in the order lunr first meets it.
    var boosts = [];
    for (f = 0; f < F; f++) boosts.push(new Map());
    var slots = [];
    for (i = 0; i < clauses.length; i++) {
      var clause = clauses[i], boost = clause.boost === undefined ? 1 : clause.boost;
      var inFields = clause.fields ? clause.fields.map(function (name) { return this.fieldNumber[name]; }, this) : this.allFields;
      var expanded = this.expand(clause.term, clause.prefix);
      for (j = 0; j < expanded.length; j++) {
        var t = expanded[j];
        for (k = 0; k < inFields.length; k++) {
          f = inFields[k];
          var slot = t * F + f, previous = boosts[f].get(t);
          boosts[f].set(t, previous === undefined ? boost : previous + boost);
          if (work.slotSeen[slot] !== now) { work.slotSeen[slot] = now; slots.push(slot); }
        }
      }
    }
    // 2. Matching document fields in the order lunr makes them (it scores them in that order).
    var keys = [];
    for (i = 0; i < slots.length; i++) {
      f = slots[i] % F;
      for (p = start[slots[i]], end = start[slots[i] + 1]; p < end; p++) {
        key = postingDocument[p] * F + f;
        if (work.keySeen[key] !== now) { work.keySeen[key] = now; work.dot[key] = 0; work.firstTerm[key] = -1; keys.push(key); }
      }
    }
    // 3. Dot products, adding term by term in term order as lunr's Vector.dot does; and the terms matched.
    var ascending = slots.slice().sort(function (a, b) { return a - b; });
    for (i = 0; i < ascending.length; i++) {
      var s = ascending[i];
      f = s % F;
      var term = (s - f) / F, q = boosts[f].get(term);
      for (p = start[s], end = start[s + 1]; p < end; p++) {
        key = postingDocument[p] * F + f;
        work.dot[key] += q * (postingWeight[p] / 1000);
        work.link(key, term);
      }
    }
    var magnitude = boosts.map(function (vector) {
      var ts = Array.from(vector.keys()).sort(function (a, b) { return a - b; }), squares = 0;
      for (var i = 0; i < ts.length; i++) { var v = vector.get(ts[i]); squares += v * v; }
      return Math.sqrt(squares);
    });
    // 4. Per document, fields summed in match order; documents in the order first matched.
    var results = [], byDocument = work.byDocument;
    for (i = 0; i < keys.length; i++) {
      key = keys[i];
      f = key % F;
      var document = (key - f) / F, score = work.dot[key] / magnitude[f] || 0, result;
      if (work.documentSeen[document] !== now) {
        work.documentSeen[document] = now;
        result = byDocument[document] = { ref: document, score: score, terms: Object.create(null) };
        results.push(result);
      } else {
        result = byDocument[document];
        result.score += score;
      }
      for (var e = work.firstTerm[key]; e >= 0; e = work.nextTerm[e]) {
        var name = terms[work.term[e]];
        (result.terms[name] || (result.terms[name] = Object.create(null)))[fields[f]] = true;
      }
    }
    return results.sort(function (a, b) { return b.score - a.score; });
  };

  // Working arrays of Index.query, kept between queries: marks stamped with the query's number
  // instead of cleared, so a keystroke allocates next to nothing.
  function Scratch(documents, fields, terms) {
    this.now = 0;
    this.slotSeen = new Uint32Array(terms * fields);
    this.keySeen = new Uint32Array(documents * fields);
    this.documentSeen = new Uint32Array(documents);
    this.dot = new Float64Array(documents * fields);
    this.firstTerm = new Int32Array(documents * fields);
    this.byDocument = new Array(documents);
    this.term = new Int32Array(1024);
    this.nextTerm = new Int32Array(1024);
    this.used = 0;
  }

  Scratch.prototype.next = function () {
    this.used = 0;
    if (++this.now === 0xFFFFFFFF) {  // after four billion queries, start the marks afresh
      this.now = 1;
      this.slotSeen.fill(0); this.keySeen.fill(0); this.documentSeen.fill(0);
    }
    return this.now;
  };

  // The matched terms of a document field, as a list threaded through two growable arrays.
  Scratch.prototype.link = function (key, term) {
    if (this.used === this.term.length) {
      var grownTerm = new Int32Array(this.used * 2), grownNext = new Int32Array(this.used * 2);
      grownTerm.set(this.term); grownNext.set(this.nextTerm);
      this.term = grownTerm; this.nextTerm = grownNext;
    }
    this.term[this.used] = term;
    this.nextTerm[this.used] = this.firstTerm[key];
    this.firstTerm[key] = this.used++;
  };

  window.nightdeskUnpackIndex = function (packed) { return new Index(packed); };

  // The built-in thesaurus, packed as [["typed|typed", "target|target"], ...] (nightdesk/search/
  // thesaurus.py), as rows [phrase stems, index terms, 1]: every typed phrase to every target
  // that shares no word with it.
  window.nightdeskUnpackThesaurus = function (packed) {
    var rows = [];
    packed.forEach(function (entry) {
      var targets = entry[1].split("|").map(function (t) { return t.split(" "); });
      entry[0].split("|").forEach(function (phrase) {
        var stems = phrase.split(" ");
        targets.forEach(function (target) {
          var shared = target.some(function (term) { return stems.indexOf(term) >= 0; });
          if (!shared) rows.push([stems, target, 1]);
        });
      });
    });
    return rows;
  };
})();
