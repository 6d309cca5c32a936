"""One small help centre written by an attacker and a careless author at once, built once per test run
and checked by many assertions (tests/security/test_*.py). Imported as a module: a second conftest.py
would clash with tests/conftest.py.

Every payload here must end as plain text or as a `path:line: error:` naming the field, and the rest of
the site must still be written."""
from __future__ import annotations

import os
from pathlib import Path

XSS = "<img src=x onerror=alert(1)>"
SECRET = "TOP-SECRET-OUTSIDE-DOCS-DIR"  # in a file outside docs_dir, reached through a symlink

TASKS_YML = f"""\
- id: get-paid
  title: "Get paid {XSS}"
  description: "Use the <Settings> page & more"
  icon: material/cash
  journey:
    - get-paid/evil.md
    - get-paid/evil.md
    - get-paid/plain.md
- id: bookings
  title: Bookings
  description: [not, text]
  icon: material/../../../../../../etc/x
  reviewed: 2026-02-30
"""

EVIL = f"""\
---
title: "{XSS} Use the <Settings> page"
description: "Summary </script><script>alert(2)</script> <!-- and \u2028 more"
kind: how-to
keywords: ["<b>k</b>", "refund"]
---

Body text.

1. Step one
2. Step two
"""

PLAIN = """\
---
title: A plain article
summary: Nothing special here.
---

1. Tap **Start**.
"""

BAD_DATE = """\
---
title: Reviewed on a day that never was
reviewed: 2026-02-30
tasks: [get-paid]
---

Text.
"""

LIST_TITLE = """\
---
title: [a, b]
tasks: [get-paid]
---

Text.
"""

BOM_BAD_KIND = "\ufeff---\ntitle: Byte order mark\nkind: tutorial\ntasks: [get-paid]\n---\n\nText.\n"

MKDOCS_YML = """\
site_name: "Hostile <img src=x onerror=alert(7)> help"
site_description: 'Help " onmouseover="alert(6) <b>bold</b>'
copyright: "Copyright &copy; 2026 <img src=x onerror=alert(8)>"
site_url: https://help.example/
docs_dir: content
use_directory_urls: false
theme:
  name: material
  font: false
plugins:
  - nightdesk/tasks
  - nightdesk/search:
      contact_url: mailto:help@example.com
  - nightdesk/support:
      timezone: Europe/London
      hours: {mon-fri: "08:00-18:00"}
      channels:
        - kind: email
          value: help@example.com
      feedback_endpoint: {endpoint}
  - nightdesk/offline
  - nightdesk/seo
"""

# What the build must report, each as `path:line: error:` (in any order, among others).
EXPECTED_ERRORS = (
    "content/get-paid/leak.md:1: error: this file resolves outside the content folder",
    "content/get-paid/gone.md:1: error: this file is a symlink to a file that does not exist",
    "content/get-paid/latin1.md:2: error: this file is not UTF-8 text",
    "content/get-paid/bad-date.md:3: error: field 'reviewed': '2026-02-30' is not a real date",
    "content/get-paid/list-title.md:2: error: field 'title': expected text, got a list",
    "content/get-paid/bom.md:3: error: field 'kind': unknown kind 'tutorial'",
    "content/tasks.yml:7: error: task 'get-paid': journey article 'get-paid/evil.md' is listed twice",
    "content/tasks.yml:11: error: task 'bookings': 'description' must be text, got a list",
    "content/tasks.yml:12: error: task 'bookings': icon 'material/../../../../../../etc/x' is not an icon name",
)


def write_hostile_site(root: Path, endpoint: str = "https://feedback.example/collect") -> Path:
    """Write the site under `root`, sending feedback to `endpoint`; returns its mkdocs.yml."""
    content = root / "content"
    (content / "get-paid").mkdir(parents=True)
    (content / "bookings").mkdir()
    (content / "tasks.yml").write_text(TASKS_YML, encoding="utf-8")
    (content / "index.md").write_text("# Help\n\nPick a task.\n", encoding="utf-8")
    (content / "get-paid" / "evil.md").write_text(EVIL, encoding="utf-8")
    (content / "get-paid" / "plain.md").write_text(PLAIN, encoding="utf-8")
    (content / "get-paid" / "bad-date.md").write_text(BAD_DATE, encoding="utf-8")
    (content / "get-paid" / "list-title.md").write_text(LIST_TITLE, encoding="utf-8")
    (content / "get-paid" / "bom.md").write_text(BOM_BAD_KIND, encoding="utf-8")
    (content / "get-paid" / "latin1.md").write_bytes("---\ntitle: Caf\u00e9\n---\n".encode("latin-1"))
    (content / "bookings" / "move.md").write_text("# Move a booking\n\n1. Tap it.\n", encoding="utf-8")
    outside = root / "outside"
    outside.mkdir()
    (outside / "secret.md").write_text(f"# Secret\n\n{SECRET}\n", encoding="utf-8")
    (outside / "secret.png").write_bytes(SECRET.encode())
    os.symlink(outside / "secret.md", content / "get-paid" / "leak.md")
    os.symlink(outside / "secret.png", content / "get-paid" / "leak.png")
    os.symlink(root / "does-not-exist.md", content / "get-paid" / "gone.md")
    (root / "mkdocs.yml").write_text(MKDOCS_YML.replace("{endpoint}", endpoint), encoding="utf-8")
    return root / "mkdocs.yml"
