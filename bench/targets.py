"""The benchmark's targets (issue 12, on realistic articles; issue 6's site-size ones still hold), and the
tolerance of the CI regression gate.

`bench/run.py` checks them at 1,000 and 5,000 realistic articles, against mkdocs-material in the same run.
The CI gate (tests/bench/) builds 100 articles, where fixed start-up costs dominate and the ratios are
different, so it compares against the 100-article row of the last full run (bench/results/baseline-100.json)
instead, allowing RATIO_TOLERANCE for noise, and holds search timings to the CI limits below.
"""
from __future__ import annotations

import math

# Per size: (what, where in the row, most allowed). Ratios are nightdesk / mkdocs-material; search
# timings are over HTTP in headless Chromium, medians of fresh pages for first results.
TARGETS: dict[int, list[tuple[str, tuple[str, ...], float]]] = {
    1000: [
        ("first results, ms", ("search", "http", "first_box_ms"), 120),
        ("keystroke p95, ms", ("search", "http", "keystroke_p95_ms"), 16),
        ("long tasks > 50 ms while typing", ("search", "http", "long_tasks_while_typing"), 0),
        ("lexical index + store gzipped / material's search_index.json", ("ratios", "search_payload_gzip"), 0.5),
        ("build time / material's", ("ratios", "build_time"), 0.3),
        ("peak build memory / material's", ("ratios", "peak_memory"), 1.0),
        ("site size / material's (issue 6)", ("ratios", "site_size"), 0.2),
        ("nightdesk gaps on 100,000 records (80,000 distinct), s", ("gaps_s",), 30),
    ],
    5000: [
        ("first results, ms", ("search", "http", "first_box_ms"), 250),
        ("keystroke p95, ms", ("search", "http", "keystroke_p95_ms"), 30),
        ("long tasks > 50 ms while typing", ("search", "http", "long_tasks_while_typing"), 0),
        ("build time / material's", ("ratios", "build_time"), 0.3),
        ("peak build memory / material's", ("ratios", "peak_memory"), 1.0),
        ("nightdesk gaps on 100,000 records (80,000 distinct), s", ("gaps_s",), 30),
    ],
}
VECTOR_BUDGET_GZIP = 2.5 * 1024 * 1024  # issue 11: word-vector table + article vectors, gzipped
PAGE_GROWTH_LIMIT = 1.2      # median page HTML at the largest size / at the smallest (issue 6)

# CI gate (100 articles): no absolute milliseconds (a shared runner's load swings them tenfold), but
# mkdocs-material's own search box in the same run on the same machine as the yardstick: nightdesk's
# first results (from disk, best of 5 fresh pages) within this share of material's (over HTTP, best of 3),
# and a keystroke (p95, best of 2 typing passes) within this much smaller share of it. Measured on a
# busy 2-core machine at 100 articles: first results ~0.1 of material's, keystroke p95 ~0.01.
FIRST_RESULTS_SHARE_OF_MATERIAL = 0.5
KEYSTROKE_SHARE_OF_MATERIAL_FIRST = 0.1
# A ratio may be at most 25% worse than the baseline before the gate fails (shared 2-core runners
# make single timings swing by 10-20%; builds are the best of 3, interleaved, to tame that).
RATIO_TOLERANCE = 1.25
# Build time at 100 articles is mostly start-up (imports, theme), a few seconds on either side: a burst
# of load on one side's builds moves the ratio by more than sizes or memory ever move (1.19 calm, 1.78
# and 2.11 on a loaded machine): it may double before the gate fails.
RATIO_TOLERANCES = {"build_time": 2.0}
GATED_RATIOS = ("build_time", "peak_memory", "site_size", "median_page", "search_payload_gzip")


def pick(row: dict, path: tuple[str, ...]):
    for key in path:
        if not isinstance(row, dict) or key not in row:
            return None
        row = row[key]
    return row


def check_targets(rows: dict[int, dict]) -> list[dict]:
    """Every target against a run's rows ({articles: row}); each item says whether it is met (None: not
    measured in this run)."""
    checks = []
    for size, targets in TARGETS.items():
        row = rows.get(size)
        if not row:
            continue
        for name, path, limit in targets:
            checks.append({"target": f"{name} at {size:,}", "value": pick(row, path), "limit": limit})
        throttled = pick(row, ("search", "http_4x", "keystroke_p95_ms"))
        if throttled is not None:  # reported, not a target: the issue asks for it "as well"
            checks.append({"target": f"keystroke p95 with 4x CPU throttling, ms at {size:,} (report only)",
                           "value": throttled, "limit": None})
        vectors = pick(row, ("search_payload", "vectors_gzip"))
        if vectors:
            checks.append({"target": f"word vectors + article vectors gzipped, bytes at {size:,}",
                           "value": vectors, "limit": VECTOR_BUDGET_GZIP})
    if len(rows) > 1:
        small, large = rows[min(rows)], rows[max(rows)]
        growth = large["nightdesk"]["median_page_bytes"] / small["nightdesk"]["median_page_bytes"]
        checks.append({"target": f"median page size growth {min(rows):,} -> {max(rows):,} (issue 6)",
                       "value": growth, "limit": PAGE_GROWTH_LIMIT})
    for check in checks:
        value, limit = check["value"], check["limit"]
        check["met"] = None if value is None or limit is None or (isinstance(value, float) and math.isnan(value)) \
            else value <= limit
    return checks
