"""Regression gate: search quality on a real manual (the Zen Cart development set) must not drop.

Builds ../shared/corpora/zencart-storeowner with nightdesk's defaults and no synonyms file, runs every
query of zencart_queries.yml through `window.nightdesk.search` in Chromium, and compares success@1,
success@3, MRR (overall and per query kind) and the nonsense "No good match" rate with the committed
baseline (bench/results/quality-baseline.json). A drop of more than MARGIN overall, or of more than one
query's worth in a kind, fails. When search gets better, write the new baseline in the same commit:

    .venv/bin/python bench/quality.py --engines nightdesk --write-baseline

The full comparison with mkdocs-material is `make quality`. About 30 s on a quiet machine (the build is
most of it); skipped when the corpus is absent; `pytest -m "not quality"` skips it.
"""
from __future__ import annotations

import json

import pytest
import quality

pytestmark = [pytest.mark.quality, pytest.mark.browser]

MARGIN = 0.02  # overall: about 3 of the 136 queries
METRICS = ("success_at_1", "success_at_3", "mrr")


@pytest.fixture(scope="module")
def baseline() -> dict:
    assert quality.BASELINE.exists(), f"{quality.BASELINE} is missing: run bench/quality.py --write-baseline"
    return json.loads(quality.BASELINE.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def measured(tmp_path_factory, browser) -> dict:
    source = quality.corpus()
    if source is None:
        pytest.skip(f"{quality.CORPUS_NAME} corpus not found (../shared/corpora, /work/shared/corpora, "
                    "$NIGHTDESK_CORPORA)")
    work = tmp_path_factory.mktemp("quality")
    quality.prepare(source, work)
    site = work / "site"
    quality.build(quality.write_config(work, "nightdesk", plugins=quality.search_plugins()), site)
    return quality.run_engine(browser, "nightdesk", site, quality.load_queries())


def test_development_set_is_big_and_varied():
    queries = quality.load_queries()
    kinds = [q["kind"] for q in queries]
    assert set(kinds) == {*quality.KINDS, "nonsense"}
    assert len(kinds) - kinds.count("nonsense") >= 100 and kinds.count("nonsense") >= 20
    assert all(q.get("relevant") for q in queries if q["kind"] != "nonsense")
    assert len({q["q"] for q in queries}) == len(queries), "a query is listed twice"


def test_relevant_articles_exist():
    source = quality.corpus()
    if source is None:
        pytest.skip("corpus not found")
    missing = [path for q in quality.load_queries() for path in q.get("relevant", []) if not (source / path).is_file()]
    assert not missing


@pytest.mark.parametrize("metric", METRICS)
def test_overall_quality_has_not_dropped(measured, baseline, metric):
    now, before = measured["overall"][metric], baseline["overall"][metric]
    print(f"\n{metric}: {now:.3f} (baseline {before:.3f})")
    assert now >= before - MARGIN, _misses(measured, f"overall {metric} {now:.3f} < baseline {before:.3f} - {MARGIN}")


@pytest.mark.parametrize("kind", quality.KINDS)
def test_no_query_kind_has_dropped(measured, baseline, kind):
    now, before = measured["by_kind"][kind], baseline["by_kind"][kind]
    allowed = 1 / now["queries"] + 1e-9  # one query's worth
    for metric in ("success_at_1", "success_at_3"):
        assert now[metric] >= before[metric] - allowed, _misses(
            measured, f"{kind} {metric} {now[metric]:.3f} < baseline {before[metric]:.3f} by more than one query",
            kind)


def test_nonsense_still_gets_no_good_match(measured, baseline):
    now, before = measured["nonsense"]["no_good_match"], baseline["nonsense"]["no_good_match"]
    assert now >= before - 1 / measured["nonsense"]["queries"] - 1e-9, (
        f"nonsense answered \"No good match\": {now:.0%}, baseline {before:.0%}")


def _misses(measured: dict, headline: str, kind: str | None = None) -> str:
    rows = [r for r in measured["queries"] if r["kind"] != "nonsense" and (kind is None or r["kind"] == kind)
            and not (r["rank"] and r["rank"] <= 3)]
    return "\n".join([headline, "not in the top 3:"] + [f"  [{r['kind']}] {r['q']!r} -> {r['top3']}" for r in rows])
