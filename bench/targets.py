"""The targets of issue 6, and the tolerance the CI regression gate allows.

Targets are checked at 1,000 articles by `bench/run.py`. The CI gate (tests/bench/) builds 100 articles,
where fixed start-up costs dominate and the ratios are different, so it compares against the 100-article
row of the last full run (bench/results/baseline-100.json) instead, allowing RATIO_TOLERANCE for noise.
"""
from __future__ import annotations

TARGET_SIZE = 1000
# ratio name in measure.compare()["ratios"] -> most allowed (nightdesk / mkdocs-material)
RATIO_TARGETS = {"build_time": 0.5, "site_size": 0.2, "search_payload_gzip": 1.0}
PAGE_GROWTH_LIMIT = 1.2      # median page HTML at the largest size / at the smallest
FIRST_RESULTS_MS = 300       # fresh page, query typed in the box -> options shown (over HTTP)
KEYSTROKE_P95_MS = 30

# CI: a ratio may be at most 25% worse than the baseline before the gate fails (shared 2-core runners
# make single timings swing by 10-20%; builds are the best of 3, interleaved, to tame that).
RATIO_TOLERANCE = 1.25
GATED_RATIOS = ("build_time", "peak_memory", "site_size", "median_page", "search_payload_gzip")


def check_targets(rows: dict[int, dict]) -> list[dict]:
    """Every target against a full run's rows ({articles: row}); each item says whether it is met."""
    checks = []
    row = rows.get(TARGET_SIZE)
    if row:
        for name, limit in RATIO_TARGETS.items():
            checks.append({"target": f"{name} ratio at {TARGET_SIZE}", "value": row["ratios"][name], "limit": limit})
        if "search" in row:
            checks.append({"target": f"first results (ms) at {TARGET_SIZE}",
                           "value": row["search"]["http"]["first_box_ms"], "limit": FIRST_RESULTS_MS})
            checks.append({"target": f"keystroke p95 (ms) at {TARGET_SIZE}",
                           "value": row["search"]["http"]["keystroke_p95_ms"], "limit": KEYSTROKE_P95_MS})
    if len(rows) > 1:
        small, large = rows[min(rows)], rows[max(rows)]
        growth = large["nightdesk"]["median_page_bytes"] / small["nightdesk"]["median_page_bytes"]
        checks.append({"target": f"page size growth {min(rows)} -> {max(rows)}", "value": growth,
                       "limit": PAGE_GROWTH_LIMIT})
    for check in checks:
        check["met"] = check["value"] <= check["limit"]
    return checks
