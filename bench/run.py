"""nightdesk against plain mkdocs-material, side by side, in one run on this machine.

    make bench                                          # = bench/run.py --sizes 100 1000 5000 --real
    .venv/bin/python bench/run.py --sizes 1000 --real   # skip 5,000 (material alone takes 10+ minutes there)
    .venv/bin/python bench/run.py --sizes 100 --no-browser
    .venv/bin/python bench/run.py --sizes 1000 --short  # the short uniform articles of earlier runs

For each size, bench/generate_kb.py writes a knowledge base of realistic articles (median 700 words, one
in ten over 2,000, link-list and glossary pages; --short: the old short ones); `--real` adds the shared
real manual (../shared/corpora/zencart-storeowner, copied, never written). Each is built with nightdesk
(the plugins and theme of the repository's mkdocs.yml) and with mkdocs-material + its `search` plugin:
build time, peak memory, sizes, search payload, and `nightdesk gaps` on 100,000 feedback records
(bench/gaps_bench.py). nightdesk's search is then timed in headless Chromium:
first results on a fresh page, keystroke p50/p95 and long tasks while typing, over HTTP (normal CPU and
4x throttled) and from disk. Prints each figure next to its issue-12 target, and writes
bench/results/latest.json (plus baseline-100.json, the CI gate's reference, when 100 is among the sizes).
"""
from __future__ import annotations

import argparse
import datetime
import json
import math
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from importlib import metadata
from pathlib import Path

from generate_kb import generate, length_stats
from gaps_bench import gaps_seconds
from measure import compare, search_speed
from targets import check_targets

RESULTS = Path(__file__).resolve().parent / "results"


def machine(load_at_start: tuple[float, float, float] | None = None) -> dict:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    memory_kb = int(Path("/proc/meminfo").read_text().split()[1])
    chromium = shutil.which("chromium")
    return {"cpu": cpu, "cores": os.cpu_count(), "memory_gb": round(memory_kb / 1024 / 1024),
            "os": platform.platform(), "python": platform.python_version(),
            "mkdocs": metadata.version("mkdocs"), "mkdocs-material": metadata.version("mkdocs-material"),
            "chromium": subprocess.run([chromium, "--version"], capture_output=True, text=True).stdout.strip()
            if chromium else None, "load_average_at_start": load_at_start or os.getloadavg(),
            "load_average_at_end": os.getloadavg()}


def kib(n: float) -> str:
    return f"{n / 1024:,.0f} KiB" if n < 1024 * 1024 * 10 else f"{n / 1024 / 1024:,.0f} MiB"


def ms(value) -> str:
    return "–" if value is None or (isinstance(value, float) and math.isnan(value)) else f"{value:.0f}"


def table(rows: dict) -> str:
    lines = ["| Articles | Build time, nightdesk / material | Peak memory | Site size | Median page HTML "
             "| Search payload gzipped (raw) | First results, box (API) | Keystroke p50 / p95 | 4x CPU: first / p95 "
             "| Long tasks while typing | `nightdesk gaps`, 100k records |",
             "|---:|---|---|---|---|---|---|---|---|---|---|"]
    for label, r in rows.items():
        ours, theirs, pay, ratio = r["nightdesk"], r["material"], r["search_payload"], r["ratios"]
        search = r.get("search", {}).get("http")
        slow = r.get("search", {}).get("http_4x")
        name = f"{label:,}" if isinstance(label, int) else label
        cells = [
            name,
            f"{ours['build_s']:.1f} s / {theirs['build_s']:.1f} s (**{ratio['build_time']:.2f}**)",
            f"{ours['peak_mb']:.0f} / {theirs['peak_mb']:.0f} MB (**{ratio['peak_memory']:.2f}**)",
            f"{kib(ours['site_bytes'])} / {kib(theirs['site_bytes'])} ({ratio['site_size']:.2f})",
            f"{kib(ours['median_page_bytes'])} / {kib(theirs['median_page_bytes'])} ({ratio['median_page']:.2f})",
            f"{kib(pay['nightdesk_gzip'])} ({kib(pay['nightdesk_raw'])}) / {kib(pay['material_gzip'])} "
            f"({kib(pay['material_raw'])}) (**{ratio['search_payload_gzip']:.2f}**)"
            + (f" + vectors {kib(pay['vectors_gzip'])}" if pay.get("vectors_gzip") else ""),
            f"{ms(search['first_box_ms'])} ms ({ms(search['first_api_ms'])} ms)" if search else "–",
            f"{search['keystroke_p50_ms']:.1f} / {search['keystroke_p95_ms']:.1f} ms" if search else "–",
            f"{ms(slow['first_box_ms'])} / {slow['keystroke_p95_ms']:.0f} ms" if slow else "–",
            f"{search['long_tasks_while_typing']} (longest {search['longest_task_ms']:.0f} ms)" if search else "–",
            f"{r['gaps_s']:.1f} s" if "gaps_s" in r else "–",
        ]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def growth(rows: dict[int, dict]) -> dict:
    """Each measure at the largest size divided by the same at the smallest."""
    if len(rows) < 2:
        return {}
    small, large = rows[min(rows)], rows[max(rows)]
    picks = {f"{side} {key}": (lambda r, s=side, k=key: r[s][k])
             for side in ("nightdesk", "material") for key in ("build_s", "peak_mb", "site_bytes", "median_page_bytes")}
    picks["nightdesk search payload gzip"] = lambda r: r["search_payload"]["nightdesk_gzip"]
    picks["material search payload gzip"] = lambda r: r["search_payload"]["material_gzip"]
    if "search" in small and "search" in large:
        for key in ("first_box_ms", "first_api_ms", "keystroke_p50_ms", "keystroke_p95_ms"):
            picks[f"nightdesk {key}"] = lambda r, k=key: r["search"]["http"][k]
    return {name: pick(large) / pick(small) for name, pick in picks.items()}


def real_corpus(work: Path) -> tuple[Path, list[str]] | None:
    """The shared real manual copied to work/content (articles only), a kb mkdocs.yml path next to it,
    and a few of its development-set queries for the keystroke timings; None when it is not there."""
    import quality

    source = quality.corpus()
    if source is None:
        return None
    work.mkdir(parents=True)
    shutil.copytree(source, work / "content", ignore=shutil.ignore_patterns("SOURCE.md"))
    by_kind: dict[str, list[str]] = {}  # two of each kind, in the file's order
    for query in quality.load_queries():
        if query["kind"] != "nonsense":
            by_kind.setdefault(query["kind"], []).append(query["q"])
    queries = [q for kind in by_kind.values() for q in kind[:2]]
    return work / "mkdocs.yml", queries


def measure_row(kb_config: Path, runs: int, browser: bool, queries: list[str] | None = None) -> dict:
    row = compare(kb_config, runs=runs)
    row["gaps_s"] = gaps_seconds(Path(row["sites"]["nightdesk"]))
    if browser:
        row["search"] = search_speed(Path(row["sites"]["nightdesk"]), slowdowns=(4,), queries=queries)
    del row["sites"]  # temporary folders, gone after the run
    return row


def main() -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[100, 1000, 5000])
    parser.add_argument("--real", action="store_true", help="also the shared real manual (zencart-storeowner)")
    parser.add_argument("--short", action="store_true", help="short uniform articles instead of realistic ones")
    parser.add_argument("--runs", type=int, help="builds per site, the fastest kept (default 3 up to 1,000 articles, else 1)")
    parser.add_argument("--no-browser", action="store_true", help="skip the Chromium search timings")
    parser.add_argument("--keep", action="store_true", help="keep the generated sites (material's grow quadratically)")
    args = parser.parse_args()

    load_at_start = os.getloadavg()  # machine() runs at the end
    work = Path(tempfile.mkdtemp(prefix="nightdesk-run-"))
    rows: dict[int, dict] = {}
    real: dict | None = None
    started = time.perf_counter()
    try:
        for size in args.sizes:
            runs = args.runs or (3 if size <= 1000 else 1)
            print(f"{size:,} {'short' if args.short else 'realistic'} articles: building both sites "
                  f"({runs} run{'s' * (runs > 1)} each) ... [{time.perf_counter() - started:.0f} s]", flush=True)
            kb = generate(size, work / str(size), realistic=not args.short)
            stats = length_stats(work / str(size) / "content")
            rows[size] = measure_row(kb, runs, not args.no_browser)
            rows[size]["articles"] = stats
            if not args.keep:
                shutil.rmtree(work / str(size))  # 5,000 articles: material's site alone is several GB
        if args.real:
            found = real_corpus(work / "real")
            if found is None:
                print("real corpus: skipped, zencart-storeowner not found")
            else:
                print(f"real corpus (zencart-storeowner): building both sites ... [{time.perf_counter() - started:.0f} s]",
                      flush=True)
                real = measure_row(found[0], args.runs or 3, not args.no_browser, queries=found[1])
    finally:
        if args.keep:
            print(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)

    checks = check_targets(rows)
    result = {"date": datetime.date.today().isoformat(), "machine": machine(load_at_start), "command": " ".join(sys.argv),
              "articles": "short" if args.short else "realistic", "minutes": (time.perf_counter() - started) / 60,
              "sizes": {str(size): row for size, row in rows.items()}, "real_corpus": real,
              "growth": growth(rows), "targets": checks}
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "latest.json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    if 100 in rows and not args.short:
        baseline = {"date": result["date"], "machine": result["machine"], **rows[100]}
        (RESULTS / "baseline-100.json").write_text(json.dumps(baseline, indent=2) + "\n", encoding="utf-8")

    shown = {**rows, **({"Zen Cart manual (real, 726 files)": real} if real else {})}
    print(f"\n{table(shown)}\n")
    print(f"{result['date']}, {result['machine']['cpu']} ({result['machine']['cores']} cores, load "
          f"{result['machine']['load_average_at_start'][0]:.1f} at start, "
          f"{result['machine']['load_average_at_end'][0]:.1f} at the end), {result['machine']['chromium']}. "
          "Search timings: served over HTTP, service workers blocked, first results median of 5 fresh pages.\n")
    for name, factor in result["growth"].items():
        print(f"  growth {min(rows):,} -> {max(rows):,}: {name} x{factor:.2f}")
    for check in checks:
        status = {True: "met   ", False: "MISSED", None: "      "}[check["met"]]
        value = check["value"]
        shown_value = "not measured" if value is None else f"{value:,.2f}"
        limit = "" if check["limit"] is None else f" (target <= {check['limit']:,})"
        print(f"  {status} {check['target']}: {shown_value}{limit}")
    if real and "search" in real:
        s = real["search"]["http"]
        print(f"  real manual, against the 1,000-article targets: first results {ms(s['first_box_ms'])} ms (120), "
              f"keystroke p95 {s['keystroke_p95_ms']:.1f} ms (16), long tasks {s['long_tasks_while_typing']} (0), "
              f"payload {real['ratios']['search_payload_gzip']:.2f} (0.5), build {real['ratios']['build_time']:.2f} (0.3), "
              f"memory {real['ratios']['peak_memory']:.2f} (1.0)")
    print(f"\nwrote {RESULTS / 'latest.json'}")


if __name__ == "__main__":
    main()
