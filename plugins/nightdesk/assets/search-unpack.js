/*
 * Opens the packed index written by nightdesk/search/packing.py as postings search.js queries
 * directly (nightdeskUnpackIndex), scoring exactly as a lunr.Index of the same documents would:
 * tests/search/test_differential.py compares both in Chromium. A hand-rolled parser, because this
 * runs on the first search. Also unpacks the built-in thesaurus (nightdeskUnpackThesaurus).
 */
(function () {
  "use strict";

  var COMMA = 44, NINE = 57;

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
   * decimals as lunr's Builder rounds it), in typed arrays. Opening it reads only the field lengths;
   * a term's postings are decoded the first time a query asks for it (postings()), so the first
   * search waits for a few terms, not for every posting of the site. No lunr.Index, no field
   * vectors, no token set.
   */
  function Index(packed) {
    var fields = this.fields = packed.fields, F = this.fieldCount = fields.length;
    this.terms = packed.terms;
    this.packedPostings = packed.postings;
    // The postings' alphabet and field separator, as packing.py wrote them.
    this.digit = new Int32Array(128);
    for (var k = 0; k < packed.digits.length; k++) this.digit[packed.digits.charCodeAt(k)] = k;
    this.base = packed.digits.length / 2;
    this.separator = packed.fieldSeparator.charCodeAt(0);
    this.k1 = packed.k1; this.b = packed.b; this.boosts = packed.boosts;
    this.fieldNumber = Object.create(null);
    for (var f = 0; f < F; f++) this.fieldNumber[fields[f]] = f;
    this.allFields = fields.map(function (name, i) { return i; });
    // Field lengths, "n,n,,n" per field in base 36 (empty for 0), as [field][document].
    var D = this.documentCount = packed.documents;
    this.fieldLength = [];
    this.averageLength = [];
    for (f = 0; f < F; f++) {
      var text = packed.lengths[f], lengths = new Uint32Array(D), d = 0, value = 0, total = 0;
      for (var i = 0; D && i <= text.length; i++) {
        var c = i < text.length ? text.charCodeAt(i) : COMMA;
        if (c === COMMA) { lengths[d++] = value; total += value; value = 0; }
        else value = value * 36 + (c <= NINE ? c - 48 : c - 87);
      }
      this.fieldLength.push(lengths);
      this.averageLength.push(total / D);
    }
    this.documentAt = documentKeyOrder(D);  // postings number documents by their place in this order
    this.decoded = new Array(this.terms.length);
    // For typos and "did you mean" (search.js): the words as written per term (nightdesk/search/
    // packing.py _forms).
    this.nightdeskTerms = this.terms;
    this.nightdeskForms = packed.forms || [];
  }

  // The order lunr.js lists a posting's documents (Object.keys: refs that read as whole numbers first,
  // by value, then the rest as added): packing.py key_order().
  function documentKeyOrder(count) {
    // A ref reads as a whole number when its base-36 digits are all 0-9; those refs, read as decimal,
    // grow with the document number, so both groups are already in order.
    var numeric = [], rest = [];
    for (var d = 0; d < count; d++) {
      var n = d, digits = true;
      do { if (n % 36 > 9) { digits = false; break; } n = Math.floor(n / 36); } while (n > 0);
      (digits ? numeric : rest).push(d);
    }
    return Uint32Array.from(numeric.concat(rest));
  }

  /*
   * Term number -> {start: per field where its postings begin (F + 1 numbers), document, weight
   * (thousandths: lunr rounds to 3 decimals)}, decoded from "gap[:count],...;..." once and kept.
   */
  Index.prototype.postings = function (t) {
    var found = this.decoded[t];
    if (found) return found;
    var text = this.packedPostings[t], F = this.fieldCount;
    // At most one entry per character.
    var document = new Uint32Array(text.length), weight = new Int32Array(text.length), counts = new Uint32Array(text.length);
    var start = new Uint32Array(F + 1), n = 0;
    var field = this.readPostings(text, function (place, count) {
      document[n] = this.documentAt[place]; counts[n] = count; n++;
    }, function (f) { start[f + 1] = n; });
    for (; field < F; field++) start[field + 1] = n;  // trailing empty fields are not written
    // lunr.idf counts every field of every document holding the term.
    var x = (this.documentCount - n + 0.5) / (n + 0.5), idf = Math.log(1 + Math.abs(x)), k1 = this.k1, b = this.b;
    for (var f = 0; f < F; f++) {
      var lengths = this.fieldLength[f], average = this.averageLength[f], boost = this.boosts[f];
      for (var e = start[f]; e < start[f + 1]; e++) {
        var norm = k1 * (1 - b + b * (lengths[document[e]] / average)), frequency = counts[e];
        var score = idf * ((k1 + 1) * frequency) / (norm + frequency);
        score *= boost;
        weight[e] = Math.round(score * 1000);
      }
    }
    return (this.decoded[t] = { start: start, document: document, weight: weight, documents: n });
  };

  /*
   * Reads a term's postings (packing.py _encode): entry(place, count) per document, endField(field) after
   * each field's part; -> how many fields were written. Each entry is gap * 2 + (count > 1), then
   * count - 2 when count > 1; each number is big-endian in base `base`, all digits but the last from
   * the second half of the alphabet.
   */
  Index.prototype.readPostings = function (text, entry, endField) {
    var digit = this.digit, base = this.base, separator = this.separator;
    var field = 0, place = 0, number = 0, withCount = false;
    for (var i = 0; i <= text.length; i++) {
      var c = i < text.length ? text.charCodeAt(i) : separator;
      if (c === separator) {
        endField.call(this, field++);
        place = 0;
        continue;
      }
      var d = digit[c];
      number = number * base + (d >= base ? d - base : d);
      if (d >= base) continue;
      if (withCount) { entry.call(this, place, number + 2); withCount = false; }
      else {
        place += number >> 1;
        if (number & 1) withCount = true;
        else entry.call(this, place, 1);
      }
      number = 0;
    }
    return field;
  };

  // How many fields of documents hold the term (lunr.idf's count), without weighing its postings.
  Index.prototype.termDocuments = function (t) {
    var n = 0;
    this.readPostings(this.packedPostings[t], function () { n++; }, function () {});
    return n;
  };

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
   * lunr.Index.prototype.query's scoring, for clauses [{term, prefix, fields: [names] (default all),
   * boost}] of terms already through the pipeline: each document's score is, per field, the dot product
   * of the query's boosts with the document's term weights over the query vector's length, summed over
   * fields, with lunr's order of operations throughout, so scores and ties equal lunr.js's on the same
   * index. -> a Match: the documents in the order first matched, their scores in typed arrays, and
   * their matched terms when asked for (Match.terms): a keystroke that matches thousands of sections
   * makes no object per section.
   */
  Index.prototype.match = function (clauses) {
    var F = this.fieldCount, terms = this.terms, fields = this.fields, i, j, k, f, p, end, key;
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
    var keys = [], posting;
    for (i = 0; i < slots.length; i++) {
      f = slots[i] % F;
      posting = this.postings((slots[i] - f) / F);
      for (p = posting.start[f], end = posting.start[f + 1]; p < end; p++) {
        key = posting.document[p] * F + f;
        if (work.keySeen[key] !== now) { work.keySeen[key] = now; work.dot[key] = 0; work.firstTerm[key] = -1; keys.push(key); }
      }
    }
    // 3. Dot products, adding term by term in term order as lunr's Vector.dot does; and the terms matched.
    var ascending = slots.slice().sort(function (a, b) { return a - b; });
    for (i = 0; i < ascending.length; i++) {
      var s = ascending[i];
      f = s % F;
      var term = (s - f) / F, q = boosts[f].get(term);
      posting = this.postings(term);
      for (p = posting.start[f], end = posting.start[f + 1]; p < end; p++) {
        key = posting.document[p] * F + f;
        work.dot[key] += q * (posting.weight[p] / 1000);
        work.link(key, term);
      }
    }
    var magnitude = boosts.map(function (vector) {
      var ts = Array.from(vector.keys()).sort(function (a, b) { return a - b; }), squares = 0;
      for (var i = 0; i < ts.length; i++) { var v = vector.get(ts[i]); squares += v * v; }
      return Math.sqrt(squares);
    });
    // 4. Per document, fields summed in match order; documents in the order first matched.
    var documents = [], score = work.score;
    for (i = 0; i < keys.length; i++) {
      key = keys[i];
      f = key % F;
      var document = (key - f) / F, fieldScore = work.dot[key] / magnitude[f] || 0;
      if (work.documentSeen[document] !== now) {
        work.documentSeen[document] = now;
        score[document] = fieldScore;
        documents.push(document);
      } else {
        score[document] += fieldScore;
      }
    }
    return new Match(this, work, documents);
  };

  function Match(index, work, documents) {
    this.index = index; this.work = work; this.now = work.now;
    this.documents = documents;  // in the order first matched
    this.score = work.score;  // by document number; valid for this.documents until the next match()
  }

  // {term: {field: true}} of a matched document.
  Match.prototype.terms = function (document) {
    var index = this.index, work = this.work, F = index.fieldCount, out = Object.create(null);
    for (var f = 0; f < F; f++) {
      var key = document * F + f;
      if (work.keySeen[key] !== this.now) continue;
      for (var e = work.firstTerm[key]; e >= 0; e = work.nextTerm[e]) {
        var name = index.terms[work.term[e]];
        (out[name] || (out[name] = Object.create(null)))[index.fields[f]] = true;
      }
    }
    return out;
  };

  // The matched documents best first (equal scores in the order first matched), as lunr.js orders them.
  Match.prototype.ranked = function () {
    var score = this.score, place = new Map();
    this.documents.forEach(function (d, i) { place.set(d, i); });
    return this.documents.slice().sort(function (a, b) { return score[b] - score[a] || place.get(a) - place.get(b); });
  };

  /*
   * lunr.Index.prototype.query: -> [{ref: document number, score, terms: {term: {field: true}}}], best
   * first. (Search itself reads the Match; this is lunr's shape, which tests compare with lunr.js.)
   */
  Index.prototype.query = function (clauses) {
    var match = this.match(clauses);
    return match.ranked().map(function (d) { return { ref: d, score: match.score[d], terms: match.terms(d) }; });
  };

  // Working arrays of Index.query, kept between queries: marks stamped with the query's number
  // instead of cleared, so a keystroke allocates next to nothing.
  function Scratch(documents, fields, terms) {
    this.now = 0;
    this.slotSeen = new Uint32Array(terms * fields);
    this.keySeen = new Uint32Array(documents * fields);
    this.documentSeen = new Uint32Array(documents);
    this.dot = new Float64Array(documents * fields);
    this.score = new Float64Array(documents);
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
