"""vectors.py and search-vectors.js must agree: same word pieces, same query vectors, same ranking.

The sample content's vectors are built in Python, written as the site's data script and
loaded with search-vectors.js in Chromium from file://; every query of queries.yml plus
words that are hard to split go through both sides.
"""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from nightdesk.search import vectors
from nightdesk.search.vectors import article_text, build_site_vectors, fuse
from nightdesk.search.ranking import RRF_K
from nightdesk.site.assets import PACKAGE_ASSETS as ASSETS

from test_differential import TRICKY, articles

pytestmark = pytest.mark.browser
QUERIES = [q["q"] for q in yaml.safe_load((Path(__file__).parent / "queries.yml").read_text(encoding="utf-8"))]
HARD = [TRICKY, "xyzzy plumbing lasers", "authorisaton", "東京 to-do’s\u00a0non\u2011breaking\ttabs\x07bell\u200bzero",
        "İstanbul ΣΊΣΥΦΟΣ Ⅻ ﬁle", "a" * 120, "", "   ", "how do i", "£1,000.50 3–5 days", "emoji🙂end",
        "card dec", "card dec ", "refund?", "refund ?", "pay\u00a0", "pay\u2003", "pay\x1c"]


@pytest.fixture(scope="module")
def site():
    return build_site_vectors([article_text(a) for a in articles()])


@pytest.fixture
def vectors_page(page, tmp_path, site):
    data = tmp_path / "search-vectors-data.js"
    data.write_text(site.script(), encoding="utf-8")
    script = Path(str(ASSETS / "search-vectors.js"))
    html = f'<script src="{script.resolve().as_uri()}"></script><script src="{data.as_uri()}"></script>'
    (tmp_path / "vectors.html").write_text(f"<!doctype html><meta charset=utf-8>{html}", encoding="utf-8")
    page.goto((tmp_path / "vectors.html").as_uri())
    page.wait_for_function("() => !!(window.nightdesk && window.nightdesk.vectors && window.__nightdeskVectors)")
    page.evaluate("() => { window.model = window.nightdesk.vectors.open(window.__nightdeskVectors); }")
    return page


def test_same_word_pieces(vectors_page, site):
    texts = QUERIES + HARD
    in_browser = vectors_page.evaluate("texts => texts.map(t => [model.words(t), model.pieces(t)])", texts)
    for text, (words, pieces) in zip(texts, in_browser):
        assert words == vectors.basic_words(text), text
        assert pieces == [vectors.word_pieces(w, site.table.position) for w in words], text
    assert len(texts) >= 50


def test_same_query_vectors_and_ranking(vectors_page, site):
    texts = QUERIES + HARD
    in_browser = vectors_page.evaluate("""texts => texts.map(t => {
        const v = model.queryVector(t), r = model.rank(t);
        return [v ? Array.from(v) : null, r.best, r.confident, r.articles, r.cosines, r.unknown];
    })""", texts)
    confident = 0
    for text, (vector, best, is_confident, ranked, cosines, unknown) in zip(texts, in_browser):
        expected = site.query_vector(text)
        if expected is None:
            assert vector is None, text
        else:
            assert max(abs(a - b) for a, b in zip(vector, expected)) < 1e-12, text
        ranking = site.rank(text)
        assert ranked == ranking.articles, text
        assert best == pytest.approx(ranking.best, abs=1e-12) and is_confident == ranking.confident, text
        assert cosines == pytest.approx(ranking.cosines, abs=1e-12) and unknown == ranking.unknown, text
        confident += is_confident
    assert confident >= len(QUERIES) // 2  # the gate lets real questions through
    assert vectors_page.evaluate("() => [model.gate, model.k]") == [site.gate, site.k]
    assert not vectors_page.js_errors and not vectors_page.external_requests


def test_same_fusion(vectors_page):
    cases = [([1, 2, 3], []), ([], [5, 6]), ([1, 2, 3], [4, 2, 5]), ([1, 2], [2, 1]),
             (list(range(30)), list(range(29, -1, -1))), ([7, 3, 9, 1], [9, 8, 7, 6, 3])]
    in_browser = vectors_page.evaluate("([cases, k]) => cases.map(c => nightdesk.vectors.fuse(c[0], c[1], k))",
                                       [cases, RRF_K])
    assert in_browser == [fuse(a, b, RRF_K) for a, b in cases]


def test_same_rerank(vectors_page, site):
    lexical = list(range(len(site.articles)))[::-1]
    in_browser = vectors_page.evaluate("([qs, lexical]) => qs.map(q => model.rerank(q, lexical))", [QUERIES, lexical])
    assert in_browser == [site.rerank(q, lexical) for q in QUERIES]
    assert any(order != lexical for order in in_browser)


def test_site_search_fuses_meaning_after_the_first_results(page, search_site):
    """The built site: vectors load only after the first search, then the box's results are the
    lexical ones fused with the vector ranking, exactly as SiteVectors.rerank() orders them."""
    from nightdesk.search.query import MAX_RESULTS, SearchEngine
    from nightdesk.search.vectors import SiteVectors

    if not (search_site / vectors.SITE_FILE).exists():
        pytest.skip("the sample site is built without `vectors: true`")

    fetched = []
    page.on("request", lambda request: fetched.append(request.url))
    page.goto((search_site / "index.html").as_uri())
    page.wait_for_function("() => !!(window.nightdesk && window.nightdesk.search)")
    page.evaluate("() => window.nightdesk.search('refund')")
    assert not any("search-vectors" in url for url in fetched)  # not before the first results
    page.evaluate("() => window.nightdesk.loadVectors()")
    assert any("search-vectors-data.js" in url for url in fetched)
    engine, site = SearchEngine.from_site(search_site), SiteVectors.from_site(search_site)
    urls = [a[0] for a in engine.store["articles"]]
    in_browser = page.evaluate("qs => Promise.all(qs.map(q => window.nightdesk.search(q)))", QUERIES)
    js_lexical = page.evaluate("qs => window.nightdesk.load().then(e => qs.map(q => e.lexical(q).results.map(r => r.article)))", QUERIES)
    js_rank = page.evaluate("qs => window.nightdesk.load().then(e => qs.map(q => e.vectors.rank(q)))", QUERIES)
    root = search_site.as_uri() + "/"
    changed = 0
    for query, results in zip(QUERIES, in_browser):
        lexical = [r.article for r in engine.search(query)]
        i = QUERIES.index(query)
        assert js_lexical[i] == lexical, query
        r = site.rank(query)
        assert (js_rank[i]["articles"], js_rank[i]["confident"]) == (r.articles, r.confident), query
        expected = [urls[a] for a in site.rerank(query, lexical)][:MAX_RESULTS]  # search.js shows 50
        assert [r["url"][len(root):].split("#")[0] for r in results] == expected, (query, [urls[a] for a in lexical])
        changed += expected != [urls[a] for a in lexical]
    assert changed  # meaning moved some results
    assert not page.js_errors and not page.external_requests
