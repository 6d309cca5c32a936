"""Lighthouse (mobile, its default throttling) on the sample site, served gzipped on 127.0.0.1, system Chromium.

    make lighthouse            # = npm install --prefix bench && .venv/bin/python bench/lighthouse.py

Builds the repository's mkdocs.yml with --strict, audits the home page, a task hub, an article and the
search page, prints the four category scores per page, writes bench/results/lighthouse.json, and exits 1
if any score is below 95 (the target in issue 6). Full HTML reports: --reports DIR.
"""
from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

from measure import REPO

LIGHTHOUSE = REPO / "bench" / "node_modules" / ".bin" / "lighthouse"
PAGES = {"home": "index.html", "task hub": "get-paid/index.html",
         "article": "get-paid/send-your-first-invoice.html", "search": "search.html?q=refund"}
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
TARGET = 95


class _GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Static files, text gzipped as every static host (GitHub Pages, Netlify, nginx) serves them."""

    TEXT = (".html", ".css", ".js", ".json", ".svg", ".xml", ".webmanifest")

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if path.suffix not in self.TEXT or "gzip" not in self.headers.get("Accept-Encoding", "") or not path.is_file():
            return super().send_head()
        body = gzip.compress(path.read_bytes())
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)

    def log_message(self, *args):
        pass


def serve_gzipped(folder: Path) -> str:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_GzipHandler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/"


def audit(url: str, html_report: Path | None) -> dict:
    chrome = os.environ.get("CHROME_PATH") or shutil.which("chromium")
    command = [str(LIGHTHOUSE), url, "--quiet", "--output=json", "--output-path=stdout",
               f"--only-categories={','.join(CATEGORIES)}",
               "--chrome-flags=--headless=new --no-sandbox --disable-gpu"]
    done = subprocess.run(command, capture_output=True, text=True, env={**os.environ, "CHROME_PATH": chrome})
    if done.returncode != 0:
        sys.exit(f"lighthouse failed on {url}:\n{done.stderr[-2000:]}")
    report = json.loads(done.stdout)
    if html_report:
        subprocess.run(command[:3] + ["--output=html", f"--output-path={html_report}"] + command[5:],
                       env={**os.environ, "CHROME_PATH": chrome}, check=True)
    failing = {ref["id"]: report["audits"][ref["id"]]["title"]
               for name in CATEGORIES for ref in report["categories"][name]["auditRefs"]
               if ref["weight"] and (report["audits"][ref["id"]]["score"] or 0) < 1
               and report["audits"][ref["id"]]["scoreDisplayMode"] in ("binary", "numeric")}
    return {"scores": {name: round(report["categories"][name]["score"] * 100) for name in CATEGORIES},
            "not_perfect": failing}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=Path, help="also write an HTML report per page into this folder")
    args = parser.parse_args()
    if not LIGHTHOUSE.exists():
        sys.exit("Lighthouse is not installed: npm install --prefix bench")

    with tempfile.TemporaryDirectory(prefix="nightdesk-lighthouse-") as tmp:
        site = Path(tmp) / "site"
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "--strict", "-d", str(site)], cwd=REPO,
                       check=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
        base = serve_gzipped(site)
        if args.reports:
            args.reports.mkdir(parents=True, exist_ok=True)
        results = {name: audit(base + path, args.reports / f"{name.replace(' ', '-')}.html" if args.reports else None)
                   for name, path in PAGES.items()}

    print("| Page | " + " | ".join(CATEGORIES) + " |\n|---|" + "---:|" * len(CATEGORIES))
    for name, result in results.items():
        print(f"| {name} | " + " | ".join(str(result["scores"][c]) for c in CATEGORIES) + " |")
    for name, result in results.items():
        for audit_id, title in result["not_perfect"].items():
            print(f"  {name}: {audit_id}: {title}")
    out = REPO / "bench" / "results" / "lighthouse.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    low = [(n, c, r["scores"][c]) for n, r in results.items() for c in CATEGORIES if r["scores"][c] < TARGET]
    if low:
        sys.exit(f"below {TARGET}: {low}")


if __name__ == "__main__":
    main()
