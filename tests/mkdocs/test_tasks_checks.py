"""`nightdesk check` inside `mkdocs build`, the offline zip, and rebuilds picking up tasks.yml edits
(what `mkdocs serve` does on every change: it watches docs_dir, where tasks.yml and synonyms.yml live)."""
import datetime as dt
import zipfile

from sitebuild import build_site

RECENT = (dt.date.today() - dt.timedelta(days=10)).isoformat()
OLD = (dt.date.today() - dt.timedelta(days=400)).isoformat()


def make_site(root, articles):
    (root / "content" / "get-paid").mkdir(parents=True)
    (root / "content" / "tasks.yml").write_text("- id: get-paid\n  title: Get paid\n")
    for name, (title, reviewed, extra) in articles.items():
        (root / "content" / "get-paid" / name).write_text(
            f"---\ntitle: {title}\nsummary: Tap the button.\ntasks: [get-paid]\nkind: how-to\nreviewed: {reviewed}\n"
            f"---\n\n# {title}\n\n1. Tap **Start**.{extra}\n2. Tap **Done**.\n")
    config = root / "mkdocs.yml"
    config.write_text("site_name: Corner Shop Help\ndocs_dir: content\nuse_directory_urls: false\n"
                      "theme:\n  name: material\n  font: false\nplugins:\n  - nightdesk/tasks\n")
    return config


def test_a_broken_link_fails_strict_with_path_and_line(tmp_path):
    config = make_site(tmp_path, {"send.md": ("Send an invoice", RECENT, " See [the guide](gone.md#steps).")})
    done = build_site(config, tmp_path / "site")
    assert done.returncode != 0
    assert ("ERROR   -  nightdesk: content/get-paid/send.md:11: error: link 'gone.md#steps' points to "
            "get-paid/gone.md, which does not exist") in done.stderr
    assert len([line for line in done.stderr.splitlines() if "gone.md" in line]) == 1  # not again by MkDocs


def test_stale_articles_are_told_but_do_not_block_publishing(tmp_path):
    config = make_site(tmp_path, {"send.md": ("Send an invoice", OLD, "")})
    done = build_site(config, tmp_path / "site")
    assert done.returncode == 0, done.stderr
    assert f"INFO    -  nightdesk: content/get-paid/send.md:6: warning: last reviewed {OLD}" in done.stderr
    assert "nightdesk: check: 1 article, 0 errors, 1 warning" in done.stderr


def test_structure_warnings_are_advisory_unless_configured_otherwise(tmp_path):
    config = make_site(tmp_path, {"a.md": ("Send an invoice", RECENT, ""), "b.md": ("Send an invoice", RECENT, "")})
    done = build_site(config, tmp_path / "site")
    assert done.returncode == 0, done.stderr
    assert "INFO    -  nightdesk: content/get-paid/b.md:2: warning: title 'Send an invoice' is also" in done.stderr

    config.write_text(config.read_text().replace("  - nightdesk/tasks\n",
                                                 "  - nightdesk/tasks:\n      checks: {advisory: [freshness]}\n"))
    done = build_site(config, tmp_path / "site")
    assert done.returncode != 0
    assert "WARNING -  nightdesk: content/get-paid/b.md:2: warning: title 'Send an invoice' is also" in done.stderr


def test_the_build_writes_an_offline_zip_inside_the_site(tmp_path):
    config = make_site(tmp_path, {"send.md": ("Send an invoice", RECENT, "")})
    assert build_site(config, tmp_path / "site").returncode == 0
    with zipfile.ZipFile(tmp_path / "site" / "corner-shop-help-offline.zip") as archive:
        names = archive.namelist()
    assert "corner-shop-help-offline/index.html" in names
    assert "corner-shop-help-offline/get-paid/send.html" in names
    assert not any(name.endswith(".zip") for name in names)


def test_a_rebuild_reflects_edits_to_tasks_yml(tmp_path):
    config = make_site(tmp_path, {"send.md": ("Send an invoice", RECENT, "")})
    assert build_site(config, tmp_path / "site").returncode == 0
    assert "Get paid" in (tmp_path / "site" / "get-paid" / "index.html").read_text()
    (tmp_path / "content" / "tasks.yml").write_text("- id: get-paid\n  title: Take money\n")
    assert build_site(config, tmp_path / "site").returncode == 0
    assert "Take money" in (tmp_path / "site" / "get-paid" / "index.html").read_text()
