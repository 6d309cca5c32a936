"""`nightdesk gaps` on a big feedback log (issue 12: 100,000 records, 80,000 distinct queries, under 30 s).

    .venv/bin/python bench/gaps_bench.py SITE_DIR      # a built site; prints the seconds

`gaps_seconds()` is what bench/run.py reports per size. The log is made from the site's own titles:
failed searches of one to four title words, a third of the words with a typo, each query made distinct
by a number a reader might type (an order or invoice number), the most frequent ones repeated.
"""
from __future__ import annotations

import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RECORDS = 100_000
DISTINCT = 80_000


def feedback_log(site: Path, path: Path, records: int = RECORDS, distinct: int = DISTINCT, seed: int = 12) -> None:
    """Write `records` failed-search records (JSON lines, as assets/feedback.js sends them) to `path`."""
    store = (site / "assets" / "nightdesk" / "search-store.js").read_text(encoding="utf-8")
    titles = [row[1] for row in json.loads(store[store.index("=") + 1:].rstrip().rstrip(";"))["articles"]]
    words = sorted({w for title in titles for w in title.lower().split() if w.isalpha() and len(w) > 3})
    rng = random.Random(seed)

    def typo(word: str) -> str:
        i = rng.randrange(len(word))
        return word[:i] + rng.choice("aeiourstn") + word[i + 1:] if rng.random() < 0.34 else word

    queries = [" ".join(typo(rng.choice(words)) for _ in range(rng.randint(1, 4))) + f" {n}" for n in range(distinct)]
    with path.open("w", encoding="utf-8") as out:
        for n in range(records):
            query = queries[n] if n < distinct else queries[int(rng.paretovariate(1.2)) % distinct]
            out.write(json.dumps({"type": "search", "query": query, "results": 0, "id": f"r{n}",
                                  "at": "2026-12-01T21:00:00Z"}) + "\n")


def gaps_seconds(site: Path) -> float:
    """Wall time of `nightdesk gaps LOG --site SITE` (its own process, as a writer runs it)."""
    with tempfile.TemporaryDirectory() as folder:
        log = Path(folder) / "feedback.jsonl"
        feedback_log(site, log)
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "nightdesk.cli", "gaps", str(log), "--site", str(site)],
                       check=True, stdout=subprocess.DEVNULL)
        return time.perf_counter() - started


if __name__ == "__main__":
    print(f"nightdesk gaps, {RECORDS:,} records ({DISTINCT:,} distinct): {gaps_seconds(Path(sys.argv[1])):.1f} s")
