"""Careless input to the commands and the configuration: a clear `path:line: error:` naming the field or
option, never a traceback, and `nightdesk check` agreeing with `mkdocs build`."""
from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
import yaml

sys.path.insert(0, str(Path(__file__).parent.parent / "commands"))
from small_site import site  # noqa: E402,F401  (a fixture)

from nightdesk.cli import main  # noqa: E402
from nightdesk.core.frontmatter import split_front_matter  # noqa: E402
from nightdesk.core.knowledge_base import KnowledgeBase  # noqa: E402
from nightdesk.core.safe import UnsafeURL, check_url, script_json  # noqa: E402
from nightdesk.core.scaffold import render_scaffold, slugify_title  # noqa: E402
from nightdesk.core.support import read_support  # noqa: E402
from nightdesk.mkdocs.search.config import SearchConfig  # noqa: E402
from nightdesk.mkdocs.support.config import SupportConfig  # noqa: E402
from nightdesk.mkdocs.tasks.config import TasksConfig  # noqa: E402


# ---- nightdesk new ------------------------------------------------------------------------------

@pytest.mark.parametrize("title, file_name", [
    ("x" * 300, "x" * 80 + ".md"),
    ("Two\nlines", "two-lines.md"),
    ("0x1F", "0x1f.md"),
    ("017", "017.md"),
    ("yes", "yes.md"),
    ("請求書を送る", "請求書を送る.md"),
    ("Use the <Settings> page: now # really", "use-the-settings-page-now-really.md"),
])
def test_new_writes_a_title_that_reads_back_as_the_same_text(site, capsys, title, file_name):
    assert main(["new", title, "--task", "get-paid"]) == 0
    written = site / "content" / "get-paid" / file_name
    block = split_front_matter(written.read_text(encoding="utf-8"))
    assert block.error is None
    assert block.data["title"] == " ".join(title.split())  # text, never a number or a boolean
    assert main(["check"]) == 0, capsys.readouterr().out


def test_new_heading_shows_angle_brackets_as_text():
    markdown = render_scaffold("how-to", title="Use the <Settings> page", task="get-paid")
    assert "\n# Use the &lt;Settings&gt; page\n" in markdown


def test_slug_of_a_title_without_letters_is_refused_clearly(site, capsys):
    assert main(["new", "!!!", "--task", "get-paid"]) == 1
    assert "has no letters or digits" in capsys.readouterr().err
    assert slugify_title("Café crème") == "cafe-creme"


# ---- mkdocs.yml read by the commands -------------------------------------------------------------

@pytest.mark.parametrize("config, message", [
    ("plugins: 5\n", "option 'plugins': expected a list of plugins"),
    ("docs_dir: [a]\n", "option 'docs_dir': expected a folder name"),
    ("- just a list\n", "expected `option: value` lines"),
    ("plugins:\n  - nightdesk/tasks: 5\n", "plugin 'nightdesk/tasks': expected its options"),
])
def test_check_reports_a_broken_mkdocs_yml_without_a_traceback(tmp_path, monkeypatch, capsys, config, message):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n" + config if not config.startswith("-") else config)
    assert main(["check"]) == 2
    assert message in capsys.readouterr().err


# ---- check and build agree -----------------------------------------------------------------------

def test_check_reports_a_malformed_synonyms_file(site, capsys):
    (site / "content" / "synonyms.yml").write_text("refund: [money back\n")
    assert main(["check"]) == 1
    assert "content/synonyms.yml:2: error: not valid YAML" in capsys.readouterr().out


def test_check_reports_a_non_utf8_synonyms_file(site, capsys):
    (site / "content" / "synonyms.yml").write_bytes("caf\xe9: [coffee]\n".encode("latin-1"))
    assert main(["check"]) == 1
    assert "content/synonyms.yml:1: error: this file is not UTF-8 text" in capsys.readouterr().out


def test_check_reads_a_byte_order_mark_like_the_build(site, capsys):
    (site / "content" / "get-paid" / "bom.md").write_text(
        "\ufeff---\ntitle: BOM\nkind: tutorial\ntasks: [get-paid]\n---\n\nText.\n", encoding="utf-8")
    assert main(["check"]) == 1
    assert "content/get-paid/bom.md:3: error: field 'kind': unknown kind 'tutorial'" in capsys.readouterr().out


def test_check_refuses_symlinks_out_of_the_content_folder(site, tmp_path_factory, capsys):
    outside = tmp_path_factory.mktemp("outside") / "secret.md"
    outside.write_text("# Secret\n")
    (site / "content" / "get-paid" / "leak.md").symlink_to(outside)
    (site / "content" / "get-paid" / "gone.md").symlink_to(site / "nowhere.md")
    assert main(["check"]) == 1
    out = capsys.readouterr().out
    assert "content/get-paid/leak.md:1: error: this file resolves outside the content folder" in out
    assert "content/get-paid/gone.md:1: error: this file is a symlink to a file that does not exist" in out


@pytest.mark.parametrize("option", ["../secret.yml", "link.yml"])
def test_synonyms_outside_the_content_folder_are_not_read(site, capsys, option):
    """`synonyms: ../secret.yml`, or a symlink out of the content folder: refused, named, never read."""
    (site / "secret.yml").write_text("refund: [money back]\n")
    (site / "content" / "link.yml").symlink_to(site / "secret.yml")
    config = site / "mkdocs.yml"
    config.write_text(config.read_text().replace(
        "  - nightdesk/tasks\n", f"  - nightdesk/tasks\n  - nightdesk/search:\n      synonyms: {option}\n"))
    assert main(["check"]) == 1
    assert f"content/{option}:1: error: the synonyms file must be inside the content folder" in capsys.readouterr().out


def test_unreadable_tasks_file_is_reported_not_raised(tmp_path):
    (tmp_path / "tasks.yml").write_bytes(b"- id: a\n  title: \xff\n")
    kb = KnowledgeBase.load(tmp_path, prefix="content/")
    assert [str(p) for p in kb.problems] == [
        "content/tasks.yml:2: error: this file is not UTF-8 text (byte 0xff); save it as UTF-8 in your editor"]


def test_impossible_date_and_list_title_in_tasks_yml(tmp_path):
    (tmp_path / "tasks.yml").write_text("- id: a\n  title: [x, y]\n  order: 2026-02-30\n")
    kb = KnowledgeBase.load(tmp_path)
    assert [str(p) for p in kb.problems] == [
        "tasks.yml:3: error: task 'a': 'order' must be a whole number, got '2026-02-30'",
        "tasks.yml:2: error: task 'a': 'title' must be text, got a list",
    ]
    assert kb.tasks["a"].title == "A"


def test_featured_never_lists_an_article_twice(tmp_path):
    (tmp_path / "tasks.yml").write_text("- id: a\n  journey: [b/x.md]\n- id: b\n")
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "x.md").write_text("# X\n")
    (tmp_path / "b" / "y.md").write_text("# Y\n")
    kb = KnowledgeBase.load(tmp_path)
    assert [a.path for a in kb.featured()] == ["b/x.md", "b/y.md"]


# ---- configuration options -----------------------------------------------------------------------

@pytest.mark.parametrize("value", ["index.html", "", "../x.zip", "sub/x.zip", ".hidden.zip"])
def test_offline_zip_name_must_be_a_plain_zip_file_name(value):
    config = TasksConfig()
    config.load_dict({"offline_zip": value})
    errors, _ = config.validate()
    assert [key for key, _ in errors] == ["offline_zip"]


@pytest.mark.parametrize("url", ["javascript:alert(1)", " JavaScript:alert(1)", "java\tscript:alert(1)",
                                 "data:text/html,<script>alert(1)</script>", "vbscript:x", "file:///etc/passwd"])
def test_links_with_a_script_scheme_fail_naming_the_option(url):
    with pytest.raises(UnsafeURL, match="contact_url"):
        check_url(url, "contact_url")
    search = SearchConfig()
    search.load_dict({"contact_url": url})
    assert [key for key, _ in search.validate()[0]] == ["contact_url"]
    support = SupportConfig()
    support.load_dict({"timezone": "UTC", "feedback_endpoint": url})
    assert [key for key, _ in support.validate()[0]] == ["feedback_endpoint"]


@pytest.mark.parametrize("url", ["https://x.example/help", "http://x.example", "mailto:help@x.example",
                                 "tel:+441614960000", "contact.html", "/help/contact.html", "//x.example/a"])
def test_safe_links_are_kept(url):
    assert check_url(url, "contact_url") == url


@pytest.mark.parametrize("channel, message", [
    ({"kind": "phone", "value": "javascript:alert(1)"}, "channels[0].value: 'javascript:alert(1)' uses the 'javascript:' scheme"),
    ({"kind": "emergency", "value": "data:text/html,x"}, "channels[0].value: 'data:text/html,x' uses the 'data:' scheme"),
    ({"kind": "email", "value": "a@b.example?cc=x@evil.example"}, "is not an email address"),
    ({"kind": "chat", "value": "javascript://x"}, "needs a web address starting with https://"),
])
def test_support_channels_accept_only_safe_values(channel, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        read_support(timezone="UTC", hours={}, channels=[channel])


@pytest.mark.parametrize("hours, message", [
    ({"mon": "08:00-12:00, 11:00-14:00"}, "overlap"),
    ({"mon-fri": "08:00-18:00", "mon": "09:00-10:00"}, "mon is given twice"),
])
def test_overlapping_opening_hours_are_an_error(hours, message):
    with pytest.raises(ValueError, match=message):
        read_support(timezone="UTC", hours=hours)


def test_impossible_closed_day_is_an_error():
    with pytest.raises(ValueError, match="not a real date"):
        read_support(timezone="UTC", hours={}, closed=["2026-02-30 Made-up day"])


def test_script_json_cannot_end_a_script_element():
    text = script_json({"a": "</script><!-- & \u2028\u2029 >"})
    assert text == '{"a":"\\u003c/script\\u003e\\u003c!-- \\u0026 \\u2028\\u2029 \\u003e"}'
    assert yaml.safe_load(text) == {"a": "</script><!-- & \u2028\u2029 >"}


def test_an_empty_content_folder_builds_a_plain_no_articles_yet_site(tmp_path):
    from sitebuild import build_site

    (tmp_path / "content").mkdir()
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: Empty\ndocs_dir: content\nuse_directory_urls: false\ntheme: {name: material, font: false}\n"
        "plugins: [nightdesk/tasks, nightdesk/search, nightdesk/offline, nightdesk/seo]\n")
    done = build_site(tmp_path / "mkdocs.yml", tmp_path / "site")
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr
    assert '<p class="nd-empty">No articles yet.</p>' in (tmp_path / "site" / "index.html").read_text()
    assert (tmp_path / "site" / "assets" / "nightdesk" / "search-index.js").is_file()


def test_check_reads_an_impossible_date_in_mkdocs_yml_without_a_traceback(site, capsys):
    config = site / "mkdocs.yml"
    config.write_text(config.read_text() + "extra:\n  launched: 2026-02-30\n")
    assert main(["check"]) == 0
