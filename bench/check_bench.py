"""Benchmark `nightdesk check` on a generated knowledge base (target: under 2 s for 1,000 articles).

    .venv/bin/python bench/check_bench.py            # 1,000 articles, 5 runs
    .venv/bin/python bench/check_bench.py 5000 --runs 3

Times the whole command as an author runs it (a new process: start-up, reading mkdocs.yml, every check,
printing), then splits one in-process run into reading the knowledge base and running the checks.
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from generate_kb import generate

from nightdesk.core.checks import run_checks
from nightdesk.core.knowledge_base import KnowledgeBase


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int, nargs="?", default=1000)
    parser.add_argument("--runs", type=int, default=5)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        config = generate(options.count, Path(tmp))
        command = [sys.executable, "-m", "nightdesk.cli", "check", "--config", str(config), "--format", "json"]
        times = []
        for _ in range(options.runs):
            start = time.perf_counter()
            done = subprocess.run(command, capture_output=True, text=True, cwd=tmp)
            times.append(time.perf_counter() - start)
            if done.returncode not in (0, 1):
                sys.exit(done.stderr)
        content = config.parent / "content"
        start = time.perf_counter()
        kb = KnowledgeBase.load(content)
        loaded = time.perf_counter()
        files = [p.relative_to(content).as_posix() for p in content.rglob("*") if p.is_file()]
        report = run_checks(kb, files)
        checked = time.perf_counter()
    print(f"nightdesk check, {options.count} articles: median {statistics.median(times):.2f} s, "
          f"best {min(times):.2f} s over {options.runs} runs ({report.summary})")
    print(f"  in process: read {loaded - start:.2f} s, checks {checked - loaded:.2f} s")


if __name__ == "__main__":
    main()
