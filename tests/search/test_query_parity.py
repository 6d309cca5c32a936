"""search/query.py is the browser's search in Python: same top 3 for every query in queries.yml.

`nightdesk gaps` relies on this to say honestly whether a failed search is answered now.
"""
from pathlib import Path

import pytest
import yaml

from nightdesk.search.query import SearchEngine

QUERIES = [q["q"] for q in yaml.safe_load((Path(__file__).parent / "queries.yml").read_text(encoding="utf-8"))]
# Half-typed and odd inputs too: prefixes, stop words only, a trailing space, a failed search.
EXTRA = ["ref", "refund ", "how do i", "", "gift vouchers", "accuontantt", "VAT", "card-reader", "customer's",
         "send the parcel back", "pay my supplier back"]


@pytest.mark.browser
def test_python_search_gives_the_browsers_top_3(page, search_site):
    page.goto((search_site / "index.html").as_uri())
    queries = QUERIES + EXTRA
    in_browser = page.evaluate("qs => Promise.all(qs.map(q => window.nightdesk.search(q)))", queries)
    root = (search_site / "x").as_uri()[:-1]
    engine = SearchEngine.from_site(search_site)
    differences, whole_lists_equal = [], 0
    for query, browser_results in zip(queries, in_browser):
        browser_urls = [r["url"].removeprefix(root) for r in browser_results]
        python_urls = [r.url for r in engine.search(query)]
        whole_lists_equal += browser_urls == python_urls
        if browser_urls[:3] != python_urls[:3]:
            differences.append(f"{query!r}: browser {browser_urls[:3]} != python {python_urls[:3]}")
    print(f"\nquery parity: same top 3 for {len(queries) - len(differences)}/{len(queries)} queries, "
          f"same whole result list for {whole_lists_equal}")
    assert not differences, "\n".join(differences)
    assert not page.js_errors


@pytest.mark.browser
def test_scores_agree_too(page, search_site):
    """Same scores (as shown, 3 decimals), not merely the same order, for a few typical queries."""
    page.goto((search_site / "index.html").as_uri())
    queries = ["refnd", "money back", "card dec", "how do I send an invoice"]
    in_browser = page.evaluate("qs => Promise.all(qs.map(q => window.nightdesk.search(q)))", queries)
    engine = SearchEngine.from_site(search_site)
    root = (search_site / "x").as_uri()[:-1]
    for query, browser_results in zip(queries, in_browser):
        python_results = engine.search(query)
        assert len(python_results) == len(browser_results), query
        for mine, theirs in zip(python_results, browser_results):
            assert (mine.url, mine.score) == (theirs["url"].removeprefix(root), theirs["score"]), query
