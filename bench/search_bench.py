"""Search benchmark (not a test): 1,000 generated articles, measured in headless Chromium.

    .venv/bin/python bench/search_bench.py [--articles 1000] [--cpu-slowdown 4] [--keep]

Reports, for nightdesk/search:
  * first results: fresh page, time from the first query to results (loads lunr.js,
    the index and the store, unpacks the index, ranks), through the JS API and the box;
  * keystroke p50/p95: typing realistic queries letter by letter into the search box
    (query + rendering the options);
  * payload: search-index.js + search-store.js gzipped, against mkdocs-material's
    search/search_index.json for the same pages built with material's `search` plugin.

Articles are sentences from the sample content (content/), reshuffled, with made-up
product words mixed in so the vocabulary grows as a real help centre's does.
"""
from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
QUERIES = ["how do i refund a customer", "invocie not recieved", "card declined", "chase late payment",
           "change opening hours", "staff cant log in", "export for my accountant", "payout is late",
           "take a deposit", "no show fee"]


def sample_sentences() -> list[str]:
    sentences = []
    for path in sorted((REPO / "content").rglob("*.md")):
        body = path.read_text(encoding="utf-8").split("---", 2)[-1]
        for line in body.splitlines():
            line = re.sub(r"^\s*(?:[-*]|\d+\.)\s+|[*`#>]|\[([^\]]*)\]\([^)]*\)", r"\1", line).strip()
            sentences += [s.strip() for s in re.split(r"(?<=[.?!])\s+", line) if len(s.split()) >= 4]
    return sentences


def made_up_words(rng: random.Random, count: int) -> list[str]:
    syllables = ["ta", "ro", "mi", "ven", "dor", "ka", "lu", "sen", "bri", "tho", "pan", "qui", "zel", "mar", "fo"]
    return sorted({"".join(rng.choice(syllables) for _ in range(rng.randint(2, 4))) for _ in range(count)})


def generate_docs(docs: Path, articles: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    sentences, extra = sample_sentences(), made_up_words(rng, 6000)
    folders = ["get-paid", "fix-payment-problems", "manage-bookings", "customers", "team-and-staff",
               "account-and-billing", "reports-and-tax", "get-started"]

    def sentence() -> str:
        words = rng.choice(sentences).split()
        for _ in range(rng.randint(0, 2)):  # a product word or two, Zipf-like
            words[rng.randrange(len(words))] = extra[min(int(rng.paretovariate(0.6)) - 1, len(extra) - 1)]
        return " ".join(words)

    docs.mkdir(parents=True, exist_ok=True)
    (docs / "index.md").write_text('# Help centre\n\n<div class="nd-home-search" data-nd-search-home></div>\n',
                                   encoding="utf-8")
    for n in range(articles):
        folder = docs / folders[n % len(folders)]
        folder.mkdir(parents=True, exist_ok=True)
        title = " ".join(sentence().split()[:rng.randint(3, 6)]).rstrip(".,;:").capitalize()
        meta = {"title": f"{title} {n}", "summary": sentence(),
                "keywords": [" ".join(sentence().split()[:2]) for _ in range(rng.randint(3, 6))],
                "tasks": [folder.name]}
        body = [f"# {meta['title']}", "", " ".join(sentence() for _ in range(2))]
        for s in range(rng.randint(2, 5)):
            body += ["", f"## {' '.join(sentence().split()[:4]).rstrip('.,;:')} {s}", "",
                     " ".join(sentence() for _ in range(rng.randint(2, 6)))]
        text = "---\n" + yaml.safe_dump(meta, sort_keys=False) + "---\n" + "\n".join(body) + "\n"
        (folder / f"article-{n}.md").write_text(text, encoding="utf-8")
    shutil.copy(REPO / "content" / "synonyms.yml", docs / "synonyms.yml")


def build(folder: Path, plugins: str) -> Path:
    (folder / "mkdocs.yml").write_text(
        f"site_name: Bench\ndocs_dir: docs\nuse_directory_urls: false\ntheme: {{name: material}}\n"
        f"markdown_extensions: [toc]\nplugins: {plugins}\n", encoding="utf-8")
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

FIRST_QUERY_BOX = """async q => {
  const input = document.querySelector('[data-nd-search-home] input[role=combobox]');
  const t0 = performance.now();
  input.focus();
  input.value = q;
  input.dispatchEvent(new Event('input'));
  await window.nightdesk.load();
  await new Promise(r => setTimeout(r));  // let the box render
  const options = document.querySelectorAll('[data-nd-search-home] [role=option]').length;
  return [performance.now() - t0, options];
}"""

KEYSTROKES = """async queries => {
  const input = document.querySelector('[data-nd-search-home] input[role=combobox]');
  const listbox = document.getElementById(input.getAttribute('aria-controls'));
  await window.nightdesk.load();
  const times = [];
  for (const q of queries) {
    for (let i = 1; i <= q.length; i++) {
      const t0 = performance.now();
      input.value = q.slice(0, i);
      input.dispatchEvent(new Event('input'));
      await window.nightdesk.load();   // resolves after the box's own handler has rendered
      listbox.offsetHeight;              // include style and layout
      times.push(performance.now() - t0);
    }
  }
  return times;
}"""


def measure(site: Path, url: str, slowdown: float) -> dict:
    from playwright.sync_api import sync_playwright

    out = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=shutil.which("chromium"), args=["--no-sandbox"])
        for label, query in (("api", FIRST_QUERY_API), ("box", FIRST_QUERY_BOX)):
            samples = []
            for _ in range(5):
                page = browser.new_page()
                if slowdown > 1:
                    page.context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": slowdown})
                page.goto(url + "index.html")
                page.wait_for_load_state("load")
                samples.append(page.evaluate(query, "refund a customer"))
                page.close()
            out[f"first_{label}_ms"] = statistics.median(s[0] for s in samples)
            assert all(s[1] for s in samples), "no results"
        page = browser.new_page()
        if slowdown > 1:
            page.context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": slowdown})
        page.goto(url + "index.html")
        times = sorted(page.evaluate(KEYSTROKES, QUERIES))
        out["keystroke_p50_ms"] = times[len(times) // 2]
        out["keystroke_p95_ms"] = times[int(len(times) * 0.95)]
        out["keystrokes"] = len(times)
        browser.close()
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--cpu-slowdown", type=float, default=1, help="Chromium CPU throttling, e.g. 4 for a phone")
    parser.add_argument("--keep", action="store_true", help="keep the generated sites")
    args = parser.parse_args()

    folder = Path(tempfile.mkdtemp(prefix="nightdesk-bench-"))
    try:
        print(f"generating {args.articles} articles in {folder}")
        generate_docs(folder / "docs", args.articles)
        ours = build(folder, "[nightdesk/search]")
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
