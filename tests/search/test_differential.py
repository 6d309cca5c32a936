"""lunr.py and lunr.js must agree: same terms for every word, same index, same results.

The same section documents (the sample content, plus words that used to break) are
indexed by lunr.py at build time and by lunr.js in Chromium.
"""
from __future__ import annotations

import re
from pathlib import Path

import markdown
import pytest
import yaml
from lunr.stop_word_filter import WORDS as STOP_WORDS

from nightdesk.search.index import SearchArticle, build_search
from nightdesk.search.pipeline import normalize_text, normalize_word, stem
from nightdesk.search.sections import split_sections

pytestmark = pytest.mark.browser
CONTENT = Path(__file__).resolve().parents[2] / "content"
TRICKY = ("Pay today with your key. Try it: tries, trying, happily, yesterday's key-holders. "
          "Customer's café (refund). E-mail/SMS, don’t, “quoted”, 3–5 days, £1,000.50, naïve résumé, "
          "STRASSE straße, İstanbul, ﬁle, x² ½ Ⅻ, emoji🙂end, under_score, a.b.c.")


def articles() -> list[SearchArticle]:
    found = []
    for path in sorted(CONTENT.rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        meta, body = {}, text
        if text.startswith("---"):
            _, front, body = text.split("---", 2)
            meta = yaml.safe_load(front) or {}
        html = markdown.markdown(body, extensions=["toc", "attr_list", "md_in_html"])
        found.append(SearchArticle(url=path.name, title=str(meta.get("title", path.stem)),
                                   summary=str(meta.get("summary", "")),
                                   keywords=[str(k) for k in meta.get("keywords", [])],
                                   sections=split_sections(html)))
    found.append(SearchArticle(url="tricky.html", title="Pay key today", summary=TRICKY,
                               sections=split_sections(f"<p>{TRICKY}</p><h2 id='x'>Key</h2><p>{TRICKY}</p>")))
    return found


@pytest.fixture(scope="module")
def bundle():
    return build_search(articles())


def vocabulary(bundle) -> list[str]:
    words = set()
    for document in bundle.documents:
        for field, text in document.items():
            if field != "r":
                words.update(normalize_text(text).split(" "))
    return sorted(w for w in words if w)


def test_every_word_becomes_the_same_term(lunr_page, bundle):
    words = vocabulary(bundle) + ["pay", "key", "today", "paying", "keys", "y", "yy", "Yelling"]
    in_browser = lunr_page.evaluate("""words => words.map(w => {
        const p = window.nightdeskPipeline, n = p.normalizeWord(w);
        return [n, n ? p.stem(n) : "", n ? p.isStopWord(n) : false]; })""", words)
    in_python = [[normalize_word(w), stem(normalize_word(w)) if normalize_word(w) else "",
                  normalize_word(w) in STOP_WORDS] for w in words]
    mismatches = [(w, py, js) for w, py, js in zip(words, in_python, in_browser) if py != js]
    assert not mismatches
    assert [stem(w) for w in ("pay", "key", "today")] == ["pay", "key", "today"]


# lunr.js indexing the documents itself, with nightdesk's pipeline: what the shipped index must equal.
BUILD_WITH_LUNR_JS = """() => { window.buildWithLunrJs = (docs, packed) => lunr(function () {
    window.nightdeskPipeline.useNightdeskPipeline(this);
    this.ref("r");
    packed.fields.forEach((f, i) => this.field(f, {boost: packed.boosts[i]}));
    docs.forEach(d => this.add(d));
}); }"""


# The shipped index's weights as lunr field vectors: {field/ref: {term: weight}}.
SHIPPED_VECTORS = """index => {
    const out = {}, F = index.fieldCount;
    for (let t = 0; t < index.terms.length; t++) {
      const posting = index.postings(t);
      for (let f = 0; f < F; f++) {
        for (let p = posting.start[f]; p < posting.start[f + 1]; p++) {
          const key = index.fields[f] + "/" + posting.document[p].toString(36);
          (out[key] || (out[key] = {}))[index.terms[t]] = posting.weight[p] / 1000;
        }
      }
    }
    return out;
}"""


def test_same_index_as_lunr_js_builds(lunr_page, bundle):
    """lunr.js indexing the same documents gives the same terms and (to lunr's rounding) weights."""
    lunr_page.evaluate(BUILD_WITH_LUNR_JS)
    result = lunr_page.evaluate("""([docs, packed, shippedVectors]) => {
        const built = buildWithLunrJs(docs, packed);
        const shipped = window.nightdeskUnpackIndex(packed);
        const terms = Object.keys(built.invertedIndex), vectors = {};
        const termOf = {}; terms.forEach(t => termOf[built.invertedIndex[t]._index] = t);
        Object.keys(built.fieldVectors).forEach(ref => {
          const el = built.fieldVectors[ref].elements, v = {};
          for (let i = 0; i < el.length; i += 2) v[termOf[el[i]]] = el[i + 1];
          if (el.length) vectors[ref] = v;
        });
        return {built: {terms: terms.sort(), vectors: vectors},
                shipped: {terms: shipped.terms.slice().sort(), vectors: eval(shippedVectors)(shipped)}};
    }""", [bundle.documents, bundle.index, SHIPPED_VECTORS])
    built, shipped = result["built"], result["shipped"]
    python_terms = sorted(bundle.lunr_builder.inverted_index)
    assert built["terms"] == python_terms == shipped["terms"]
    assert built["vectors"].keys() == shipped["vectors"].keys()
    python_vectors = _python_vectors(bundle)
    for ref, vector in built["vectors"].items():
        assert vector.keys() == shipped["vectors"][ref].keys() == python_vectors[ref].keys(), ref
        for term, score in vector.items():
            assert abs(score - shipped["vectors"][ref][term]) <= 0.0011, (ref, term)
            assert abs(score - python_vectors[ref][term]) <= 0.0011, (ref, term)


def test_same_top_results(lunr_page, bundle):
    """lunr.py's and lunr.js's own searches agree on the same documents."""
    lunr_page.evaluate(BUILD_WITH_LUNR_JS)
    queries = _queries()
    js = lunr_page.evaluate("""([docs, packed, queries]) => {
        const built = buildWithLunrJs(docs, packed);
        return queries.map(q => built.search(q).slice(0, 5).map(r => [r.ref, r.score]));
    }""", [bundle.documents, bundle.index, queries])
    for query, built in zip(queries, js):
        python = [[r["ref"], r["score"]] for r in bundle.lunr_index.search(query)[:5]]
        _assert_same_ranking(query, python, built)
    for word in ("pay", "key", "today"):
        assert js[queries.index(word)], f"lunr.js finds nothing for {word!r}"


# Clause sets of the kinds search.js sends (exact stems, prefixes of the word being typed, the same
# restricted to a few fields, boosted typo and synonym terms), for every query: the shipped index's
# own query() must give lunr.js's Index.query() results exactly - same documents in the same order
# (ties included), same scores, same matched terms per field.
QUERY_BOTH = """([docs, packed, clauseSets]) => {
    const built = buildWithLunrJs(docs, packed);
    const shipped = window.nightdeskUnpackIndex(packed);
    return clauseSets.map(clauses => {
      const lunrs = built.query(q => clauses.forEach(c => q.term(c.term, Object.assign(
          {usePipeline: false, boost: c.boost}, c.fields ? {fields: c.fields} : {},
          c.prefix ? {wildcard: lunr.Query.wildcard.TRAILING} : {}))));
      const ours = shipped.query(clauses);
      const fields = m => { const out = {}; Object.keys(m).sort().forEach(t => out[t] = Object.keys(m[t]).sort()); return out; };
      return [lunrs.map(r => [parseInt(r.ref, 36), r.score, fields(r.matchData.metadata)]),
              ours.map(r => [r.ref, r.score, fields(r.terms)])];
    });
}"""


def test_shipped_index_answers_every_query_as_lunr_js_does(lunr_page, bundle):
    lunr_page.evaluate(BUILD_WITH_LUNR_JS)
    clause_sets = []
    for query in _queries():
        words = [w for w in (normalize_word(raw) for raw in normalize_text(query).split(" ")) if w]
        stems = [stem(w) for w in words if w not in STOP_WORDS]
        if not words:
            continue
        exact = [{"term": s, "boost": 10} for s in stems]
        typing = {"term": words[-1], "prefix": True, "boost": 4}
        short = {**typing, "fields": ["title", "keywords", "headings"]}
        prefixes = [{"term": w, "prefix": True, "boost": 1} for w in words if len(w) >= 3]
        clause_sets += [exact, exact + [typing], exact + [short], prefixes + exact,
                        exact + [{"term": s[:-1] if len(s) > 3 else s, "boost": 2} for s in stems]]
    clause_sets += [[{"term": "p", "prefix": True, "boost": 4}], [{"term": "1", "prefix": True, "boost": 1}],
                    [{"term": "c", "prefix": True, "boost": 4, "fields": ["title", "headings"]}],
                    [{"term": "nothing-like-this", "boost": 10}]]  # no clauses at all: search.js never asks
    results = lunr_page.evaluate(QUERY_BOTH, [bundle.documents, bundle.index, clause_sets])
    assert sum(1 for lunrs, _ in results if len(lunrs) > 5) > 20  # the sets find plenty
    for clauses, (lunrs, ours) in zip(clause_sets, results):
        assert [r[0] for r in ours] == [r[0] for r in lunrs], clauses
        assert [r[2] for r in ours] == [r[2] for r in lunrs], clauses
        assert [r[1] for r in ours] == pytest.approx([r[1] for r in lunrs], rel=1e-12, abs=1e-12), clauses


def _queries() -> list[str]:
    queries = [q["q"] for q in yaml.safe_load((Path(__file__).parent / "queries.yml").read_text())]
    queries += ["pay", "key", "today", "trying", "customer's", "cafe", "e-mail", "1,000.50", "x²", "emoji🙂end"]
    return [re.sub(r"[:^~*+\-]", " ", q) for q in queries]  # plain words: no lunr query syntax


def _assert_same_ranking(query, expected, actual):
    assert len(expected) == len(actual), query
    for (ref_a, score_a), (ref_b, score_b) in zip(expected, actual):
        assert abs(score_a - score_b) < 0.01, (query, expected, actual)
        if ref_a != ref_b:  # only a tie may swap places
            tied = {r for r, s in expected if abs(s - score_a) < 0.01}
            assert ref_b in tied, (query, expected, actual)


def _python_vectors(bundle):
    term_of = {posting["_index"]: term for term, posting in bundle.lunr_builder.inverted_index.items()}
    out = {}
    for ref, vector in bundle.lunr_builder.field_vectors.items():
        elements = vector.elements
        if elements:
            out[str(ref)] = {term_of[elements[i]]: elements[i + 1] for i in range(0, len(elements), 2)}
    return out

