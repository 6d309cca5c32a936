"""Every plugin combination a user may write builds, or stops with one clear line saying what to add.

Plugin order in mkdocs.yml must not matter: the Site is built by nightdesk/tasks at on_files priority 100.
"""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from sitebuild import build_site

CONTENT = {
    "tasks.yml": "- id: get-paid\n  title: Get paid\n  description: Invoices and card payments.\n",
    "get-paid/README.md": "# Get paid\n\nEverything about money coming in.\n",
    "get-paid/refund.md": "---\ntitle: Refund a customer\nsummary: Give money back from the payment.\n"
                          "reviewed: 2026-11-01\n---\n# Refund a customer\n\n1. Open the payment.\n2. Tap Refund.\n",
}
SUPPORT = {"nightdesk/support": {"timezone": "Europe/London", "hours": {"mon-fri": "09:00-17:00"},
                                 "channels": [{"kind": "email", "value": "help@example.com"}]}}
ALL = ["nightdesk/tasks", "nightdesk/search", SUPPORT, "nightdesk/offline", "nightdesk/seo"]


def make_site(tmp_path: Path, plugins: list) -> Path:
    for path, text in CONTENT.items():
        (tmp_path / "content" / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "content" / path).write_text(text, encoding="utf-8")
    config = {"site_name": "Help", "site_url": "https://help.example/", "docs_dir": "content",
              "use_directory_urls": False, "theme": {"name": "material", "font": False}, "plugins": plugins}
    (tmp_path / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    return tmp_path / "mkdocs.yml"


def build(tmp_path: Path, plugins: list):
    return build_site(make_site(tmp_path, plugins), tmp_path / "site")


def page(tmp_path: Path, path: str) -> str:
    return (tmp_path / "site" / path).read_text(encoding="utf-8")


@pytest.mark.parametrize("plugins", [ALL, ALL[::-1]], ids=["listed-in-order", "reversed"])
def test_order_does_not_matter(tmp_path, plugins):
    done = build(tmp_path, plugins)
    assert done.returncode == 0, done.stderr
    article = page(tmp_path, "get-paid/refund.html")
    assert "Did this answer your question?" in article and 'class="nd-support"' in article
    assert '"@type":"HowTo"' in article
    assert (tmp_path / "site/assets/nightdesk/search-index.js").is_file()
    assert (tmp_path / "site/service-worker.js").is_file()


def test_a_readme_hub_is_a_hub_for_every_plugin(tmp_path):
    assert build(tmp_path, ALL).returncode == 0
    hub = page(tmp_path, "get-paid/index.html")
    assert 'class="nd-support"' in hub.split('<template id="nd-support-box">')[0]
    assert '<meta name="description" content="Invoices and card payments.">' in hub
    assert "Refund a customer" in hub


@pytest.mark.parametrize("plugin", [SUPPORT, "nightdesk/seo"], ids=["support", "seo"])
@pytest.mark.parametrize("tasks", [None, {"nightdesk/tasks": {"enabled": False}}], ids=["tasks-missing", "tasks-disabled"])
def test_plugins_that_need_tasks_say_so_without_a_traceback(tmp_path, plugin, tasks):
    done = build(tmp_path, [plugin] + ([tasks] if tasks else []))
    name = plugin if isinstance(plugin, str) else next(iter(plugin))
    assert done.returncode != 0
    expected = (f"{name} needs nightdesk/tasks: add it to plugins" if tasks is None
                else f"{name} needs nightdesk/tasks, which is disabled (enabled: false)")
    assert expected in done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize("plugins", [["nightdesk/search"], ["nightdesk/offline"], ["nightdesk/tasks"],
                                     [{"nightdesk/tasks": {"enabled": False}}, "nightdesk/search", "nightdesk/offline"]],
                         ids=["search-alone", "offline-alone", "tasks-alone", "tasks-disabled-search-offline"])
def test_plugins_that_work_alone(tmp_path, plugins):
    done = build(tmp_path, plugins)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    for name in plugins:
        if name == "nightdesk/search":
            assert "Refund a customer" in (tmp_path / "site/assets/nightdesk/search-store.js").read_text(encoding="utf-8")
        if name == "nightdesk/offline":
            assert (tmp_path / "site/service-worker.js").is_file()
            assert (tmp_path / "site/assets/nightdesk/offline.js").is_file()


def test_every_plugin_can_be_disabled(tmp_path):
    plugins = [{next(iter(p)) if isinstance(p, dict) else p: {**(p[next(iter(p))] if isinstance(p, dict) else {}),
                                                             "enabled": False}} for p in ALL]
    done = build(tmp_path, plugins)
    assert done.returncode == 0, done.stderr
    assert not (tmp_path / "site/assets/nightdesk").exists()
    assert not (tmp_path / "site/service-worker.js").exists()
