/*
 * The browser half of nightdesk's text pipeline (the Python half is
 * nightdesk/search/pipeline.py). It registers the same labels the prebuilt index
 * names, so lunr.Index.load() finds them, and must turn every word into the same
 * term as Python does: tests/search/test_differential.py checks that in Chromium.
 * Needs lunr.js loaded first.
 */
(function () {
  "use strict";

  // Same characters as pipeline.py's _SEPARATORS.
  var SEPARATORS = /[\s\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff\-\u2010-\u2015\u2212\/|]+/g;
  var APOSTROPHES = /['\u2018\u2019\u02bc`]/g;
  var COMBINING_MARKS = /\p{M}/gu;
  var EDGE_NON_WORD = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu;

  function normalizeText(text) {
    return String(text).replace(SEPARATORS, " ").trim();
  }

  function normalizeWord(word) {
    return word.toLowerCase().normalize("NFD").replace(COMBINING_MARKS, "")
      .replace(APOSTROPHES, "").replace(EDGE_NON_WORD, "");
  }

  // lunr.js's own Porter stemmer is the reference; pipeline.py ports it to Python.
  function stem(word) {
    return lunr.stemmer(new lunr.Token(word)).toString();
  }

  function isStopWord(word) {
    return !lunr.stopWordFilter(new lunr.Token(word));
  }

  function trimmer(token) {
    token.update(normalizeWord);
    return token.toString() ? token : undefined;
  }

  function stemmer(token) {
    return token.update(function (s) { return stem(s); });
  }

  lunr.Pipeline.registerFunction(trimmer, "nightdesk-trimmer");
  lunr.Pipeline.registerFunction(stemmer, "nightdesk-stemmer");

  // Builds an index in the browser the way nightdesk's build does (used by the tests).
  function useNightdeskPipeline(builder) {
    builder.pipeline.reset();
    builder.pipeline.add(trimmer, lunr.stopWordFilter, stemmer);
    builder.searchPipeline.reset();
    builder.searchPipeline.add(stemmer);
  }

  window.nightdeskPipeline = {
    normalizeText: normalizeText,
    normalizeWord: normalizeWord,
    stem: stem,
    isStopWord: isStopWord,
    useNightdeskPipeline: useNightdeskPipeline
  };
})();
