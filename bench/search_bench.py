"""Search timings in headless Chromium (not a test), and a quick run of them on its own.

    .venv/bin/python bench/search_bench.py [--articles 1000] [--cpu-slowdown 4] [--short] [--keep]

`measure()` is what `make bench` (bench/run.py, through measure.search_speed) and the CI gate use:
  * first results: fresh page, time from the first query to results (loads the search scripts and
    data, ranks), through the JS API and through the home search box until it has re-rendered;
  * keystroke p50/p95: typing realistic queries letter by letter into the box, a key every 50 ms,
    each timed from the input event to the box's re-render with layout;
  * long tasks: main-thread tasks over 50 ms while typing (PerformanceObserver 'longtask');
  * which search data files loaded before the first search (there should be none).
The quick run builds bench/generate_kb.py's realistic articles with nightdesk's tasks and search
plugins only and with mkdocs-material's `search`, and prints the payloads and timings.
"""
from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path


QUERIES = ["how do i refund a customer", "invocie not recieved", "card declined", "chase late payment",
           "change opening hours", "staff cant log in", "export for my accountant", "payout is late",
           "take a deposit", "no show fee"]


def build(folder: Path, plugins: str) -> Path:
    (folder / "mkdocs.yml").write_text(
        f"site_name: Bench\ndocs_dir: content\nuse_directory_urls: false\ntheme: {{name: material}}\n"
        f"markdown_extensions: [toc, admonition]\nplugins: {plugins}\n", encoding="utf-8")
    site = folder / ("site-" + re.sub(r"\W", "", plugins))
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(folder / "mkdocs.yml"), "-d", str(site)],
                   check=True, cwd=folder, env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"})
    print(f"  built {plugins} in {time.perf_counter() - started:.1f} s")
    return site


def gzipped(*paths: Path) -> int:
    return sum(len(gzip.compress(p.read_bytes(), compresslevel=6)) for p in paths)


def serve(folder: Path) -> str:
    handler = functools.partial(_Quiet, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/"


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


FIRST_QUERY_API = """async q => {
  const t0 = performance.now();
  const results = await window.nightdesk.search(q);
  return [performance.now() - t0, results.length];
}"""

# When has the search box answered a keystroke? When anything inside it changes (results, the empty
# message, the status line) after the input event: the box re-renders its list for every query it
# searches, whether the ranking ran on this thread or in a worker. A keystroke that changes nothing
# within NO_RENDER_MS (the one-letter first keystroke, which the box does not search) is counted apart.
RENDERED = """
function nightdeskRendered(root, timeout) {
  return new Promise(resolve => {
    let timer;
    const observer = new MutationObserver(() => { observer.disconnect(); clearTimeout(timer); resolve(true); });
    observer.observe(root, {childList: true, subtree: true, characterData: true});
    timer = setTimeout(() => { observer.disconnect(); resolve(false); }, timeout);
  });
}
"""

FIRST_QUERY_BOX = """async ([q, timeout]) => {
  %s
  const root = document.querySelector('[data-nd-search-home]');
  const input = root.querySelector('input[role=combobox]');
  const t0 = performance.now();
  const done = nightdeskRendered(root, timeout);
  input.focus();
  input.value = q;
  input.dispatchEvent(new Event('input'));
  const rendered = await done;
  root.offsetHeight;  // include style and layout
  const options = root.querySelectorAll('[role=option]').length;
  return [rendered ? performance.now() - t0 : null, options];
}""" % RENDERED

# Types each query letter by letter, a key every GAP ms as a quick typist does, timing each keystroke
# from the input event to the box's re-render (with layout), and records main-thread long tasks
# (over 50 ms) while typing.
KEYSTROKES = """async ([queries, gap, timeout]) => {
  %s
  const root = document.querySelector('[data-nd-search-home]');
  const input = root.querySelector('input[role=combobox]');
  await window.nightdesk.load();
  const long = [];
  const observer = new PerformanceObserver(list => list.getEntries().forEach(e => long.push(e.duration)));
  observer.observe({type: 'longtask'});
  const times = [];
  let silent = 0;
  input.focus();
  for (const q of queries) {
    for (let i = 1; i <= q.length; i++) {
      await new Promise(r => setTimeout(r, gap));
      const t0 = performance.now();
      const done = nightdeskRendered(root, timeout);
      input.value = q.slice(0, i);
      input.dispatchEvent(new Event('input'));
      if (await done) {
        root.offsetHeight;
        times.push(performance.now() - t0);
      } else {
        times.push(null);
        silent++;
      }
    }
  }
  await new Promise(r => setTimeout(r, 300));  // long-task entries arrive after the task
  observer.disconnect();
  return {times, silent, long};
}""" % RENDERED

# mkdocs-material's own search box, for the CI gate's same-run comparison: from typing a query on a
# fresh page to its first result in the list (material builds its lunr index in a worker on load).
MATERIAL_FIRST_QUERY = """async ([q, timeout]) => {
  const input = document.querySelector('input.md-search__input');
  const root = document.querySelector('.md-search-result');
  const t0 = performance.now();
  const done = new Promise(resolve => {
    const observer = new MutationObserver(() => {
      if (root.querySelector('.md-search-result__item')) { observer.disconnect(); resolve(performance.now() - t0); }
    });
    observer.observe(root, {childList: true, subtree: true});
    setTimeout(() => { observer.disconnect(); resolve(null); }, timeout);
  });
  input.focus();
  input.value = q;
  input.dispatchEvent(new Event('input', {bubbles: true}));
  input.dispatchEvent(new KeyboardEvent('keyup', {bubbles: true, key: q.slice(-1)}));
  return await done;
}"""


def material_first_results(url: str, query: str, fresh_pages: int = 3) -> float:
    """Best time, over fresh pages, from typing `query` into mkdocs-material's search box (served at `url`,
    over HTTP: its search worker cannot start from disk) to its first result; NaN if none came."""
    from playwright.sync_api import sync_playwright

    times = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=shutil.which("chromium"), args=["--no-sandbox"])
        for _ in range(fresh_pages):
            page = browser.new_context(service_workers="block").new_page()
            page.goto(url + "index.html")
            page.wait_for_load_state("load")
            took = page.evaluate(MATERIAL_FIRST_QUERY, [query, 30_000])
            if took is not None:
                times.append(took)
            page.context.close()
        browser.close()
    return min(times, default=float("nan"))


NO_RENDER_MS = 1000
KEY_GAP_MS = 50
SEARCH_FILES = ("search-index", "search-store", "vector")  # nothing of these may load before the first search


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * share))] if ordered else float("nan")


def measure(site: Path, url: str, slowdown: float, queries: list[str] | None = None, fresh_pages: int = 5,
            passes: int = 1) -> dict:
    """First results (median and best of fresh pages), keystroke p50/p95 and long tasks, in headless Chromium.

    `slowdown` > 1 throttles the CPU through the DevTools protocol (4 = a phone). Service workers are
    blocked: over HTTP the offline precache would otherwise run alongside and make timings swing.
    `passes` > 1 types everything again on as many fresh pages and keeps each keystroke's best time, so
    that a busy machine preempting one keystroke does not count (the CI gate's choice; long tasks are
    the first pass's)."""
    from playwright.sync_api import sync_playwright

    queries = queries or QUERIES
    out: dict = {"cpu_slowdown": slowdown}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=shutil.which("chromium"), args=["--no-sandbox"])

        def fresh_page():
            context = browser.new_context(service_workers="block")
            page = context.new_page()
            if slowdown > 1:
                context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": slowdown})
            return page

        early = []
        for label, script, arg in (("api", FIRST_QUERY_API, queries[0]), ("box", FIRST_QUERY_BOX, [queries[0], 10_000])):
            samples = []
            for _ in range(fresh_pages):
                page = fresh_page()
                requested: list[str] = []
                page.on("request", lambda request, seen=requested: seen.append(request.url))
                page.goto(url + "index.html")
                page.wait_for_load_state("load")
                early += [u for u in requested if any(name in u for name in SEARCH_FILES)]
                samples.append(page.evaluate(script, arg))
                page.context.close()
            timed = [s[0] for s in samples if s[0] is not None]
            out[f"first_{label}_ms"] = statistics.median(timed) if timed else float("nan")
            out[f"first_{label}_best_ms"] = min(timed, default=float("nan"))  # load on the machine only adds
            assert all(s[1] for s in samples), f"no results for {queries[0]!r}"
        out["search_data_loaded_before_first_search"] = sorted(set(early))
        runs = []
        for _ in range(passes):
            page = fresh_page()
            page.goto(url + "index.html")
            runs.append(page.evaluate(KEYSTROKES, [queries, KEY_GAP_MS, NO_RENDER_MS]))
            page.context.close()
        typed = runs[0]
        times = [min(t for t in same if t is not None) for same in zip(*(r["times"] for r in runs))
                 if any(t is not None for t in same)]
        out.update({"keystroke_p50_ms": percentile(times, 0.5), "keystroke_p95_ms": percentile(times, 0.95),
                    "keystroke_max_ms": max(times, default=float("nan")), "keystrokes": len(times),
                    "keystrokes_without_render": typed["silent"],
                    "long_tasks_while_typing": len(typed["long"]),
                    "longest_task_ms": max(typed["long"], default=0)})
        browser.close()
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--cpu-slowdown", type=float, default=1, help="Chromium CPU throttling, e.g. 4 for a phone")
    parser.add_argument("--short", action="store_true", help="short uniform articles instead of realistic ones")
    parser.add_argument("--keep", action="store_true", help="keep the generated sites")
    args = parser.parse_args()

    from generate_kb import generate

    folder = Path(tempfile.mkdtemp(prefix="nightdesk-bench-"))
    try:
        print(f"generating {args.articles} articles in {folder}")
        generate(args.articles, folder, realistic=not args.short)
        ours = build(folder, "[nightdesk/tasks, nightdesk/search]")
        theirs = build(folder, "[search]")
        assets = ours / "assets" / "nightdesk"
        index, store = assets / "search-index.js", assets / "search-store.js"
        material = theirs / "search" / "search_index.json"
        ours_gz, theirs_gz = gzipped(index, store), gzipped(material)
        print(f"payload gzipped: nightdesk {ours_gz / 1024:.0f} KiB (index {gzipped(index) / 1024:.0f} + store "
              f"{gzipped(store) / 1024:.0f}; raw {(index.stat().st_size + store.stat().st_size) / 1024:.0f} KiB) "
              f"vs material {theirs_gz / 1024:.0f} KiB (raw {material.stat().st_size / 1024:.0f} KiB): "
              f"{ours_gz / theirs_gz:.0%}")
        for where, url in (("file://", ours.as_uri() + "/"), ("http", serve(ours))):
            m = measure(ours, url, args.cpu_slowdown)
            print(f"{where:8} first results: API {m['first_api_ms']:.0f} ms, search box {m['first_box_ms']:.0f} ms "
                  f"(median of 5 fresh pages); keystroke p50 {m['keystroke_p50_ms']:.1f} ms, "
                  f"p95 {m['keystroke_p95_ms']:.1f} ms over {m['keystrokes']} keystrokes"
                  + (f" [CPU {args.cpu_slowdown:g}x slower]" if args.cpu_slowdown > 1 else ""))
    finally:
        if args.keep:
            print(f"kept {folder}")
        else:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
