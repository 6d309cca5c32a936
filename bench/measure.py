"""Build one generated knowledge base with nightdesk and with plain mkdocs-material, and measure both.

Shared by `bench/run.py` (the full table) and `tests/bench/` (the CI regression gate).
"""
from __future__ import annotations

import functools
import gzip
import http.server
import os
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
PRODUCT_CONFIG = REPO / "mkdocs.yml"


@dataclass
class Build:
    """One `mkdocs build`: wall time and the peak resident memory of its process."""

    seconds: float
    peak_mb: float


def write_configs(kb_config: Path) -> tuple[Path, Path]:
    """Next to generate_kb's mkdocs.yml, write nightdesk.yml and material.yml over the same content.

    nightdesk.yml copies the product's own mkdocs.yml (theme, plugins, markdown extensions) at run time,
    so the benchmark follows whatever the sample site ships; custom_dir is dropped (the site's overrides).
    material.yml is the same site as a mkdocs-material user would set it up: same theme settings and
    Markdown extensions, the `search` plugin, nothing else.
    """
    product = yaml.safe_load(PRODUCT_CONFIG.read_text(encoding="utf-8"))
    theme = {key: value for key, value in product["theme"].items() if key != "custom_dir"}
    common = {
        "site_name": "Generated help centre",
        "site_url": product.get("site_url"),
        "docs_dir": "content",
        # Both sites use .html links (nightdesk's choice, so file:// works); same page count and URLs.
        "use_directory_urls": False,
        "theme": theme,
        "markdown_extensions": product.get("markdown_extensions", []),
    }
    folder = kb_config.parent
    ours, theirs = folder / "nightdesk.yml", folder / "material.yml"
    ours.write_text(yaml.safe_dump({**common, "plugins": product["plugins"]}, sort_keys=False), encoding="utf-8")
    theirs.write_text(yaml.safe_dump({**common, "plugins": ["search"]}, sort_keys=False), encoding="utf-8")
    return ours, theirs


def build(config: Path, site: Path) -> Build:
    """Run `mkdocs build` in its own process, which reports its own peak memory (bench/own_peak.py)."""
    peak_file = site.parent / f".{site.name}.peak"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "NIGHTDESK_PEAK_FILE": str(peak_file)}
    command = [sys.executable, str(Path(__file__).with_name("own_peak.py")), "build", "-q", "-f", str(config),
               "-d", str(site)]
    peak_file.unlink(missing_ok=True)
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=config.parent, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    stderr = process.stderr.read()
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise RuntimeError(f"{config.name}: mkdocs build failed\n{stderr.decode(errors='replace')}")
    try:
        peak_mb = float(peak_file.read_text(encoding="ascii"))
        peak_file.unlink()
    except (OSError, ValueError):  # not Linux: wait4's figure, which may include this process's own size
        peak_mb = usage.ru_maxrss / 1024  # KiB on Linux
    return Build(seconds, peak_mb)


def best_builds(configs: list[tuple[Path, Path]], runs: int) -> list[Build]:
    """Best (fastest) of `runs` builds of each (config, site), interleaved so that a burst of load on a
    shared machine hits both sides alike; peak memory barely varies, its maximum is kept."""
    builds: list[list[Build]] = [[] for _ in configs]
    for _ in range(runs):
        for done, (config, site) in zip(builds, configs):
            done.append(build(config, site))
    return [Build(min(b.seconds for b in done), max(b.peak_mb for b in done)) for done in builds]


def gzipped_size(*paths: Path) -> int:
    return sum(len(gzip.compress(p.read_bytes(), compresslevel=6)) for p in paths)


def site_sizes(site: Path) -> dict:
    """Total bytes on disk, the median page's HTML bytes, and the biggest top-level parts."""
    files = [p for p in site.rglob("*") if p.is_file()]
    pages = [p.stat().st_size for p in files if p.suffix == ".html"]
    parts: dict[str, int] = {}
    for p in files:
        top = p.relative_to(site).parts
        key = "/".join(top[:2]) if top[0] == "assets" and len(top) > 2 else top[0]
        parts[key] = parts.get(key, 0) + p.stat().st_size
    biggest = dict(sorted(parts.items(), key=lambda item: -item[1])[:4])
    return {"site_bytes": sum(p.stat().st_size for p in files), "files": len(files), "pages": len(pages),
            "median_page_bytes": int(statistics.median(pages)), "biggest_parts": biggest}


LEXICAL = ("search-index.js", "search-store.js")
MEANING = ("vector", "vec", "embed", "meaning")  # the meaning stage's data, whatever the engine names it


def search_payload(nightdesk_site: Path, material_site: Path) -> dict:
    """nightdesk's lexical index + store against mkdocs-material's search_index.json, raw and gzipped. The
    meaning stage's data (word-vector table and article vectors: files the build wrote, not the engine's
    shipped code, with "vector" or the like in their name) is counted apart: it has its own budget and
    loads after the first results. Every search file's gzipped size is listed too."""
    assets = nightdesk_site / "assets" / "nightdesk"
    ours = [assets / name for name in LEXICAL]
    theirs = material_site / "search" / "search_index.json"
    from importlib import resources

    shipped = {p.name for p in (resources.files("nightdesk") / "assets").iterdir()}  # code, not site data
    files = sorted(p for p in assets.rglob("*") if p.is_file())
    vectors = [p for p in files if p.name not in shipped and any(key in p.name.lower() for key in MEANING)]
    searching = [p for p in files if "search" in p.name or "lunr" in p.name or p in vectors]
    return {"nightdesk_raw": sum(p.stat().st_size for p in ours), "nightdesk_gzip": gzipped_size(*ours),
            "material_raw": theirs.stat().st_size, "material_gzip": gzipped_size(theirs),
            "vectors_gzip": gzipped_size(*vectors), "vector_files": [p.name for p in vectors],
            "every_search_file_gzip": {p.relative_to(assets).as_posix(): gzipped_size(p) for p in searching}}


def compare(kb_config: Path, runs: int = 1) -> dict:
    """Build the generated knowledge base both ways and return every number of one table row."""
    ours_config, theirs_config = write_configs(kb_config)
    folder = kb_config.parent
    ours_site, theirs_site = folder / "site-nightdesk", folder / "site-material"
    ours, theirs = best_builds([(ours_config, ours_site), (theirs_config, theirs_site)], runs)
    ours_size, theirs_size = site_sizes(ours_site), site_sizes(theirs_site)
    payload = search_payload(ours_site, theirs_site)
    return {
        "nightdesk": {"build_s": ours.seconds, "peak_mb": ours.peak_mb, **ours_size},
        "material": {"build_s": theirs.seconds, "peak_mb": theirs.peak_mb, **theirs_size},
        "search_payload": payload,
        "ratios": {
            "build_time": ours.seconds / theirs.seconds,
            "peak_memory": ours.peak_mb / theirs.peak_mb,
            "site_size": ours_size["site_bytes"] / theirs_size["site_bytes"],
            "median_page": ours_size["median_page_bytes"] / theirs_size["median_page_bytes"],
            "search_payload_gzip": payload["nightdesk_gzip"] / payload["material_gzip"],
        },
        "sites": {"nightdesk": str(ours_site), "material": str(theirs_site)},
    }


class _QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        pass  # a page closed mid-download (the service worker's precache): expected, not news


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(folder: Path) -> str:
    """Serve a built site on 127.0.0.1 for the rest of the process; returns its base URL."""
    server = _QuietServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/"


def search_speed(site: Path, where: tuple[str, ...] = ("http", "file"), slowdowns: tuple[float, ...] = (),
                 queries: list[str] | None = None, passes: int = 1) -> dict:
    """First results, keystroke latency and long tasks in headless Chromium, served over HTTP and/or opened
    from disk; plus, for each of `slowdowns`, over HTTP with the CPU that many times slower (4 = a phone),
    under "http_4x" etc. The measuring itself is bench/search_bench.py's, so both benchmarks agree;
    `passes` is its keystroke passes (best time per keystroke)."""
    from search_bench import measure

    urls = {"http": lambda: serve(site), "file": lambda: site.as_uri() + "/"}
    speed = {name: measure(site, urls[name](), 1, queries, passes=passes) for name in where}
    for slowdown in slowdowns:
        speed[f"http_{slowdown:g}x"] = measure(site, serve(site), slowdown, queries)
    return speed
