"""Fixtures for the hostile-input tests: a feedback endpoint that records every POST, and the hostile
help centre (hostile_site.py) built once, sending its feedback there."""
from __future__ import annotations

import http.server
import json
import sys
import threading
import time
from pathlib import Path

import pytest

from sitebuild import build_site

sys.path.insert(0, str(Path(__file__).parent))
from hostile_site import write_hostile_site  # noqa: E402


class Collector(http.server.BaseHTTPRequestHandler):
    """POST /collect: 204 and remember the JSON record. POST /refuse: 400 (a record the endpoint rejects)."""
    records: list = []
    lock = threading.Lock()
    delay = 0.0  # seconds each POST takes, to hold several tabs in the middle of sending

    def answer(self, status):
        self.send_response(status)
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Access-Control-Allow-Methods", "POST")
        self.send_header("Access-Control-Allow-Headers", "Content-Type")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_OPTIONS(self):
        self.answer(204)

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        if self.path.startswith("/refuse"):
            return self.answer(400)
        time.sleep(self.delay)
        with self.lock:
            self.records.append(json.loads(body))
        self.answer(204)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def collector():
    Collector.records = []
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Collector)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    server.records = Collector.records
    server.handler = Collector
    server.endpoint = f"http://127.0.0.1:{server.server_address[1]}/collect"
    yield server
    server.shutdown()


@pytest.fixture(scope="session")
def hostile(tmp_path_factory, collector):
    """(site folder, finished `mkdocs build` without --strict) of the hostile help centre."""
    root = tmp_path_factory.mktemp("hostile")
    done = build_site(write_hostile_site(root, collector.endpoint), root / "site", strict=False)
    return root / "site", done
