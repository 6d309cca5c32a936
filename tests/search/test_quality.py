"""Search quality in the real browser: a relevant article in the top 3 for >= 90% of queries.yml."""
from pathlib import Path

import pytest
import yaml

pytestmark = pytest.mark.browser
QUERIES = yaml.safe_load((Path(__file__).parent / "queries.yml").read_text(encoding="utf-8"))
TARGET = 0.90


def test_query_set_is_big_and_varied():
    assert len(QUERIES) >= 60
    assert {q["kind"] for q in QUERIES} == {"question", "synonym", "typo", "prefix", "keyword"}


def test_relevant_article_in_top_3(page, search_site):
    page.goto((search_site / "index.html").as_uri())
    found = page.evaluate("qs => Promise.all(qs.map(q => window.nightdesk.search(q)))", [q["q"] for q in QUERIES])
    misses = []
    for query, results in zip(QUERIES, found):
        top = [r["url"].split("#")[0][len((search_site / "x").as_uri()) - 1:].removesuffix(".html") + ".md"
               for r in results[:3]]
        if not set(query["expect"]) & set(top):
            misses.append(f"{query['kind']}: {query['q']!r} -> {top}")
    rate = 1 - len(misses) / len(QUERIES)
    print(f"\nsearch quality: {rate:.1%} of {len(QUERIES)} queries have a relevant article in the top 3")
    assert rate >= TARGET, "\n".join(misses)
    assert not page.js_errors and not page.external_requests
