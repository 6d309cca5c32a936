"""Shared fixtures: the sample site built once, a local HTTP server for it, and a real Chromium."""
from __future__ import annotations

import functools
import http.server
import os
import shutil
import sys
import threading
from pathlib import Path

import pytest

from sitebuild import REPO, build_site

sys.path.insert(0, str(REPO / "bench"))  # generate_kb: realistic knowledge bases of any size


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory) -> Path:
    """The repository's own sample knowledge base, built with --strict."""
    site = tmp_path_factory.mktemp("sample") / "site"
    done = build_site(REPO / "mkdocs.yml", site)
    assert done.returncode == 0, done.stderr
    return site


@pytest.fixture(scope="session")
def serve_dir():
    """Serve a folder over HTTP on 127.0.0.1; returns a function folder -> base URL."""
    servers = []

    def serve(folder: Path) -> str:
        handler = functools.partial(_QuietHandler, directory=str(folder))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}/"

    yield serve
    for server in servers:
        server.shutdown()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep pytest output readable
        pass


def chromium_executable() -> str | None:
    """Playwright's own Chromium when installed, else the system one (Debian's `chromium`)."""
    if os.environ.get("NIGHTDESK_CHROMIUM"):
        return os.environ["NIGHTDESK_CHROMIUM"]
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        if Path(p.chromium.executable_path).exists():
            return None
    return shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    executable = chromium_executable()
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=executable,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run",
                  "--allow-file-access-from-files"],
        )
        yield browser
        browser.close()


class ExternalRequests(list):
    """URLs a page tried to fetch from any host other than the local test server."""


@pytest.fixture
def page(browser):
    """A fresh browser page that blocks and records every request leaving this machine."""
    context = browser.new_context()
    external = ExternalRequests()

    def guard(route):
        url = route.request.url
        if url.startswith(("file:", "data:", "blob:", "http://127.0.0.1", "http://localhost")):
            route.continue_()
        else:
            external.append(url)
            route.abort()

    context.route("**/*", guard)
    page = context.new_page()
    page.external_requests = external
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.js_errors = errors
    yield page
    context.close()
