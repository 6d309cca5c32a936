"""`nightdesk init`: a ready help centre repository that builds with `mkdocs build --strict` on its own."""
import pytest
import yaml

from nightdesk.cli import main
from nightdesk.starter import languages, render_starter


def run_init(tmp_path, *args):
    return main(["init", str(tmp_path / "kb"), *args])


def test_init_writes_a_whole_repository(tmp_path, capsys):
    assert run_init(tmp_path, "--language", "fr", "--name", "Aide Boulangerie") == 0
    kb = tmp_path / "kb"
    for path in ("mkdocs.yml", "requirements.txt", "README.md", ".gitignore", ".github/workflows/publish.yml",
                 "content/tasks.yml", "content/synonyms.yml", "content/index.md"):
        assert (kb / path).is_file(), path
    config = yaml.safe_load((kb / "mkdocs.yml").read_text(encoding="utf-8"))
    assert config["site_name"] == "Aide Boulangerie" and config["theme"]["language"] == "fr"
    assert config["use_directory_urls"] is False and config["theme"]["font"] is False
    kinds = {yaml.safe_load(p.read_text(encoding="utf-8").split("---")[1])["kind"] for p in (kb / "content").rglob("*.md")
             if p.name != "index.md"}
    assert kinds == {"how-to", "troubleshooting", "faq"}
    assert "nightdesk==" in (kb / "requirements.txt").read_text()
    workflow = (kb / ".github/workflows/publish.yml").read_text()
    assert "pip install -r requirements.txt" in workflow and "pip install .\n" not in workflow
    assert "mkdocs serve" in capsys.readouterr().out


def test_init_never_overwrites(tmp_path, capsys):
    (tmp_path / "kb").mkdir()
    (tmp_path / "kb" / "mkdocs.yml").write_text("site_name: Mine\n")
    assert run_init(tmp_path) == 1
    assert "already has mkdocs.yml" in capsys.readouterr().err
    assert (tmp_path / "kb" / "mkdocs.yml").read_text() == "site_name: Mine\n"


def test_init_refuses_an_unknown_language(tmp_path, capsys):
    assert run_init(tmp_path, "--language", "xx") == 1
    assert "no language 'xx'" in capsys.readouterr().err


@pytest.mark.parametrize("language", languages())
def test_every_language_has_its_examples(language):
    files = render_starter(language=language).files
    assert sum(path.startswith("content/") and path.endswith(".md") and not path.endswith("index.md") for path in files) == 3
    assert "TODO" not in "".join(text for path, text in files.items() if path.startswith("content/"))


@pytest.mark.parametrize("language", languages())
def test_the_new_repository_passes_check_with_no_warning(tmp_path, language, monkeypatch, capsys):
    """Outside the nightdesk source tree. (`mkdocs build --strict` there: tests/browser/test_init_languages.py.)"""
    assert run_init(tmp_path, "--language", language) == 0
    monkeypatch.chdir(tmp_path / "kb")
    capsys.readouterr()
    assert main(["check"]) == 0
    assert "3 articles, 0 errors, 0 warnings" in capsys.readouterr().out


def test_requirement_follows_where_nightdesk_was_installed_from():
    """PEP 610 records `pip install git+https://...@v0.2.0`; the new site's CI must install the same thing."""
    from nightdesk.starter import requirement_for

    git = {"url": "https://github.com/acme/nightdesk", "vcs_info": {"vcs": "git", "requested_revision": "v0.2.0",
                                                                  "commit_id": "a" * 40}}
    assert requirement_for(git, "0.2.0") == "nightdesk @ git+https://github.com/acme/nightdesk@v0.2.0"
    pinned = {"url": "https://github.com/acme/nightdesk", "vcs_info": {"vcs": "git", "commit_id": "b" * 40}}
    assert requirement_for(pinned, "0.2.0") == f"nightdesk @ git+https://github.com/acme/nightdesk@{'b' * 40}"
    local = {"url": "file:///home/me/nightdesk", "dir_info": {"editable": True}}
    assert requirement_for(local, "0.2.0") == "nightdesk==0.2.0"
    assert requirement_for(None, "0.2.0") == "nightdesk==0.2.0"
