/*
 * The browser half of nightdesk's text pipeline (the Python half is
 * nightdesk/search/pipeline.py). It registers the same labels the prebuilt index
 * names, so lunr.Index.load() finds them, and must turn every word into the same
 * term as Python does: tests/search/test_differential.py checks that in Chromium.
 * Needs lunr.js loaded first, then search-language.js: the site language's settings
 * (window.nightdeskLanguage: stop words and elisions written by pipeline.py) and, for a
 * language other than English, the lunr-languages Snowball stemmer mkdocs-material ships.
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

  var language = window.nightdeskLanguage || { code: "en", stopWords: null, elisions: [] };
  var english = language.code === "en";
  var stopWords = {};
  (language.stopWords || []).forEach(function (w) { stopWords[w] = true; });
  var elisions = {};
  (language.elisions || []).forEach(function (e) { elisions[e] = true; });
  // Same as pipeline.py's _ELISION: "l'état" -> "état", "qu’il" -> "il".
  var ELISION = /^([^'\u2018\u2019\u02bc`]+)['\u2018\u2019\u02bc`]([\s\S]*)$/;

  function elide(word) {
    var match = ELISION.exec(word);
    return match && match[2] && elisions[match[1].toLowerCase()] === true ? match[2] : word;
  }

  function normalizeWord(word) {
    if (language.elisions && language.elisions.length) word = elide(word);
    return word.toLowerCase().normalize("NFD").replace(COMBINING_MARKS, "")
      .replace(APOSTROPHES, "").replace(EDGE_NON_WORD, "");
  }

  // English: lunr.js's own Porter stemmer is the reference; pipeline.py ports it to Python.
  // Other languages: lunr-languages' Snowball stemmer; pipeline.py uses snowballstemmer.
  var languageStemmer = english ? lunr.stemmer : lunr[language.code].stemmer;
  function stem(word) {
    return languageStemmer(new lunr.Token(word)).toString();
  }

  function isStopWord(word) {
    return english ? !lunr.stopWordFilter(new lunr.Token(word)) : stopWords[word] === true;
  }

  function stopWordFilter(token) {
    return isStopWord(token.toString()) ? undefined : token;
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

  // Builds an index in the browser the way nightdesk's build does (used by the tests); `compounds`
  // is the build's table of compound words and their parts (pipeline.py's Language.compounds).
  function useNightdeskPipeline(builder, compounds) {
    function splitter(token) {
      var parts = compounds && compounds[token.toString()];
      if (!parts) return token;
      return [token].concat(parts.map(function (part) { return new lunr.Token(part, token.metadata); }));
    }
    builder.pipeline.reset();
    if (english && !compounds) builder.pipeline.add(trimmer, lunr.stopWordFilter, stemmer);
    else builder.pipeline.add(trimmer, splitter, stopWordFilter, stemmer);
    builder.searchPipeline.reset();
    builder.searchPipeline.add(stemmer);
  }

  window.nightdeskPipeline = {
    language: language.code,
    normalizeText: normalizeText,
    normalizeWord: normalizeWord,
    stem: stem,
    isStopWord: isStopWord,
    useNightdeskPipeline: useNightdeskPipeline
  };
})();
