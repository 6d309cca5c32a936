"""A small help centre in a temporary folder, as a support person's git checkout would hold it.

Imported by the command tests (a second conftest.py would clash with tests/conftest.py's module name)."""
import datetime as dt
import textwrap

import pytest

TASKS_YML = """\
- id: get-paid
  title: Get paid
- id: bookings
  title: Bookings
"""

RECENT = (dt.date.today() - dt.timedelta(days=10)).isoformat()

ARTICLE = """\
---
title: {title}
summary: Tap the button and you are done.
tasks: [{task}]
kind: how-to
reviewed: {reviewed}
---

# {title}

1. Tap **Start**.
2. Tap **Done**.
"""


def write_site(root, *, plugin_options: str = "", articles=None):
    """mkdocs.yml + content/ with one article per task; returns the root."""
    (root / "content").mkdir(parents=True, exist_ok=True)
    (root / "content" / "tasks.yml").write_text(TASKS_YML)
    (root / "content" / "index.md").write_text("# Help\n\nPick a task.\n")
    articles = articles if articles is not None else {
        "get-paid/send-an-invoice.md": ("Send an invoice", "get-paid", RECENT),
        "bookings/move-a-booking.md": ("Move a booking", "bookings", RECENT),
    }
    for path, (title, task, reviewed) in articles.items():
        target = root / "content" / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(ARTICLE.format(title=title, task=task, reviewed=reviewed))
    options = textwrap.indent(plugin_options, " " * 6)
    (root / "mkdocs.yml").write_text(
        "site_name: Test Help\ndocs_dir: content\nuse_directory_urls: false\n"
        "theme:\n  name: material\n  font: false\n"
        f"plugins:\n  - nightdesk/tasks{':' if plugin_options else ''}\n{options}\n"
        "markdown_extensions:\n  - toc:\n      slugify: !!python/name:markdown.extensions.toc.slugify\n"
        "  - attr_list\n")
    return root


@pytest.fixture
def site(tmp_path, monkeypatch):
    """A fresh small site, and the current folder set to it (as when an author runs the commands)."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    return write_site(tmp_path)
