"""nightdesk against plain mkdocs-material, side by side, in one run on this machine.

    make bench                                     # = .venv/bin/python bench/run.py --sizes 100 1000 5000
    .venv/bin/python bench/run.py --sizes 100 --no-browser

For each size, bench/generate_kb.py writes a knowledge base; it is built with nightdesk (the plugins
and theme of the repository's mkdocs.yml) and with mkdocs-material + its `search` plugin. Prints a
markdown table, checks issue 6's targets, and writes bench/results/latest.json (plus
baseline-100.json, the CI gate's reference, when 100 is among the sizes).
"""
from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
from importlib import metadata
from pathlib import Path

from generate_kb import generate
from measure import compare, search_speed
from targets import check_targets

RESULTS = Path(__file__).resolve().parent / "results"


def machine() -> dict:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    memory_kb = int(Path("/proc/meminfo").read_text().split()[1])
    chromium = shutil.which("chromium")
    return {"cpu": cpu, "cores": os.cpu_count(), "memory_gb": round(memory_kb / 1024 / 1024),
            "os": platform.platform(), "python": platform.python_version(),
            "mkdocs": metadata.version("mkdocs"), "mkdocs-material": metadata.version("mkdocs-material"),
            "chromium": subprocess.run([chromium, "--version"], capture_output=True, text=True).stdout.strip()
            if chromium else None}


def kib(n: float) -> str:
    return f"{n / 1024:,.0f} KiB" if n < 1024 * 1024 * 10 else f"{n / 1024 / 1024:,.0f} MiB"


def table(rows: dict[int, dict]) -> str:
    lines = ["| Articles | Build time, nightdesk / material | Peak memory | Site size | Median page HTML "
             "| Search payload gzipped (raw) | First results, box (API) | Keystroke p50 / p95 |",
             "|---:|---|---|---|---|---|---|---|"]
    for size, r in sorted(rows.items()):
        ours, theirs, pay, ratio = r["nightdesk"], r["material"], r["search_payload"], r["ratios"]
        search = r.get("search", {}).get("http")
        lines.append(
            f"| {size:,} | {ours['build_s']:.1f} s / {theirs['build_s']:.1f} s (**{ratio['build_time']:.2f}**) "
            f"| {ours['peak_mb']:.0f} / {theirs['peak_mb']:.0f} MB ({ratio['peak_memory']:.2f}) "
            f"| {kib(ours['site_bytes'])} / {kib(theirs['site_bytes'])} (**{ratio['site_size']:.2f}**) "
            f"| {kib(ours['median_page_bytes'])} / {kib(theirs['median_page_bytes'])} ({ratio['median_page']:.2f}) "
            f"| {kib(pay['nightdesk_gzip'])} ({kib(pay['nightdesk_raw'])}) / {kib(pay['material_gzip'])} "
            f"({kib(pay['material_raw'])}) (**{ratio['search_payload_gzip']:.2f}**) "
            + (f"| {search['first_box_ms']:.0f} ms ({search['first_api_ms']:.0f} ms) "
               f"| {search['keystroke_p50_ms']:.1f} / {search['keystroke_p95_ms']:.1f} ms |" if search else "| – | – |"))
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 5000])
    parser.add_argument("--runs", type=int, help="builds per site, the fastest kept (default 3 up to 1,000 articles, else 1)")
    parser.add_argument("--no-browser", action="store_true", help="skip the Chromium search timings")
    parser.add_argument("--keep", action="store_true", help="keep the generated sites (material's grow quadratically)")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="nightdesk-run-"))
    rows: dict[int, dict] = {}
    try:
        for size in args.sizes:
            runs = args.runs or (3 if size <= 1000 else 1)
            print(f"{size:,} articles: building both sites ({runs} run{'s' * (runs > 1)} each) ...", flush=True)
            row = compare(generate(size, work / str(size)), runs=runs)
            if not args.no_browser:
                row["search"] = search_speed(Path(row["sites"]["nightdesk"]))
            del row["sites"]  # temporary folders, gone after the run
            rows[size] = row
            if not args.keep:
                shutil.rmtree(work / str(size))  # 5,000 articles: material's site alone is several GB
    finally:
        if args.keep:
            print(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)

    checks = check_targets(rows)
    result = {"date": datetime.date.today().isoformat(), "machine": machine(), "command": " ".join(sys.argv),
              "sizes": {str(size): row for size, row in rows.items()}, "growth": growth(rows), "targets": checks}
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "latest.json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    if 100 in rows:
        baseline = {"date": result["date"], "machine": result["machine"], **rows[100]}
        (RESULTS / "baseline-100.json").write_text(json.dumps(baseline, indent=2) + "\n", encoding="utf-8")

    print(f"\n{table(rows)}\n")
    print(f"{result['date']}, {result['machine']['cpu']} ({result['machine']['cores']} cores), "
          f"{result['machine']['chromium']}. Search timings: served over HTTP, median of 5 fresh pages.\n")
    for name, factor in result["growth"].items():
        print(f"  growth {min(rows):,} -> {max(rows):,}: {name} x{factor:.2f}")
    for check in checks:
        print(f"  {'met   ' if check['met'] else 'MISSED'} {check['target']}: {check['value']:.2f} (limit {check['limit']})")
    print(f"\nwrote {RESULTS / 'latest.json'}")


if __name__ == "__main__":
    main()
