/*
 * Turns the packed index written by nightdesk/search/packing.py back into the
 * lunr.Index lunr.py built: rebuilds the inverted index from each document's term
 * list and re-runs lunr's BM25 scoring (idf, k1, b, field boosts) exactly as lunr's
 * Builder does. A hand-rolled parser, because this runs on the first search.
 * Also unpacks the built-in thesaurus (nightdeskUnpackThesaurus). Needs lunr.js loaded first.
 */
(function () {
  "use strict";

  var COMMA = 44, SEMICOLON = 59, COLON = 58, NINE = 57;
  var NO_METADATA = {};  // lunr only reads a posting's metadata: one shared empty object

  window.nightdeskUnpackIndex = function (packed) {
    var fields = packed.fields, terms = packed.terms, k1 = packed.k1, b = packed.b;
    var documentCount = packed.docs.length, termCount = terms.length;
    // Postings are built on first use: a search touches a few terms, and filling
    // every posting up front would be most of the time to the first result.
    var refsByField = fields.map(function () { return new Array(termCount); });
    var documentsWithTerm = new Uint32Array(termCount);
    var invertedIndex = Object.create(null);
    terms.forEach(function (term, t) {
      Object.defineProperty(invertedIndex, term, {
        enumerable: true, configurable: true,
        get: function () {
          var posting = { _index: t };
          for (var f = 0; f < fields.length; f++) {
            var refs = refsByField[f][t] || [], metadata = posting[fields[f]] = {};
            for (var r = 0; r < refs.length; r++) metadata[refs[r]] = NO_METADATA;
          }
          Object.defineProperty(invertedIndex, term, { value: posting, enumerable: true });
          return posting;
        }
      });
    });

    // Parse "gap[:count],gap...;..." per document: gaps in base 36, counts in decimal.
    var entries = [], totalLength = fields.map(function () { return 0; });
    packed.docs.forEach(function (doc, position) {
      var ref = position.toString(36), field = 0, term = 0, value = 0, count = 0;
      var inCount = false, hasItem = false, list = [], length = 0;
      for (var i = 0; i <= doc.length; i++) {
        var c = i < doc.length ? doc.charCodeAt(i) : SEMICOLON;
        if (c === COMMA || c === SEMICOLON) {
          if (hasItem) {
            term += value;
            var tf = inCount ? count : 1;
            list.push(term, tf);
            length += tf;
            (refsByField[field][term] || (refsByField[field][term] = [])).push(ref);
            documentsWithTerm[term]++;
          }
          value = 0; count = 0; inCount = false; hasItem = false;
          if (c === SEMICOLON) {
            if (list.length) { entries.push(field, ref, list, length); totalLength[field] += length; }
            field++; term = 0; list = []; length = 0;
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
    });

    // lunr.idf: every field of every document counts (as lunr's Builder does).
    var idf = new Float64Array(termCount);
    for (var t = 0; t < termCount; t++) {
      var x = (documentCount - documentsWithTerm[t] + 0.5) / (documentsWithTerm[t] + 0.5);
      idf[t] = Math.log(1 + Math.abs(x));
    }
    var averageLength = totalLength.map(function (total) { return total / documentCount; });
    var fieldVectors = Object.create(null);
    for (var e = 0; e < entries.length; e += 4) {
      var fieldNumber = entries[e], list = entries[e + 2], fieldLength = entries[e + 3];
      var boost = packed.boosts[fieldNumber], elements = new Array(list.length);
      var norm = k1 * (1 - b + b * (fieldLength / averageLength[fieldNumber]));
      for (var j = 0; j < list.length; j += 2) {
        var tf = list[j + 1];
        var score = idf[list[j]] * ((k1 + 1) * tf) / (norm + tf);
        score *= boost;
        elements[j] = list[j];
        elements[j + 1] = Math.round(score * 1000) / 1000;
      }
      fieldVectors[fields[fieldNumber] + "/" + entries[e + 1]] = new lunr.Vector(elements);
    }

    var index = new lunr.Index({
      invertedIndex: invertedIndex,
      fieldVectors: fieldVectors,
      tokenSet: lunr.TokenSet.fromArray(terms.slice().sort()),  // JS string order
      fields: fields,
      pipeline: lunr.Pipeline.load(packed.pipeline)
    });
    // For typos and "did you mean" (search.js): the words as written per term
    // (packing in nightdesk/search/packing.py _forms), and how many fields hold each term.
    index.nightdeskTerms = terms;
    index.nightdeskForms = packed.forms || [];
    index.nightdeskTermDocuments = documentsWithTerm;
    return index;
  };

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
