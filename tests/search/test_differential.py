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


def test_same_index_as_lunr_js_builds(lunr_page, bundle):
    """lunr.js indexing the same documents gives the same terms and (to lunr's rounding) scores."""
    lunr_page.evaluate(BUILD_WITH_LUNR_JS)
    result = lunr_page.evaluate("""([docs, packed]) => {
        const built = buildWithLunrJs(docs, packed);
        const shipped = window.nightdeskUnpackIndex(packed);
        const byTerm = index => {
          const terms = Object.keys(index.invertedIndex), out = {};
          const termOf = {}; terms.forEach(t => termOf[index.invertedIndex[t]._index] = t);
          Object.keys(index.fieldVectors).forEach(ref => {
            const el = index.fieldVectors[ref].elements, v = {};
            for (let i = 0; i < el.length; i += 2) v[termOf[el[i]]] = el[i + 1];
            if (el.length) out[ref] = v;
          });
          return {terms: terms.sort(), vectors: out};
        };
        return {built: byTerm(built), shipped: byTerm(shipped)};
    }""", [bundle.documents, bundle.index])
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
    lunr_page.evaluate(BUILD_WITH_LUNR_JS)
    queries = [q["q"] for q in yaml.safe_load((Path(__file__).parent / "queries.yml").read_text())]
    queries += ["pay", "key", "today", "trying", "customer's", "cafe", "e-mail"]
    queries = [re.sub(r"[:^~*+\-]", " ", q) for q in queries]  # plain words: no lunr query syntax
    js = lunr_page.evaluate("""([docs, packed, queries]) => {
        const built = buildWithLunrJs(docs, packed);
        const shipped = window.nightdeskUnpackIndex(packed);
        const top = (index, q) => index.search(q).slice(0, 5).map(r => [r.ref, r.score]);
        return queries.map(q => [top(built, q), top(shipped, q)]);
    }""", [bundle.documents, bundle.index, queries])
    for query, (built, shipped) in zip(queries, js):
        python = [[r["ref"], r["score"]] for r in bundle.lunr_index.search(query)[:5]]
        _assert_same_ranking(query, python, built)
        _assert_same_ranking(query, python, shipped)
    for word in ("pay", "key", "today"):
        assert js[queries.index(word)][1], f"lunr.js finds nothing for {word!r} in the shipped index"


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

