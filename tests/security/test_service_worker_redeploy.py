"""The service worker never strands a visitor: a redeploy that adds `c#-tips.md` and misses a precached
file still installs the new worker, and a returning visitor sees the new content (and reads the new
page offline)."""
from __future__ import annotations

import json
import shutil
import time

import pytest

from nightdesk.core.offline import Precache, service_worker_source, url_path
from sitebuild import build_site

pytestmark = pytest.mark.browser

MKDOCS_YML = """\
site_name: Redeploy
docs_dir: content
use_directory_urls: false
theme: {name: material, font: false}
plugins: [nightdesk/tasks, nightdesk/offline]
"""


def write_version(root, text, extra=False):
    (root / "content" / "tips").mkdir(parents=True)
    (root / "content" / "index.md").write_text("# Help\n", encoding="utf-8")
    (root / "content" / "tips" / "hours.md").write_text(f"# Opening hours\n\n{text}\n", encoding="utf-8")
    (root / "content" / "tips" / "other.md").write_text("# Other\n\nAnother page.\n", encoding="utf-8")
    if extra:
        (root / "content" / "tips" / "c#-tips.md").write_text("# C sharp tips\n\nA page with # in its name.\n")
    (root / "mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")
    return root / "mkdocs.yml"


def test_precache_urls_are_percent_encoded():
    source = service_worker_source("", Precache(paths=["tips/c#-tips.html", "a b/100%.html", "請求.html", "x(1).html"],
                                                 version="v", complete=True, total_bytes=0))
    settings = json.loads(source.split("=", 1)[1].split(";\n", 1)[0])
    assert settings["precache"] == ["tips/c%23-tips.html", "a%20b/100%25.html", "%E8%AB%8B%E6%B1%82.html", "x(1).html"]
    assert url_path("tips/plain.html") == "tips/plain.html"


def wait_until(page, condition, seconds):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        page.wait_for_timeout(200)
    return condition()


def test_redeploy_installs_the_new_worker_and_shows_new_content(browser, tmp_path, serve_dir):
    builds = {}
    for name, text, extra in (("v1", "Version one of this page.", False), ("v2", "Version two of this page.", True)):
        folder = tmp_path / name
        done = build_site(write_version(folder, text, extra), folder / "site")
        assert done.returncode == 0, done.stderr
        builds[name] = folder / "site"
    assert '"tips/c%23-tips.html"' in (builds["v2"] / "service-worker.js").read_text().split("\n", 1)[0]
    deploy = tmp_path / "deploy"
    shutil.copytree(builds["v1"], deploy)
    base = serve_dir(deploy)

    context = browser.new_context()
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith("http://127.0.0.1")
                  else route.abort())
    page = context.new_page()
    page.goto(base + "tips/hours.html")
    page.wait_for_function("navigator.serviceWorker.controller !== null", timeout=20000)
    assert "Version one" in page.locator("article").inner_text()

    # Deploy v2 (fresh modification times, as a real deploy has) with one precached file missing.
    shutil.rmtree(deploy)
    shutil.copytree(builds["v2"], deploy, copy_function=shutil.copy)
    (deploy / "tips" / "other.html").unlink()
    new_version = json.loads((deploy / "service-worker.js").read_text().split("=", 1)[1].split(";\n", 1)[0])["version"]

    def sees_new_content():
        page.goto(base + "tips/hours.html")
        return "Version two" in page.locator("article").inner_text()

    assert wait_until(page, sees_new_content, seconds=20)
    assert wait_until(page, lambda: f"nightdesk-{new_version}" in page.evaluate("caches.keys()"), seconds=20)
    assert wait_until(page, lambda: page.evaluate("caches.keys()") == [f"nightdesk-{new_version}"], seconds=10)

    context.set_offline(True)
    page.goto(base + "tips/c%23-tips.html")
    assert page.locator("h1").first.inner_text() == "C sharp tips"
    page.goto(base + "tips/hours.html")
    assert "Version two" in page.locator("article").inner_text()
    context.close()
