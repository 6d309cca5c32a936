"""CI regression gate: 100 realistic generated articles built with nightdesk and with mkdocs-material.

Ratios (nightdesk / material) may be at most RATIO_TOLERANCE (25%; build time 100%) worse than the 100-article row of the
last full benchmark (bench/results/baseline-100.json, written by `make bench`); measuring both sides in
the same run keeps the gate meaningful on any machine. Search timings are held to a share of
mkdocs-material's own search box's first result in the same run (never to absolute milliseconds);
nightdesk's are measured from disk (file://): over HTTP the service worker's first-visit precache runs
alongside and makes timings swing with the machine's load.
About 40 s; `pytest -m "not bench"` skips it.
"""
import json
from pathlib import Path

import pytest
from generate_kb import generate
from measure import compare, search_speed, serve
from search_bench import QUERIES, material_first_results
from targets import (FIRST_RESULTS_SHARE_OF_MATERIAL, GATED_RATIOS, KEYSTROKE_SHARE_OF_MATERIAL_FIRST, RATIO_TOLERANCE,
                     RATIO_TOLERANCES)

pytestmark = pytest.mark.bench

BASELINE = Path(__file__).resolve().parents[2] / "bench" / "results" / "baseline-100.json"


@pytest.fixture(scope="module")
def baseline() -> dict:
    assert BASELINE.exists(), f"{BASELINE} is missing: run `make bench` (or bench/run.py --sizes 100) once"
    return json.loads(BASELINE.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def measured(tmp_path_factory) -> dict:
    return compare(generate(100, tmp_path_factory.mktemp("bench-100"), realistic=True), runs=3)


@pytest.mark.parametrize("ratio", GATED_RATIOS)
def test_ratio_has_not_regressed(measured, baseline, ratio):
    now, before = measured["ratios"][ratio], baseline["ratios"][ratio]
    tolerance = RATIO_TOLERANCES.get(ratio, RATIO_TOLERANCE)
    assert now <= before * tolerance, (
        f"{ratio} (nightdesk / mkdocs-material, 100 articles) is {now:.2f}, baseline {before:.2f} "
        f"from {baseline['date']}: more than {tolerance - 1:.0%} worse")


@pytest.mark.browser
def test_search_is_still_fast(measured):
    """Against mkdocs-material's own search box in the same run: nightdesk's first results and keystrokes
    take a fraction of the time material takes to show its first result (targets.py)."""
    speed = search_speed(Path(measured["sites"]["nightdesk"]), where=("file",), passes=2)["file"]
    material = material_first_results(serve(Path(measured["sites"]["material"])), QUERIES[0])
    assert material > 0, "mkdocs-material's search box showed no result"
    assert speed["first_box_best_ms"] <= FIRST_RESULTS_SHARE_OF_MATERIAL * material, (speed, material)
    assert speed["keystroke_p95_ms"] <= KEYSTROKE_SHARE_OF_MATERIAL_FIRST * material, (speed, material)
