"""`nightdesk templates` lists and copies overridable templates; the build warns about stale or hookless ones."""
import os
import subprocess
import sys

from nightdesk.cli import main
from nightdesk.site.templates import override_problems


def new_site(tmp_path, monkeypatch):
    assert main(["init", str(tmp_path / "kb")]) == 0
    monkeypatch.chdir(tmp_path / "kb")
    return tmp_path / "kb"


def test_list_and_copy_adds_custom_dir(tmp_path, monkeypatch, capsys):
    kb = new_site(tmp_path, monkeypatch)
    assert main(["templates"]) == 0
    listing = capsys.readouterr().out
    assert "nightdesk/hub.html" in listing and "main.html" in listing and "scaffolds/how-to.md.j2" in listing
    assert main(["templates", "copy", "hub.html"]) == 0
    assert "custom_dir: templates" in (kb / "mkdocs.yml").read_text()
    copied = (kb / "templates" / "nightdesk" / "hub.html").read_text()
    assert copied.startswith("{#- nightdesk ") and "article_list" in copied
    assert main(["templates", "copy", "hub.html"]) == 1  # never overwrites
    assert main(["templates"]) == 0 and "(overridden)" in capsys.readouterr().out
    assert override_problems(kb / "templates") == []


def test_stale_and_hookless_overrides_are_named(tmp_path, monkeypatch):
    kb = new_site(tmp_path, monkeypatch)
    assert main(["templates", "copy", "nightdesk/article.html"]) == 0
    article = kb / "templates" / "nightdesk" / "article.html"
    article.write_text(article.read_text().replace("sha256 ", "sha256 0", 1).replace("sha256 0", "sha256 000000000000x", 1))
    (kb / "templates" / "main.html").write_text('{% extends "base.html" %}\n')
    os.utime(kb / "templates" / "main.html", (1, 1))  # copied by hand long ago
    problems = override_problems(kb / "templates")
    assert any("nightdesk/article.html" in p and "changed in the installed nightdesk" in p for p in problems)
    assert any("main.html" in p and "drops nightdesk's hooks" in p for p in problems)
    build = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], capture_output=True, text=True)
    assert build.returncode == 1 and "drops nightdesk's hooks" in build.stderr


def test_unknown_template(tmp_path, monkeypatch, capsys):
    new_site(tmp_path, monkeypatch)
    assert main(["templates", "copy", "nope.html"]) == 1
    assert "no template 'nope.html'" in capsys.readouterr().err
