"""A real manual written for Hugo (the Zen Cart storeowner docs), copied into content/ unchanged and built with
nightdesk's defaults plus `nightdesk tasks suggest`: what a support lead sees after importing it."""
from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

from sitebuild import REPO, build_site

from nightdesk.commands.tasks import suggested_tasks

pytestmark = pytest.mark.browser


def corpus() -> Path | None:
    candidates = [Path(os.environ["NIGHTDESK_CORPORA"])] if os.environ.get("NIGHTDESK_CORPORA") else []
    candidates += [REPO.parent / "shared" / "corpora", Path("/work/shared/corpora")]
    return next((c / "zencart-storeowner" for c in candidates if (c / "zencart-storeowner" / "user").is_dir()), None)


RAW = ("{%", "{{<", "{{%", "[!", ":::", "&#")


@pytest.fixture(scope="module")
def imported(tmp_path_factory):
    source = corpus()
    if source is None:
        pytest.skip("the Zen Cart corpus is not here (../shared/corpora or NIGHTDESK_CORPORA)")
    root = tmp_path_factory.mktemp("zencart")
    shutil.copytree(source / "user", root / "content" / "user")  # SOURCE.md is about the corpus, not an article
    (root / "content" / "tasks.yml").write_text(suggested_tasks(root / "content"), encoding="utf-8")
    (root / "mkdocs.yml").write_text(
        "site_name: Zen Cart Help\ndocs_dir: content\nuse_directory_urls: false\n"
        "theme:\n  name: material\n  font: false\nplugins:\n  - nightdesk/tasks\n  - nightdesk/search\n",
        encoding="utf-8")
    done = build_site(root / "mkdocs.yml", root / "site", strict=False)
    assert done.returncode == 0, done.stderr[-3000:]
    return root, done.stderr


def test_suggested_tasks_fill_the_home_page(imported):
    root, _ = imported
    home = (root / "site" / "index.html").read_text(encoding="utf-8")
    tiles = re.findall(r'class="nd-tile__title">([^<]+)<', home)
    assert 6 <= len(tiles) <= 12, tiles


def test_build_log_is_short_and_grouped_by_cause(imported):
    _, log = imported
    lines = log.splitlines()
    assert len(lines) < 300, len(lines)
    assert "problems by cause:" in log
    assert "contains a link" not in log and "absolute link" not in log  # MkDocs does not repeat nightdesk


def test_includes_are_resolved(imported):
    root, _ = imported
    page = (root / "site" / "user" / "admin_pages" / "configuration" / "all.html").read_text(encoding="utf-8")
    mystore = (root / "content" / "user" / "admin_pages" / "configuration" / "configuration_mystore.md").read_text()
    key = re.search(r"<b>(\w+)</b>", mystore).group(1)  # a configuration key the included page documents
    assert key in page and "include" not in re.sub(r"<[^>]+>", "", page).lower().split("all configuration")[0]


def test_no_page_shows_raw_markup(imported, browser, serve_dir):
    """Every page's visible text (code excepted: an author may show syntax on purpose)."""
    root, _ = imported
    base = serve_dir(root / "site")
    pages = sorted(p.relative_to(root / "site").as_posix() for p in (root / "site").rglob("*.html"))
    assert len(pages) > 600
    context = browser.new_context()
    page = context.new_page()
    page.goto(base + "index.html")
    found = page.evaluate("""async ([pages, raw]) => {
        const found = [];
        const parser = new DOMParser();
        for (let i = 0; i < pages.length; i += 25) {
            const batch = pages.slice(i, i + 25);
            const texts = await Promise.all(batch.map(p => fetch(p).then(r => r.text())));
            texts.forEach((html, j) => {
                const doc = parser.parseFromString(html, "text/html");
                doc.querySelectorAll("script, style, noscript, template, pre, code").forEach(e => e.remove());
                const text = doc.body.textContent;
                for (const token of raw) {
                    const at = text.indexOf(token);
                    if (at >= 0) found.push(`${batch[j]}: ${text.slice(Math.max(0, at - 40), at + 40).replace(/\\s+/g, " ")}`);
                }
            });
        }
        return found;
    }""", [pages, list(RAW)])
    context.close()
    assert found == [], "\n".join(found[:20])
